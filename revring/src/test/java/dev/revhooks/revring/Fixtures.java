package dev.revhooks.revring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.json.WebhookJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Keys, receivers, the document's and realistic bodies, and rejection assertions shared by the tests. */
final class Fixtures {

    static final String KEY_VALUE = "rr_live_9c2f5a7e1b3d4f60a8e2";
    static final String PREVIOUS_KEY_VALUE = "rr_live_previous_55d1c0e9";
    static final Secret KEY = Secret.of("current", KEY_VALUE);
    static final Secret PREVIOUS_KEY = Secret.of("previous", PREVIOUS_KEY_VALUE);
    static final RevRingSigner SIGNER = RevRingSigner.of(KEY);

    /** The post-call example of the vendor document, byte for byte. */
    static final String DOCUMENT_EXAMPLE = "post-call-document-example.json";
    static final String COMPLETED = "post-call-completed.json";
    static final String FAILED = "post-call-failed.json";
    static final String PRE_CALL = "pre-call.json";
    static final String PRE_CALL_DIALED_AGENT = "pre-call-dialed-agent.json";

    private Fixtures() {
    }

    /** A receiver accepting both keys and both webhooks. */
    static RevRingWebhooks receiver() {
        return RevRingWebhooks.builder().apiKey(KEY).apiKey(PREVIOUS_KEY).build();
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resource as an editable JSON object, to derive variants of a document body. */
    static ObjectNode tree(String name) {
        try {
            return WebhookJson.shared().readObject(resource(name));
        } catch (WebhookPayloadException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] json(Object value) {
        return WebhookJson.shared().write(value);
    }

    /** A correctly keyed request with this body. */
    static WebhookRequest keyed(byte[] body) {
        return SIGNER.request(body);
    }

    static void assertRejected(ThrowingCallable call, FailureReason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /**
     * Asserts that {@code field} is required in the body of {@code resource}: removed, or set to
     * null, it is a payload error naming the field and carrying the raw body.
     */
    static void assertRequired(RevRingWebhooks receiver, String resource, String field) {
        ObjectNode missing = tree(resource);
        assertThat(missing.remove(field)).as("the resource has %s", field).isNotNull();
        byte[] missingBody = json(missing);
        assertPayloadError(() -> receiver.receive(keyed(missingBody)), missingBody, "'" + field + "'");
        byte[] nullBody = json(tree(resource).putNull(field));
        assertPayloadError(() -> receiver.receive(keyed(nullBody)), nullBody, "\"" + field + "\"");
    }

    static void assertPayloadError(ThrowingCallable call, byte[] body, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebhookPayloadException.class,
                e -> assertThat(e.rawBody()).isSameAs(body)).hasMessageContaining(messagePart);
    }
}
