package dev.revhooks.revont;

import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.signature.HmacSha256Signer;
import java.util.Objects;

/**
 * Signs bodies the way Revont does, to build valid deliveries in your tests:
 * {@code X-Revont-Signature: sha256=<lowercase hex HMAC-SHA256 of the body>}, keyed with the
 * secret's exact bytes.
 *
 * <pre>{@code
 * RevontSigner signer = RevontSigner.of(Secret.of("whsec_test"));
 * byte[] body = "{\"event\":\"call.ended\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":{}}"
 *         .getBytes(StandardCharsets.UTF_8);
 * VerifiedDelivery<RevontEvent> delivery = receiver.receive(signer.sign(body));
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #toString()} does not show the secret.
 */
public final class RevontSigner {

    private final Secret secret;

    private RevontSigner(Secret secret) {
        this.secret = secret;
    }

    /**
     * A signer for one secret.
     *
     * @param secret the signing secret, as given to {@link RevontWebhooks.Builder#secret(Secret)}
     * @return the signer
     */
    public static RevontSigner of(Secret secret) {
        return new RevontSigner(Objects.requireNonNull(secret, "secret"));
    }

    /**
     * The {@code X-Revont-Signature} value for a body.
     *
     * @param body the raw body
     * @return {@code sha256=} followed by 64 lowercase hex digits
     */
    public String signatureHeader(byte[] body) {
        return SignatureHeader.format(HmacSha256Signer.sign(secret, body));
    }

    /**
     * A request carrying {@code body} and its {@code X-Revont-Signature} header.
     *
     * @param body the raw body; not copied
     * @return the signed request
     */
    public WebhookRequest sign(byte[] body) {
        return WebhookRequest.builder(body).header(SignatureHeader.NAME, signatureHeader(body)).build();
    }

    @Override
    public String toString() {
        return "RevontSigner[" + secret + "]";
    }
}
