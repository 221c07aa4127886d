package dev.revhooks.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One incoming webhook delivery as received: the raw body bytes, the headers and, when the caller
 * has them, the request path, query string and remote address (needed only by the opt-in request
 * guards).
 *
 * <pre>{@code
 * WebhookRequest request = WebhookRequest.builder(rawBody)
 *         .headers(headersMap)
 *         .path("/hooks/revdesk")
 *         .remoteAddress("203.0.113.7")
 *         .build();
 * }</pre>
 *
 * <p>The body is never decoded to a String for verification, and it is not copied: the array is
 * shared with the caller, who must not modify it afterwards.
 */
public final class WebhookRequest {

    private final byte[] body;
    private final WebhookHeaders headers;
    private final String path;
    private final String query;
    private final String remoteAddress;

    private WebhookRequest(Builder builder) {
        this.body = builder.body;
        this.headers = builder.headers;
        this.path = builder.path;
        this.query = builder.query;
        this.remoteAddress = builder.remoteAddress;
    }

    /**
     * A request with a body and single-valued headers.
     *
     * @param body the raw body, not copied
     * @param headers header names (any case) to values
     * @return the request
     */
    public static WebhookRequest of(byte[] body, Map<String, String> headers) {
        return builder(body).headers(WebhookHeaders.ofSingle(headers)).build();
    }

    /**
     * A builder for a request with the given raw body.
     *
     * @param body the raw body exactly as received, not copied
     * @return a builder
     */
    public static Builder builder(byte[] body) {
        return new Builder(body);
    }

    /**
     * The raw body exactly as received. Shared, not copied: do not modify.
     *
     * @return the body
     */
    public byte[] body() {
        return body;
    }

    /**
     * The headers.
     *
     * @return the headers, never null
     */
    public WebhookHeaders headers() {
        return headers;
    }

    /**
     * The request path, e.g. {@code /hooks/revdesk/3f9c…}.
     *
     * @return the path, or null when the caller did not supply it
     */
    public String path() {
        return path;
    }

    /**
     * The raw (still percent-encoded) query string, without the {@code ?}.
     *
     * @return the query, or null when there is none or the caller did not supply it
     */
    public String query() {
        return query;
    }

    /**
     * The address of the connection's peer (for example {@code HttpServletRequest.getRemoteAddr()}).
     *
     * @return an IPv4 or IPv6 literal, or null when the caller did not supply it
     */
    public String remoteAddress() {
        return remoteAddress;
    }

    /**
     * A builder for a copy of this request with other fields changed; the body stays shared.
     *
     * @return a builder holding this request's values
     */
    public Builder toBuilder() {
        return new Builder(body).headers(headers).path(path).query(query).remoteAddress(remoteAddress);
    }

    @Override
    public String toString() {
        // Not the path nor the query: either may carry a secret token (PathTokenGuard).
        return "WebhookRequest[body=" + body.length + " bytes, headers=" + headers.names() + "]";
    }

    /** Builds a {@link WebhookRequest}. */
    public static final class Builder {
        private final byte[] body;
        private WebhookHeaders headers = WebhookHeaders.empty();
        private WebhookHeaders.Builder pending;
        private String path;
        private String query;
        private String remoteAddress;

        private Builder(byte[] body) {
            this.body = Objects.requireNonNull(body, "body");
        }

        /**
         * Replaces the headers.
         *
         * @param headers the headers
         * @return this builder
         */
        public Builder headers(WebhookHeaders headers) {
            this.headers = Objects.requireNonNull(headers, "headers");
            this.pending = null;
            return this;
        }

        /**
         * Replaces the headers with those of a multi-valued map.
         *
         * @param headers the headers
         * @return this builder
         */
        public Builder headers(Map<String, ? extends List<String>> headers) {
            return headers(WebhookHeaders.of(headers));
        }

        /**
         * Adds one header value to those already set.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            if (pending == null) {
                pending = WebhookHeaders.builder();
                for (String existing : headers.names()) {
                    headers.all(existing).forEach(v -> pending.add(existing, v));
                }
            }
            pending.add(name, value);
            return this;
        }

        /**
         * Sets the request path.
         *
         * @param path the path, or null
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Sets the raw query string, without the {@code ?}.
         *
         * @param query the query, or null
         * @return this builder
         */
        public Builder query(String query) {
            this.query = query;
            return this;
        }

        /**
         * Sets the peer's address.
         *
         * @param remoteAddress an IPv4 or IPv6 literal, or null
         * @return this builder
         */
        public Builder remoteAddress(String remoteAddress) {
            this.remoteAddress = remoteAddress;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public WebhookRequest build() {
            if (pending != null) {
                headers = pending.build();
                pending = null;
            }
            return new WebhookRequest(this);
        }
    }
}
