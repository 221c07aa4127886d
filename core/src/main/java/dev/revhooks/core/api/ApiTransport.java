package dev.revhooks.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.api.ManagementApiException.Failure;
import dev.revhooks.core.json.WebhookJson;
import java.io.ByteArrayOutputStream;
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
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Support for the vendor modules' management API clients: the HTTP and JSON plumbing of one
 * client, on the JDK's {@link HttpClient} and a {@link WebhookJson}. It checks the settings, sends
 * one call with {@code Authorization: Bearer <API key>}, never retries and never follows a redirect,
 * reads at most 8 MiB of the answer within a whole-call deadline, and reports every failure as a
 * {@link ManagementApiException} whose message never quotes the answer's body and never shows the
 * API key; what it does quote from the API (a parser's complaint, the excerpt behind
 * {@link ManagementApiException#bodyExcerpt()}) is redacted first (see {@code Redaction}).
 *
 * <pre>{@code
 * ApiTransport transport = new ApiTransport("Example API", URI.create("https://api.example.com/v1"),
 *         apiKey, ApiTransport.DEFAULT_CONNECT_TIMEOUT, ApiTransport.DEFAULT_REQUEST_TIMEOUT,
 *         WebhookJson.shared());                          // once per client; thread-safe
 * Call list = new Call("GET", "/webhooks", null, Set.of(200), false, null);
 * EndpointList endpoints = transport.read(list, transport.send(list), EndpointList.class);
 * }</pre>
 *
 * <p>Public only because the vendor clients live in other packages; it is not meant for use
 * outside this library.
 */
public final class ApiTransport {

    /** The connect timeout a client uses unless configured: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The request timeout a client uses unless configured: 30 seconds. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MAX_TIMEOUT = Duration.ofHours(1);
    /** The largest answer read; the rest of a larger one is not read. */
    static final int MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
    /** The longest {@link ManagementApiException#bodyExcerpt()}, in characters, before {@code ...}. */
    static final int EXCERPT_CHARS = 512;
    /** How much of a body is decoded and redacted before the excerpt is cut: far more than it keeps. */
    static final int EXCERPT_SOURCE_BYTES = 16 * 1024;
    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

    /**
     * One call as the vendor's document describes it.
     *
     * <pre>{@code
     * Call create = new Call("POST", "/webhooks", json.write(request), Set.of(201), true,
     *         "The webhook may have been created: look for it and delete it");
     * }</pre>
     *
     * @param method the HTTP method, such as {@code "POST"}
     * @param path the path below the base URI, starting with {@code /}, its variable segments
     *     already encoded (see {@link ApiArguments#pathSegment(String, String)})
     * @param jsonBody the JSON request body, or null for none; not copied, so do not change it
     * @param success the documented success statuses, at least one; any other status is
     *     {@link Failure#UNEXPECTED_STATUS}
     * @param answerHoldsSecret whether a 2xx answer may hold a signing secret, so is never quoted
     * @param ifUncertain a sentence for the caller when the call may have taken effect but failed
     *     (no answer, a 5xx, a 2xx that does not read), appended to the message; null when nothing
     */
    public record Call(String method, String path, byte[] jsonBody, Set<Integer> success, boolean answerHoldsSecret,
                       String ifUncertain) {

        /**
         * Checks the call.
         *
         * @throws IllegalArgumentException when {@code method} is blank, {@code path} does not start
         *     with {@code /} or {@code success} is empty
         */
        public Call {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            success = Set.copyOf(Objects.requireNonNull(success, "success"));
            if (method.isBlank() || !path.startsWith("/") || success.isEmpty()) {
                throw new IllegalArgumentException("a call needs a method, a path starting with / and a success status");
            }
        }

        String name() {
            return method + " " + path;
        }
    }

    /**
     * An answer with a documented success status, as {@link #send(Call)} returns it.
     *
     * <pre>{@code
     * Answer answer = transport.send(call);
     * ObjectNode body = transport.readObject(call, answer);
     * }</pre>
     *
     * @param status the status
     * @param body the body, at most 8 MiB; not copied
     */
    public record Answer(int status, byte[] body) {

        /**
         * Checks the answer.
         *
         * @throws NullPointerException when {@code body} is null
         */
        public Answer {
            Objects.requireNonNull(body, "body");
        }
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
     * A transport, holding one HTTP client with its connections: make one per API client. Each
     * setting is checked as by this class's {@code checked...} methods.
     *
     * @param vendor names the API at the start of every exception message, such as {@code "Example API"}
     * @param baseUri the API's base URI, as {@link #checkedBaseUri(URI)} accepts it
     * @param apiKey the API key, as {@link #checkedApiKey(Secret)} accepts it
     * @param connectTimeout how long to wait for a connection, as {@link #checkedTimeout(String, Duration)} accepts it
     * @param requestTimeout how long a whole call may take, as {@link #checkedTimeout(String, Duration)} accepts it
     * @param json the JSON set-up answers are read with
     * @throws IllegalArgumentException when a setting breaks its rule or {@code vendor} is blank
     */
    public ApiTransport(String vendor, URI baseUri, Secret apiKey, Duration connectTimeout, Duration requestTimeout,
                        WebhookJson json) {
        this.vendor = checkedApiName(vendor);
        this.baseUri = checkedBaseUri(baseUri);
        this.apiKey = headerSafeApiKey(apiKey);
        this.authorization = "Bearer " + this.apiKey;
        this.connectTimeout = checkedTimeout("connectTimeout", connectTimeout);
        this.requestTimeout = checkedTimeout("requestTimeout", requestTimeout);
        this.json = Objects.requireNonNull(json, "json");
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Checks an API base URI: absolute, {@code https}, or {@code http} for {@code localhost} and
     * {@code 127.0.0.1} only (so tests can run a local server); no user info, query or fragment.
     *
     * @param uri the base URI
     * @return the URI without trailing slashes
     * @throws IllegalArgumentException when the URI breaks one of these rules
     */
    public static URI checkedBaseUri(URI uri) {
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
        return URI.create(TRAILING_SLASHES.matcher(uri.toString()).replaceFirst(""));
    }

    private static boolean isLoopbackName(String host) {
        return host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1");
    }

    /** Checks the name that starts every exception message: not blank. */
    static String checkedApiName(String name) {
        if (Objects.requireNonNull(name, "vendor").isBlank()) {
            throw new IllegalArgumentException("the API's name must not be blank");
        }
        return name;
    }

    /**
     * Checks a timeout: positive and at most one hour.
     *
     * @param name the setting's name in messages, such as {@code "connectTimeout"}
     * @param timeout the timeout
     * @return {@code timeout}
     * @throws IllegalArgumentException when not positive or longer than one hour
     */
    public static Duration checkedTimeout(String name, Duration timeout) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(name + " must be positive and at most one hour, was " + timeout);
        }
        return timeout;
    }

    /**
     * Checks an API key: visible ASCII characters only, so it can be sent as a bearer token in a
     * header. The message never shows the key.
     *
     * @param apiKey the key
     * @return {@code apiKey}
     * @throws IllegalArgumentException when the key has a character that cannot be sent in a header
     */
    public static Secret checkedApiKey(Secret apiKey) {
        headerSafeApiKey(apiKey);
        return apiKey;
    }

    /** The API key's characters, checked as by {@link #checkedApiKey(Secret)}; never put them in a message. */
    private static String headerSafeApiKey(Secret apiKey) {
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
     * Sends one call, once (never retried, redirects not followed), and waits at most the request
     * timeout for the whole answer.
     *
     * @param call the call
     * @return the answer, whose status is one of {@link Call#success()}
     * @throws ManagementApiException any other status ({@link Failure#UNEXPECTED_STATUS}), an answer
     *     larger than 8 MiB ({@link Failure#MALFORMED_RESPONSE}), no answer in time, a network error
     *     or an interrupt
     */
    public Answer send(Call call) throws ManagementApiException {
        CompletableFuture<HttpResponse<BoundedBody.Result>> pending =
                client.sendAsync(request(call), info -> new BoundedBody(MAX_RESPONSE_BYTES));
        HttpResponse<BoundedBody.Result> response;
        try {
            response = pending.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw failure(call, Failure.TIMEOUT, "no complete answer within " + requestTimeout, null, "", null);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw failure(call, Failure.INTERRUPTED, "interrupted while waiting for the answer", null, "", e);
        } catch (ExecutionException e) {
            throw sendFailure(call, Objects.requireNonNullElse(e.getCause(), e));
        }
        int status = response.statusCode();
        BoundedBody.Result body = response.body();
        if (!call.success().contains(status)) {
            boolean withhold = call.answerHoldsSecret() && status / 100 == 2;
            String excerpt = withhold ? "" : excerpt(body.bytes(), redaction(call));
            String detail = "answered HTTP " + status + ", expected " + expected(call) + bodyNote(withhold, excerpt);
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

    /** The HTTP client's own failure: a timeout it noticed first, or the request could not be made. */
    private ManagementApiException sendFailure(Call call, Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof HttpTimeoutException) {
            String detail = cause instanceof HttpConnectTimeoutException
                    ? "could not connect within " + connectTimeout : "no complete answer within " + requestTimeout;
            return failure(call, Failure.TIMEOUT, detail, null, "", cause);
        }
        String reason = cause.getMessage() == null ? "" : ": " + redaction(call).apply(cause.getMessage());
        return failure(call, Failure.NETWORK_ERROR,
                "the request failed (" + cause.getClass().getSimpleName() + reason + ")", null, "", cause);
    }

    /**
     * Reads an answer into a type with the JSON set-up.
     *
     * @param <T> the type
     * @param call the call answered
     * @param answer its answer
     * @param type the type to read, such as a record with {@code @JsonProperty} components
     * @return the value
     * @throws ManagementApiException {@link Failure#MALFORMED_RESPONSE}
     */
    public <T> T read(Call call, Answer answer, Class<T> type) throws ManagementApiException {
        try {
            return json.read(answer.body(), type);
        } catch (WebhookPayloadException e) {
            throw unreadable(call, answer, e);
        }
    }

    /**
     * Reads an answer as a JSON object.
     *
     * @param call the call answered
     * @param answer its answer
     * @return the object
     * @throws ManagementApiException {@link Failure#MALFORMED_RESPONSE}
     */
    public ObjectNode readObject(Call call, Answer answer) throws ManagementApiException {
        try {
            return json.readObject(answer.body());
        } catch (WebhookPayloadException e) {
            throw unreadable(call, answer, e);
        }
    }

    /**
     * Converts part of an answer read with {@link #readObject(Call, Answer)}.
     *
     * @param <T> the type
     * @param call the call answered
     * @param answer its answer
     * @param node the part to convert
     * @param type the type to convert it to
     * @return the value
     * @throws ManagementApiException {@link Failure#MALFORMED_RESPONSE}
     */
    public <T> T convert(Call call, Answer answer, JsonNode node, Class<T> type) throws ManagementApiException {
        try {
            return json.convert(node, type, answer.body());
        } catch (WebhookPayloadException e) {
            throw unreadable(call, answer, e);
        }
    }

    /**
     * A {@link Failure#MALFORMED_RESPONSE} described in the client's own words, for an answer that
     * reads but breaks a rule of the document. The answer is quoted (redacted, bounded) unless it may
     * hold a signing secret; the call's {@link Call#ifUncertain()} sentence is appended.
     *
     * @param call the call answered
     * @param answer its answer
     * @param detail what is wrong; must not quote the answer
     * @return the exception, to throw
     */
    public ManagementApiException malformed(Call call, Answer answer, String detail) {
        String excerpt = call.answerHoldsSecret() ? "" : excerpt(answer.body(), redaction(call));
        return failure(call, Failure.MALFORMED_RESPONSE, "answered HTTP " + answer.status()
                + " with a body that is not the documented JSON: " + detail
                + bodyNote(call.answerHoldsSecret(), excerpt), answer.status(), excerpt, null);
    }

    /**
     * A parser's complaint, redacted as an excerpt is (it may quote a value of the body); withheld
     * when the answer may hold a signing secret.
     */
    private ManagementApiException unreadable(Call call, Answer answer, WebhookPayloadException e) {
        return malformed(call, answer, call.answerHoldsSecret() ? "it does not parse" : redaction(call).apply(e.getMessage()));
    }

    /** What the message says of the body instead of quoting it. */
    private static String bodyNote(boolean withheld, String excerpt) {
        return withheld ? " (body withheld: it may hold a signing secret)"
                : excerpt.isEmpty() ? " (empty body)" : " (body not quoted here: see bodyExcerpt())";
    }

    /** What is hidden from anything quoted about this call's answer: the key and the URLs the call sent. */
    private Redaction redaction(Call call) {
        return Redaction.of(apiKey, call.jsonBody());
    }

    /** The exception; {@code status} is null when no answer arrived. */
    private ManagementApiException failure(Call call, Failure failure, String detail, Integer status, String excerpt,
                                           Throwable cause) {
        boolean clientError = status != null && status >= 400 && status < 500;
        String note = call.ifUncertain() == null || clientError ? "" : ". " + call.ifUncertain();
        return new ManagementApiException(failure, vendor + " " + call.name() + ": " + detail + note, status, excerpt,
                cause);
    }

    private static String expected(Call call) {
        return call.success().stream().sorted().map(String::valueOf).collect(Collectors.joining(" or "));
    }

    /**
     * The start of a body as one line of text: its first {@link #EXCERPT_SOURCE_BYTES} bytes decoded as
     * UTF-8 (invalid bytes replaced), redacted before anything is cut, control and line separator
     * characters replaced by spaces, at most {@link #EXCERPT_CHARS} characters, then {@code ...} when cut.
     */
    static String excerpt(byte[] body, Redaction redaction) {
        String text = redaction.apply(new String(body, 0, Math.min(body.length, EXCERPT_SOURCE_BYTES), StandardCharsets.UTF_8));
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
        return out.toString().strip() + (body.length > EXCERPT_SOURCE_BYTES ? "..." : "");
    }

    /**
     * Shows the base URI and the timeouts, never the API key.
     *
     * @return {@code baseUri=..., connectTimeout=..., requestTimeout=...}
     */
    @Override
    public String toString() {
        return "baseUri=" + baseUri + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout;
    }

    /** Collects an answer up to a limit; at a buffer that would pass it, stops reading and keeps what it has. */
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
                if (buffer.remaining() > limit - out.size()) {
                    subscription.cancel();
                    result.complete(new Result(out.toByteArray(), true)); // the start, enough for an excerpt
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
