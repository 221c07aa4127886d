package dev.revhooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the {@link WebhookRequest}s that vendor signers build as real HTTP requests, varies them
 * (tampered body, missing or replaced header), and checks the filter's rejections.
 */
final class WebhookHttp {

    /** Headers {@link HttpClient} sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WebhookHttp() {
    }

    /** POSTs the request's body with all its headers. */
    static HttpResponse<String> post(URI uri, WebhookRequest request) throws Exception {
        return send("POST", uri, request);
    }

    /** POSTs without waiting for the answer. */
    static CompletableFuture<HttpResponse<String>> postAsync(URI uri, WebhookRequest request) {
        return CLIENT.sendAsync(toHttp("POST", uri, request), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the request's body with all its headers, with any method. */
    static HttpResponse<String> send(String method, URI uri, WebhookRequest request) throws Exception {
        return CLIENT.send(toHttp(method, uri, request), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest toHttp(String method, URI uri, WebhookRequest request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(request.body()));
        WebhookHeaders headers = request.headers();
        for (String name : headers.names()) {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.all(name).forEach(value -> http.header(name, value));
            }
        }
        return http.build();
    }

    /**
     * POSTs a chunked body that never ends. The filter must answer {@code 413}: it refuses the body
     * one byte past the limit and discards what follows up to twice the limit, then stops reading,
     * so the container closes the connection while the client is still sending, and TCP may
     * discard the answer before the client reads it: the result is the answer, or empty when the
     * connection was closed first. ({@link TooLargeAnswerTest} shows a client that reads in time.)
     */
    static Optional<HttpResponse<String>> postEndlessBody(URI uri) throws InterruptedException {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                Arrays.fill(buffer, offset, offset + length, (byte) 'x');
                return length;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless)).build();
        // its own client, since the connection is closed under it
        try {
            return Optional.of(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (HttpTimeoutException e) {
            throw new AssertionError("the server is still reading an endless body", e);
        } catch (IOException closedWhileSending) {
            return Optional.empty();
        }
    }

    /** The same request with one bit of the body flipped after signing. */
    static WebhookRequest tampered(WebhookRequest signed) {
        byte[] body = signed.body().clone();
        body[body.length / 2] ^= 0x01;
        return withBody(signed, body);
    }

    /** The same request with another body and the original headers (so the original signature). */
    static WebhookRequest withBody(WebhookRequest signed, byte[] body) {
        return WebhookRequest.builder(body).headers(signed.headers()).build();
    }

    /** The same request without the header {@code name}. */
    static WebhookRequest without(WebhookRequest request, String name) {
        WebhookHeaders.Builder headers = WebhookHeaders.builder();
        for (String existing : request.headers().names()) {
            if (!existing.equalsIgnoreCase(name)) {
                request.headers().all(existing).forEach(value -> headers.add(existing, value));
            }
        }
        return WebhookRequest.builder(request.body()).headers(headers.build()).build();
    }

    /** The same request with the header {@code name} replaced by {@code value}. */
    static WebhookRequest replacing(WebhookRequest request, String name, String value) {
        return without(request, name).toBuilder().header(name, value).build();
    }

    /**
     * Asserts the filter's rejection: the reason's documented status, a one-line plain-text body
     * starting with the reason's name, and none of {@code secrets} anywhere in the response.
     */
    static void assertRejected(HttpResponse<String> response, FailureReason reason, String... secrets) {
        assertThat(response.statusCode()).as("status for %s", reason).isEqualTo(reason.httpStatus());
        assertThat(response.body()).startsWith(reason.name() + ": ").endsWith("\n");
        assertThat(response.body().lines()).hasSize(1);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        assertNothingSecret(response, secrets);
    }

    /** The UTF-8 bytes of a body written as text. */
    static byte[] utf8(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** The lowercase hex SHA-256 of a body, as delivery keys end. */
    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Asserts that none of {@code secrets} appears in the response's body or headers. */
    static void assertNothingSecret(HttpResponse<String> response, String... secrets) {
        String everything = response.body() + response.headers().map();
        Arrays.stream(secrets).forEach(secret -> assertThat(everything).doesNotContain(secret));
    }
}
