package dev.revhooks.revdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared test material: the document's examples, a secret, and rejection assertions. */
final class Fixtures {

    static final String SECRET_VALUE = "whsec_revdesk-docs-example";
    static final Secret SECRET = Secret.of("current", SECRET_VALUE);
    static final RevDeskSigner SIGNER = RevDeskSigner.of(SECRET);

    /** The document's call-disposition example, byte for byte. */
    static final byte[] CALL_DISPOSITION = resource("call-disposition.json");
    /** The document's outbound-SMS example, byte for byte. */
    static final byte[] OUTBOUND_SMS = resource("outbound-sms.json");
    /** The document's number-lifecycle example, byte for byte. */
    static final byte[] NUMBER_LIFECYCLE = resource("number-lifecycle.json");

    private Fixtures() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request whose signature header carries {@code values}, once each, in order. */
    static WebhookRequest withSignature(byte[] body, String... values) {
        WebhookRequest.Builder builder = WebhookRequest.builder(body);
        for (String value : values) {
            builder.header(RevDeskWebhooks.SIGNATURE_HEADER, value);
        }
        return builder.build();
    }

    /** Asserts a verification failure with {@code reason} whose message shows no secret. */
    static WebhookVerificationException assertRejected(ThrowingCallable call, FailureReason reason) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(thrown).hasMessageNotContaining(SECRET_VALUE);
        return (WebhookVerificationException) thrown;
    }

    /** Asserts a payload failure that hands back exactly the body that was received. */
    static WebhookPayloadException assertPayloadError(ThrowingCallable call, byte[] body) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOfSatisfying(WebhookPayloadException.class,
                e -> assertThat(e.rawBody()).isSameAs(body));
        return (WebhookPayloadException) thrown;
    }
}
