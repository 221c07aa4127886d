package dev.revhooks.core.api;

import dev.revhooks.core.Secret;
import dev.revhooks.core.json.WebhookJson;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Configures a vendor's management-API client: the API key (required), the base URI, the timeouts
 * and the JSON set-up. Not thread-safe; each method replaces an earlier value, and each value is
 * checked when given, by the rules of {@link ApiTransport}'s {@code checked...} methods. A vendor
 * module hands one out from its client's {@code builder()} method.
 *
 * <pre>{@code
 * ExampleApi api = ExampleApi.builder()
 *         .apiKey(Secret.of("example-api", System.getenv("EXAMPLE_API_KEY")))
 *         .requestTimeout(Duration.ofSeconds(20))
 *         .build();
 * }</pre>
 *
 * <p>A vendor module's side:
 *
 * <pre>{@code
 * public static ApiClientBuilder<ExampleApi> builder() {
 *     return new ApiClientBuilder<>("Example API", URI.create(DEFAULT_BASE_URI_TEXT), ExampleApi::new);
 * }
 *
 * private ExampleApi(ApiTransport transport, WebhookJson json) { ... }
 * }</pre>
 *
 * @param <C> the client it builds
 */
public final class ApiClientBuilder<C> {

    private final String apiName;
    private final BiFunction<ApiTransport, WebhookJson, C> client;
    private Secret apiKey;
    private URI baseUri;
    private Duration connectTimeout = ApiTransport.DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = ApiTransport.DEFAULT_REQUEST_TIMEOUT;
    private WebhookJson json = WebhookJson.shared();

    /**
     * A builder for one vendor's client.
     *
     * @param apiName names the API at the start of every exception message, such as {@code "Example API"}
     * @param defaultBaseUri the vendor's documented base URI
     * @param client makes the client from its transport and the JSON set-up, once per {@link #build()}
     * @throws IllegalArgumentException when {@code apiName} is blank or the base URI breaks the rules of
     *     {@link ApiTransport#checkedBaseUri(URI)}
     */
    public ApiClientBuilder(String apiName, URI defaultBaseUri, BiFunction<ApiTransport, WebhookJson, C> client) {
        this.apiName = ApiTransport.checkedApiName(apiName);
        this.baseUri = ApiTransport.checkedBaseUri(defaultBaseUri);
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The workspace's API key, sent as {@code Authorization: Bearer <key>}; required.
     *
     * @param apiKey the key; visible ASCII characters only
     * @return this builder
     * @throws IllegalArgumentException when the key has a character that cannot be sent in a header
     */
    public ApiClientBuilder<C> apiKey(Secret apiKey) {
        this.apiKey = ApiTransport.checkedApiKey(apiKey);
        return this;
    }

    /**
     * The API's base URI, below which the vendor's paths live; the default is the vendor's documented
     * one (its client's {@code DEFAULT_BASE_URI_TEXT}). It must be {@code https}; plain {@code http}
     * is accepted only for the hosts {@code localhost} and {@code 127.0.0.1}, so tests can run a local
     * server. Trailing slashes are ignored.
     *
     * @param baseUri an absolute URI without user info, query or fragment
     * @return this builder
     * @throws IllegalArgumentException when the URI breaks one of these rules
     */
    public ApiClientBuilder<C> baseUri(URI baseUri) {
        this.baseUri = ApiTransport.checkedBaseUri(baseUri);
        return this;
    }

    /**
     * How long to wait for a connection; the default is 10 seconds.
     *
     * @param connectTimeout positive, at most one hour
     * @return this builder
     * @throws IllegalArgumentException when not positive or longer than one hour
     */
    public ApiClientBuilder<C> connectTimeout(Duration connectTimeout) {
        this.connectTimeout = ApiTransport.checkedTimeout("connectTimeout", connectTimeout);
        return this;
    }

    /**
     * How long one call may take in all, connecting and reading the whole answer included; the
     * default is 30 seconds.
     *
     * @param requestTimeout positive, at most one hour
     * @return this builder
     * @throws IllegalArgumentException when not positive or longer than one hour
     */
    public ApiClientBuilder<C> requestTimeout(Duration requestTimeout) {
        this.requestTimeout = ApiTransport.checkedTimeout("requestTimeout", requestTimeout);
        return this;
    }

    /**
     * The JSON set-up answers are read with; the default is {@link WebhookJson#shared()}.
     *
     * @param json the JSON set-up
     * @return this builder
     */
    public ApiClientBuilder<C> json(WebhookJson json) {
        this.json = Objects.requireNonNull(json, "json");
        return this;
    }

    /**
     * Builds the client. Build it once and share it: it holds an HTTP client with its connections.
     *
     * @return the client, immutable and thread-safe
     * @throws IllegalStateException when no API key was given
     */
    public C build() {
        if (apiKey == null) {
            throw new IllegalStateException("an API key is required: call apiKey(...)");
        }
        return client.apply(new ApiTransport(apiName, baseUri, apiKey, connectTimeout, requestTimeout, json), json);
    }

}
