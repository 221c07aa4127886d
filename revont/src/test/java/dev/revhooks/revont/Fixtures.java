package dev.revhooks.revont;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.json.WebhookJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared test material: the vendor documents' examples, loaded from resources, and request builders. */
final class Fixtures {

    /** The guide's {@code summary.ready} example, byte for byte. */
    static final byte[] GUIDE_EXAMPLE = resource("summary-ready-example.json");

    /** The API document's example secret, read from its verbatim "create a webhook" response. */
    static final String EXAMPLE_SECRET_VALUE = exampleSecret();

    static final Secret EXAMPLE_SECRET = Secret.of(EXAMPLE_SECRET_VALUE);

    static final RevontSigner SIGNER = RevontSigner.of(EXAMPLE_SECRET);

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

    private static String exampleSecret() {
        try {
            return WebhookJson.shared().readObject(resource("create-webhook-response.json")).get("secret").textValue();
        } catch (WebhookPayloadException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A body with the documented envelope; {@code dataJson} is inserted as written. */
    static byte[] envelope(String event, String timestamp, String dataJson) {
        return utf8("{\"event\":\"" + event + "\",\"timestamp\":\"" + timestamp + "\",\"data\":" + dataJson + "}");
    }

    static RevontWebhooks receiver() {
        return RevontWebhooks.builder().secret(EXAMPLE_SECRET).build();
    }

    /** Asserts a verification failure with {@code reason}, for further checks of the exception. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(ThrowingCallable call, FailureReason reason) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** Asserts a payload error carrying exactly {@code body}, for further checks of the exception. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertPayloadError(ThrowingCallable call, byte[] body) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(WebhookPayloadException.class,
                e -> assertThat(e.rawBody()).isSameAs(body));
    }
}
