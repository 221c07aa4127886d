package dev.revhooks.revont.api;

import static dev.revhooks.revont.api.ApiFixtures.API_KEY;
import static dev.revhooks.revont.api.ApiFixtures.API_KEY_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.revhooks.core.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The builder: required API key, defaults, a toString without the key, and each setting checked by
 * core's rules (every case of those rules is in core's {@code ApiTransportTest}).
 */
class RevontApiSettingsTest {

    @Test
    void defaultsToTheDocumentedBaseUriAndTimeoutsAndNeverShowsTheKey() {
        RevontApi api = RevontApi.builder().apiKey(API_KEY).build();

        assertThat(api).hasToString("RevontApi[baseUri=https://api.revont.ai/v1, connectTimeout=PT10S, requestTimeout=PT30S]");
        assertThat(api.toString()).doesNotContain(API_KEY_VALUE);
    }

    @Test
    void requiresAnApiKey() {
        assertThatIllegalStateException().isThrownBy(() -> RevontApi.builder().build())
                .withMessage("an API key is required: call apiKey(...)");
    }

    @Test
    void refusesAnApiKeyThatCannotBeSentInAHeaderWithoutShowingIt() {
        for (Secret key : new Secret[] {
            Secret.of("rk_live_with space"),
            Secret.of("rk_live_with\nbreak"),
            Secret.of("rk_live_caf\u00e9"),
            Secret.ofBytes(null, "rk_live_\u0000".getBytes(StandardCharsets.UTF_8))}) {
            assertThatIllegalArgumentException().isThrownBy(() -> RevontApi.builder().apiKey(key))
                    .withMessage("the API key may contain only visible ASCII characters (no spaces, no line breaks)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.revont.ai/v1", "http://localhost:8080/v1", "http://127.0.0.1:1/v1"})
    void acceptsHttpsAndLocalHttpBaseUris(String uri) {
        RevontApi api = RevontApi.builder().apiKey(API_KEY).baseUri(URI.create(uri)).build();

        assertThat(api.toString()).contains("baseUri=" + uri + ",");
    }

    @Test
    void ignoresTrailingSlashesOfTheBaseUri() {
        RevontApi api = RevontApi.builder().apiKey(API_KEY).baseUri(URI.create("https://eu.api.revont.ai/v1//")).build();

        assertThat(api.toString()).contains("baseUri=https://eu.api.revont.ai/v1,");
    }

    /** One base URI per rule; every case of each rule is in core's {@code ApiTransportTest}. */
    static Stream<Arguments> invalidBaseUris() {
        return Stream.of(
                Arguments.of("http://api.revont.ai/v1",
                        "the API base URI must use https; http is allowed only for localhost and 127.0.0.1 (tests)"),
                Arguments.of("ftp://api.revont.ai/v1", "the API base URI must be an absolute https:// URI with a host"),
                Arguments.of("https://user:pw@api.revont.ai/v1",
                        "the API base URI must not carry user info; give the key to apiKey(...)"),
                Arguments.of("https://api.revont.ai/v1?x=1", "the API base URI must not have a query or a fragment"));
    }

    @ParameterizedTest
    @MethodSource("invalidBaseUris")
    void refusesOtherBaseUris(String uri, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> RevontApi.builder().baseUri(URI.create(uri)))
                .withMessage(message);
    }

    @Test
    void acceptsTimeoutsUpToOneHour() {
        RevontApi api = RevontApi.builder().apiKey(API_KEY)
                .connectTimeout(Duration.ofMillis(1)).requestTimeout(Duration.ofHours(1)).build();

        assertThat(api.toString()).endsWith("connectTimeout=PT0.001S, requestTimeout=PT1H]");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 3_600_001})
    void refusesTimeoutsThatAreNotPositiveOrLongerThanOneHour(long millis) {
        Duration timeout = Duration.ofMillis(millis);
        assertThatIllegalArgumentException().isThrownBy(() -> RevontApi.builder().connectTimeout(timeout))
                .withMessage("connectTimeout must be positive and at most one hour, was " + timeout);
        assertThatIllegalArgumentException().isThrownBy(() -> RevontApi.builder().requestTimeout(timeout))
                .withMessage("requestTimeout must be positive and at most one hour, was " + timeout);
    }
}
