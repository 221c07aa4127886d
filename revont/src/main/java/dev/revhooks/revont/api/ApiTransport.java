package dev.revhooks.revont.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.revont.api.RevontApiException.Failure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The HTTP and JSON plumbing of the management client: settings checks, one request with the
 * bearer API key, a bounded answer, a whole-call deadline, and typed errors that never show the
 * API key.
 *
 * <p>The same class (apart from its exception type) serves {@code dev.revhooks.revdesk.api}: vendor
 * modules may not depend on each other, so it belongs in {@code core} once core has a place for it.
 */
final class ApiTransport {

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MAX_TIMEOUT = Duration.ofHours(1);
    /** The largest answer read; the rest of a larger one is not read. */
    static final int MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
    /** The longest {@link RevontApiException#bodyExcerpt()}, in characters, before {@code ...}. */
    static final int EXCERPT_CHARS = 512;

    private static final String REDACTED = "<redacted>";

    /**
     * One call as its document describes it.
     *
     * @param method the HTTP method
     * @param path the path below the base URI, its variable segments already encoded
     * @param jsonBody the JSON request body, or null for none
     * @param success the documented success statuses; any other is {@link Failure#UNEXPECTED_STATUS}
     * @param answerHoldsSecret whether a 2xx answer may hold a signing secret, so is never quoted
     * @param ifUncertain what the caller should know when the call may have taken effect but failed
     *     (no answer, a 5xx, a 2xx that does not read); null when nothing
     */
    record Call(String method, String path, byte[] jsonBody, Set<Integer> success, boolean answerHoldsSecret,
                String ifUncertain) {

        String name() {
            return method + " " + path;
        }
    }

    /**
     * An answer with a documented success status.
     *
     * @param status the status
     * @param body the body, at most {@link #MAX_RESPONSE_BYTES}
     */
    record Answer(int status, byte[] body) {
    }

    private final String vendor;
    private final URI baseUri;
    private final String apiKey;
    private final String authorization;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final WebhookJson json;
    private final HttpClient client;

