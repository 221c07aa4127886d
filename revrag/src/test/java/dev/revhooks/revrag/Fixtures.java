package dev.revhooks.revrag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.signature.HmacSha256Signer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared test material: a secret, a fixed clock, a receiver and request builders. */
final class Fixtures {

    static final String SECRET_VALUE = "revrag-test-secret-3f9c1e";
    static final Secret SECRET = Secret.of("current", SECRET_VALUE);
    static final Instant NOW = Instant.parse("2026-05-27T03:06:13Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final RevRagSigner SIGNER = RevRagSigner.of(SECRET);
    static final RevRagWebhooks RECEIVER = RevRagWebhooks.builder().secret(SECRET).clock(CLOCK).build();

    static final String SIGNATURE = "X-Webhook-Signature";
    static final String TIMESTAMP = "X-Webhook-Timestamp";
    static final String EVENT = "X-Webhook-Event";
    static final String WEBHOOK_ID = "X-Webhook-ID";

    private Fixtures() {
    }

    /** A test resource's bytes, exactly as stored. */
    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document's example body, lines 27-48 of the vendor document, byte for byte. */
    static byte[] exampleBody() {
        return resource("call-ended-example.json");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The v1 hex a sender with {@code secret} computes for timestamp text {@code t} and {@code body}. */
    static String v1(Secret secret, String t, byte[] body) {
        return HmacSha256Signer.hex(secret, t.getBytes(StandardCharsets.ISO_8859_1), new byte[] {'.'}, body);
    }

    static String v1(String t, byte[] body) {
        return v1(SECRET, t, body);
    }

    /** A correctly signed call.ended request sent now. */
    static WebhookRequest signed(byte[] body) {
        return SIGNER.sign(body, NOW);
    }

    /** {@code request} with header {@code name} replaced by {@code values} (removed when none). */
    static WebhookRequest withHeader(WebhookRequest request, String name, String... values) {
        WebhookHeaders.Builder headers = WebhookHeaders.builder();
        for (String existing : request.headers().names()) {
            if (!existing.equalsIgnoreCase(name)) {
                request.headers().all(existing).forEach(value -> headers.add(existing, value));
            }
        }
        for (String value : values) {
            headers.add(name, value);
        }
        return request.toBuilder().headers(headers.build()).build();
    }

    /** {@code request} with the header removed. */
    static WebhookRequest without(WebhookRequest request, String name) {
        return withHeader(request, name);
    }

    /**
     * Asserts that {@code receiver} rejects {@code request} with {@code reason}, and that the message
     * shows neither the secret nor the signature the request should have carried.
     */
    static WebhookVerificationException assertRejected(RevRagWebhooks receiver, WebhookRequest request,
                                                       FailureReason reason) {
        Throwable thrown = catchThrowable(() -> receiver.receive(request));
        assertThat(thrown).isInstanceOf(WebhookVerificationException.class);
        WebhookVerificationException e = (WebhookVerificationException) thrown;
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(e.getMessage()).doesNotContain(SECRET_VALUE);
        String sent = request.headers().first(TIMESTAMP);
        if (sent != null) {
            assertThat(e.getMessage()).doesNotContain(v1(sent, request.body()));
        }
        assertThat(e.getMessage()).doesNotContain(v1(Long.toString(NOW.getEpochSecond()), request.body()));
        return e;
    }

    static WebhookVerificationException assertRejected(WebhookRequest request, FailureReason reason) {
        return assertRejected(RECEIVER, request, reason);
    }
}
