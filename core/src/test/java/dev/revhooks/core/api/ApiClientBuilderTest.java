package dev.revhooks.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.revhooks.core.Secret;
import dev.revhooks.core.json.JsonLimits;
import dev.revhooks.core.json.WebhookJson;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The builder every vendor's API client hands out: a required key, the defaults, and each setting
 * checked when given (every case of those rules is in {@code ApiTransportTest}).
 */
class ApiClientBuilderTest {

    private static final String API_KEY_VALUE = "ex_live_4f8a2b1c9d3e";
    private static final Secret API_KEY = Secret.of("example-api", API_KEY_VALUE);

    /** A client as a vendor module writes one: what the builder hands it. */
    record ExampleApi(ApiTransport transport, WebhookJson json) {
        @Override
        public String toString() {
            return "ExampleApi[" + transport + "]";
        }
    }

    private static ApiClientBuilder<ExampleApi> builder() {
        return new ApiClientBuilder<>("Example API", URI.create("https://api.example.com/v1/"), ExampleApi::new);
    }

    @Test
    void defaultsToTheVendorsBaseUriAndTheTransportTimeoutsAndNeverShowsTheKey() {
        ExampleApi api = builder().apiKey(API_KEY).build();

        assertThat(api).hasToString("ExampleApi[baseUri=https://api.example.com/v1, connectTimeout=PT10S, requestTimeout=PT30S]");
        assertThat(api.toString()).doesNotContain(API_KEY_VALUE);
        assertThat(api.json()).isSameAs(WebhookJson.shared());
    }

    @Test
    void handsTheClientItsJsonSetUpAndATransportNamedForTheApi() {
        WebhookJson strict = WebhookJson.withLimits(new JsonLimits(8, 1000, 100, 1000));
        ApiClientBuilder<ExampleApi> builder = builder().apiKey(API_KEY).json(strict);
        ExampleApi first = builder.build();
        ExampleApi second = builder.build();

        assertThat(first.json()).isSameAs(strict);
        assertThat(first.transport()).as("one transport, with its HTTP client, per build").isNotSameAs(second.transport());
        ManagementApiException e = first.transport().malformed(
                new ApiTransport.Call("GET", "/things", null, Set.of(200), false, "list things"),
                new ApiTransport.Answer(200, new byte[0]), "no body");
        assertThat(e).hasMessageStartingWith("Example API");
    }

    @Test
    void requiresAnApiKey() {
        assertThatIllegalStateException().isThrownBy(() -> builder().build())
                .withMessage("an API key is required: call apiKey(...)");
    }

    @Test
    void refusesAnApiKeyThatCannotBeSentInAHeaderWithoutShowingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> builder().apiKey(Secret.of("ex_live_with space")))
                .withMessage("the API key may contain only visible ASCII characters (no spaces, no line breaks)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.example.com/v2", "http://localhost:8080/v1", "http://127.0.0.1:1/v1"})
    void acceptsHttpsAndLocalHttpBaseUris(String uri) {
        ExampleApi api = builder().apiKey(API_KEY).baseUri(URI.create(uri)).build();

        assertThat(api.toString()).contains("baseUri=" + uri + ",");
    }

    @Test
    void ignoresTrailingSlashesOfTheBaseUri() {
        ExampleApi api = builder().apiKey(API_KEY).baseUri(URI.create("https://eu.api.example.com/v1//")).build();

        assertThat(api.toString()).contains("baseUri=https://eu.api.example.com/v1,");
    }

    /** One base URI per rule; every case of each rule is in {@code ApiTransportTest}. */
    static Stream<Arguments> invalidBaseUris() {
        return Stream.of(
                Arguments.of("http://api.example.com/v1",
                        "the API base URI must use https; http is allowed only for localhost and 127.0.0.1 (tests)"),
                Arguments.of("ftp://api.example.com/v1", "the API base URI must be an absolute https:// URI with a host"),
                Arguments.of("https://user:pw@api.example.com/v1",
                        "the API base URI must not carry user info; give the key to apiKey(...)"),
                Arguments.of("https://api.example.com/v1?x=1", "the API base URI must not have a query or a fragment"));
    }

    @ParameterizedTest
    @MethodSource("invalidBaseUris")
    void refusesOtherBaseUrisAsSettingAndAsDefault(String uri, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> builder().baseUri(URI.create(uri))).withMessage(message);
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ApiClientBuilder<>("Example API", URI.create(uri), ExampleApi::new)).withMessage(message);
    }

    @Test
    void acceptsTimeoutsUpToOneHour() {
        ExampleApi api = builder().apiKey(API_KEY)
                .connectTimeout(Duration.ofMillis(1)).requestTimeout(Duration.ofHours(1)).build();

        assertThat(api.toString()).endsWith("connectTimeout=PT0.001S, requestTimeout=PT1H]");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 3_600_001})
    void refusesTimeoutsThatAreNotPositiveOrLongerThanOneHour(long millis) {
        Duration timeout = Duration.ofMillis(millis);
        assertThatIllegalArgumentException().isThrownBy(() -> builder().connectTimeout(timeout))
                .withMessage("connectTimeout must be positive and at most one hour, was " + timeout);
        assertThatIllegalArgumentException().isThrownBy(() -> builder().requestTimeout(timeout))
                .withMessage("requestTimeout must be positive and at most one hour, was " + timeout);
    }

    @Test
    void refusesABlankApiNameAndMissingParts() {
        URI base = URI.create("https://api.example.com/v1");
        assertThatIllegalArgumentException().isThrownBy(() -> new ApiClientBuilder<>(" ", base, ExampleApi::new))
                .withMessage("the API's name must not be blank");
        assertThatNullPointerException().isThrownBy(() -> new ApiClientBuilder<>(null, base, ExampleApi::new));
        assertThatNullPointerException().isThrownBy(() -> new ApiClientBuilder<ExampleApi>("Example API", base, null));
        assertThatNullPointerException().isThrownBy(() -> builder().json(null)).withMessage("json");
    }
}