    /**
     * A transport; the arguments must have passed this class's checks.
     *
     * @param vendor names the API in messages, e.g. {@code "Revont API"}
     */
    ApiTransport(String vendor, URI baseUri, Secret apiKey, Duration connectTimeout, Duration requestTimeout,
                 WebhookJson json) {
        this.vendor = vendor;
        this.baseUri = baseUri;
        this.apiKey = headerSafeApiKey(apiKey);
        this.authorization = "Bearer " + this.apiKey;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.json = json;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Checks an API base URI: absolute, {@code https}, or {@code http} for {@code localhost} and
     * {@code 127.0.0.1} only; no user info, query or fragment.
     *
     * @return the URI without trailing slashes
     */
    static URI checkedBaseUri(URI uri) {
        Objects.requireNonNull(uri, "baseUri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.isOpaque() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("the API base URI must be an absolute https:// URI with a host");
        }
        if (scheme.equals("http") && !isLoopbackName(uri.getHost())) {
            throw new IllegalArgumentException(
                    "the API base URI must use https; http is allowed only for localhost and 127.0.0.1 (tests)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the API base URI must not carry user info; give the key to apiKey(...)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the API base URI must not have a query or a fragment");
        }
        String text = uri.toString();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        return URI.create(text.substring(0, end));
    }

    private static boolean isLoopbackName(String host) {
        return host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1");
    }

    /**
     * Checks a timeout: positive and at most {@link #MAX_TIMEOUT}.
     *
     * @return the timeout
     */
    static Duration checkedTimeout(String name, Duration timeout) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(name + " must be positive and at most one hour, was " + timeout);
        }
        return timeout;
    }

    /**
     * The API key as a header value: visible ASCII only, so it can be sent as a bearer token.
     *
     * @return the key's characters; never put them in a message
     */
    static String headerSafeApiKey(Secret apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        byte[] bytes = apiKey.bytes();
        try {
            for (byte b : bytes) {
                if (b < 0x21 || b > 0x7E) {
                    throw new IllegalArgumentException(
                            "the API key may contain only visible ASCII characters (no spaces, no line breaks)");
                }
            }
            return new String(bytes, StandardCharsets.US_ASCII);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Sends one call, once (never retried), and waits at most the request timeout for the whole
     * answer.
     *
     * @return the answer, whose status is one of {@link Call#success()}
     * @throws RevontApiException any other status, no answer in time, a network error or an interrupt
     */
    Answer send(Call call) throws RevontApiException {
        CompletableFuture<HttpResponse<BoundedBody.Result>> pending =
                client.sendAsync(request(call), info -> new BoundedBody(MAX_RESPONSE_BYTES));
        HttpResponse<BoundedBody.Result> response;
        try {
            response = pending.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw failure(call, Failure.TIMEOUT, "no complete answer within " + requestTimeout, -1, "", null);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw failure(call, Failure.INTERRUPTED, "interrupted while waiting for the answer", -1, "", e);
        } catch (ExecutionException e) {
            throw sendFailure(call, e.getCause());
        }
        int status = response.statusCode();
        BoundedBody.Result body = response.body();
        if (!call.success().contains(status)) {
            boolean withhold = call.answerHoldsSecret() && status / 100 == 2;
            String excerpt = withhold ? "" : excerpt(body.bytes(), apiKey);
            String detail = "answered HTTP " + status + ", expected " + expected(call)
                    + (withhold ? " (body withheld: it may hold a signing secret)"
                    : excerpt.isEmpty() ? " (empty body)" : "; body: " + excerpt);
            throw failure(call, Failure.UNEXPECTED_STATUS, detail, status, excerpt, null);
        }
        if (body.truncated()) {
            throw malformed(call, new Answer(status, body.bytes()),
                    "the body is larger than " + MAX_RESPONSE_BYTES + " bytes");
        }
        return new Answer(status, body.bytes());
    }

    private HttpRequest request(Call call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri + call.path()))
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (call.jsonBody() == null) {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.jsonBody()));
        }
        return builder.build();
    }

    private RevontApiException sendFailure(Call call, Throwable cause) {
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return failure(call, Failure.TIMEOUT, "could not connect within " + connectTimeout, -1, "", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return failure(call, Failure.TIMEOUT, "no complete answer within " + requestTimeout, -1, "", cause);
        }
        String what = cause instanceof IOException ? "the request failed" : "the HTTP client failed";
        String reason = cause == null || cause.getMessage() == null ? "" : ": " + redact(cause.getMessage());
        return failure(call, Failure.NETWORK_ERROR,
                what + " (" + (cause == null ? "unknown cause" : cause.getClass().getSimpleName()) + reason + ")",
                -1, "", cause);
    }

    /**
     * Reads an answer into a type with the shared JSON set-up.
     *
     * @throws RevontApiException {@link Failure#MALFORMED_RESPONSE}
     */
    <T> T read(Call call, Answer answer, Class<T> type) throws RevontApiException {
        try {
            return json.read(answer.body(), type);
        } catch (WebhookPayloadException e) {
            throw unreadable(call, answer, e);
        }
    }

    /**
     * Reads an answer as a JSON object.
     *
     * @throws RevontApiException {@link Failure#MALFORMED_RESPONSE}
     */
    ObjectNode readObject(Call call, Answer answer) throws RevontApiException {
        try {
            return json.readObject(answer.body());
        } catch (WebhookPayloadException e) {
            throw unreadable(call, answer, e);
        }
    }

    /**
     * Converts part of an answer read with {@link #readObject(Call, Answer)}.
     *
     * @throws RevontApiException {@link Failure#MALFORMED_RESPONSE}
     */
    <T> T convert(Call call, Answer answer, JsonNode node, Class<T> type) throws RevontApiException {
        try {
            return json.convert(node, type, answer.body());
        } catch (WebhookPayloadException e) {
            throw unreadable(call, answer, e);
        }
    }

    /**
     * A {@link Failure#MALFORMED_RESPONSE} described by this package's own words; the answer is
     * quoted (redacted, bounded) unless it may hold a signing secret.
     *
     * @param detail what is wrong; must not quote the answer
     */
    RevontApiException malformed(Call call, Answer answer, String detail) {
        String excerpt = call.answerHoldsSecret() ? "" : excerpt(answer.body(), apiKey);
        String quoted = call.answerHoldsSecret() ? " (body withheld: it may hold a signing secret)"
                : excerpt.isEmpty() ? " (empty body)" : "; body: " + excerpt;
        return failure(call, Failure.MALFORMED_RESPONSE, "answered HTTP " + answer.status()
                + " with a body that is not the documented JSON: " + detail + quoted, answer.status(), excerpt, null);
    }

    /** A parser's complaint; withheld when the answer may hold a signing secret, as it may quote it. */
    private RevontApiException unreadable(Call call, Answer answer, WebhookPayloadException e) {
        return malformed(call, answer, call.answerHoldsSecret() ? "it does not parse" : redact(e.getMessage()));
    }

    private RevontApiException failure(Call call, Failure failure, String detail, int status, String excerpt,
                                       Throwable cause) {
        boolean clientError = status >= 400 && status < 500;
        String note = call.ifUncertain() == null || clientError ? "" : ". " + call.ifUncertain();
        return new RevontApiException(failure, vendor + " " + call.name() + ": " + detail + note, status, excerpt,
                cause);
    }

    private static String expected(Call call) {
        return call.success().stream().sorted().map(String::valueOf).collect(Collectors.joining(" or "));
    }

    private String redact(String text) {
        return text.replace(apiKey, REDACTED);
    }

    /**
     * The start of a body as one line of text: decoded as UTF-8 (invalid bytes replaced), every
     * occurrence of the API key replaced by {@code <redacted>} before anything is cut, control and line
     * separator characters replaced by spaces, at most {@link #EXCERPT_CHARS} characters, then
     * {@code ...} when cut.
     */
    static String excerpt(byte[] body, String apiKey) {
        String text = new String(body, StandardCharsets.UTF_8).replace(apiKey, REDACTED);
        StringBuilder out = new StringBuilder(Math.min(text.length(), EXCERPT_CHARS) + 3);
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (out.length() + width > EXCERPT_CHARS) {
                return out.toString().strip() + "...";
            }
            boolean control = Character.isISOControl(codePoint) || codePoint == '\u2028' || codePoint == '\u2029';
            if (control) {
                out.append(' ');
            } else {
                out.appendCodePoint(codePoint);
            }
            i += width;
        }
        return out.toString().strip();
    }

    @Override
    public String toString() {
        return "baseUri=" + baseUri + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout;
    }

    /** Collects an answer up to a limit; beyond it, stops reading and keeps what it has. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Result> {

        record Result(byte[] bytes, boolean truncated) {
        }

        private final int limit;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<Result> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        BoundedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<Result> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int room = limit - out.size();
                if (buffer.remaining() > room) {
                    byte[] part = new byte[room];
                    buffer.get(part);
                    out.write(part, 0, room);
                    subscription.cancel();
                    result.complete(new Result(out.toByteArray(), true));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(new Result(out.toByteArray(), false));
        }
    }
}
