package dev.revhooks.revdesk;

import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.signature.HmacSha256Signer;
import java.util.Objects;

/**
 * Builds requests the way RevDesk sends them, for tests of code that receives RevDesk webhooks.
 *
 * <pre>{@code
 * RevDeskSigner signer = RevDeskSigner.of(Secret.of("test-signing-secret"));
 * WebhookRequest purchased = signer.request(envelopeJson);          // X-revdesk-Signature-256: <hex>
 * WebhookRequest busy = RevDeskSigner.unsignedRequest(callJson);    // flat, no signature header
 * WebhookRequest noSecret = RevDeskSigner.withoutSigningSecret().request(envelopeJson);
 * }</pre>
 *
 * <p>Add a path, query or remote address for request guards with {@link WebhookRequest#toBuilder()}.
 */
public final class RevDeskSigner {

    private static final String CONTENT_TYPE = "Content-Type";
    private static final String JSON = "application/json";

    private final Secret secret;

    private RevDeskSigner(Secret secret) {
        this.secret = secret;
    }

    /**
     * A signer for a subscription with a signing secret.
     *
     * @param signingSecret the subscription's signing secret
     * @return the signer
     */
    public static RevDeskSigner of(Secret signingSecret) {
        return new RevDeskSigner(Objects.requireNonNull(signingSecret, "signingSecret"));
    }

    /**
     * A signer for a subscription without a signing secret: its header carries
     * {@value RevDeskWebhooks#NO_SECRET_PROVIDED}.
     *
     * @return the signer
     */
    public static RevDeskSigner withoutSigningSecret() {
        return new RevDeskSigner(null);
    }

    /**
     * The {@value RevDeskWebhooks#SIGNATURE_HEADER} value for a body.
     *
     * @param body the raw body
     * @return 64 lowercase hex digits, or {@value RevDeskWebhooks#NO_SECRET_PROVIDED} without a secret
     */
    public String signature(byte[] body) {
        Objects.requireNonNull(body, "body");
        return secret == null ? RevDeskWebhooks.NO_SECRET_PROVIDED : HmacSha256Signer.hex(secret, body);
    }

    /**
     * A signed request, as RevDesk sends number-lifecycle events.
     *
     * @param body the raw body, not copied
     * @return the request with {@code Content-Type} and {@value RevDeskWebhooks#SIGNATURE_HEADER}
     */
    public WebhookRequest request(byte[] body) {
        return WebhookRequest.builder(body)
                .header(CONTENT_TYPE, JSON)
                .header(RevDeskWebhooks.SIGNATURE_HEADER, signature(body))
                .build();
    }

    /**
     * An unsigned request, as RevDesk sends call-disposition and SMS events.
     *
     * @param body the raw body, not copied
     * @return the request with {@code Content-Type} and no signature header
     */
    public static WebhookRequest unsignedRequest(byte[] body) {
        return WebhookRequest.builder(body).header(CONTENT_TYPE, JSON).build();
    }

    @Override
    public String toString() {
        return secret == null ? "RevDeskSigner[" + RevDeskWebhooks.NO_SECRET_PROVIDED + "]" : "RevDeskSigner[" + secret + "]";
    }
}
