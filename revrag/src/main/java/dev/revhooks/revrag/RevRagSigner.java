package dev.revhooks.revrag;

import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.signature.HmacSha256Signer;
import dev.revhooks.core.signature.Sha256;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Builds correctly signed RevRag requests, for your tests: the headers RevRag sends, with
 * {@code X-Webhook-Signature: t=<seconds>,v1=<hex>} over {@code "{t}.{raw_body}"}.
 *
 * <pre>{@code
 * Secret secret = Secret.of("test-secret");
 * RevRagWebhooks revrag = RevRagWebhooks.builder().secret(secret).clock(fixedClock).build();
 * WebhookRequest request = RevRagSigner.of(secret).sign(body, fixedClock.instant());
 * VerifiedDelivery<RevRagEvent> delivery = revrag.receive(request);
 * }</pre>
 *
 * <p>With several secrets, the signature header carries one {@code v1} per secret, in order, as a
 * sender rotating its secret would. Immutable and thread-safe.
 */
public final class RevRagSigner {

    private static final String CONTENT_TYPE = "application/json";

    private final List<Secret> secrets;

    private RevRagSigner(List<Secret> secrets) {
        this.secrets = secrets;
    }

    /**
     * A signer with one secret.
     *
     * @param secret the signing secret
     * @return the signer
     */
    public static RevRagSigner of(Secret secret) {
        return of(List.of(Objects.requireNonNull(secret, "secret")));
    }

    /**
     * A signer that signs with every one of {@code secrets}, one {@code v1} entry each.
     *
     * @param secrets one or more secrets
     * @return the signer
     * @throws IllegalArgumentException when the list is empty
     */
    public static RevRagSigner of(List<Secret> secrets) {
        List<Secret> copy = List.copyOf(secrets);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is required");
        }
        return new RevRagSigner(copy);
    }

    /**
     * The {@code X-Webhook-Signature} value for a body sent at {@code sentAt}.
     *
     * @param body the raw body
     * @param sentAt the send time; the fraction of a second is dropped
     * @return {@code t=<seconds>,v1=<hex>[,v1=<hex>…]}
     * @throws IllegalArgumentException when {@code sentAt} is before 1970 (RevRag's {@code t} has no sign)
     */
    public String signatureHeader(byte[] body, Instant sentAt) {
        Objects.requireNonNull(body, "body");
        String timestamp = timestamp(sentAt);
        byte[][] message = SignatureHeader.signedMessage(timestamp, body);
        List<String> signatures = new ArrayList<>(secrets.size());
        for (Secret secret : secrets) {
            signatures.add(HmacSha256Signer.hex(secret, message));
        }
        return SignatureHeader.format(timestamp, signatures);
    }

    /**
     * A signed {@code call.ended} request, with an {@code X-Webhook-ID} derived from the body (the
     * same body gets the same id, as a re-sent delivery would).
     *
     * @param body the raw body, not copied
     * @param sentAt the send time; the fraction of a second is dropped
     * @return the request
     */
    public WebhookRequest sign(byte[] body, Instant sentAt) {
        String webhookId = "evt_" + HexFormat.of().formatHex(Sha256.digest(body), 0, 13);
        return sign(body, sentAt, RevRagEventType.CALL_ENDED.wireName(), webhookId);
    }

    /**
     * A signed request with the given unauthenticated headers.
     *
     * @param body the raw body, not copied
     * @param sentAt the send time; the fraction of a second is dropped
     * @param event the {@code X-Webhook-Event} value, or null to leave the header out
     * @param webhookId the {@code X-Webhook-ID} value, or null to leave the header out
     * @return the request, with {@code Content-Type}, {@code X-Webhook-Timestamp} and
     *     {@code X-Webhook-Signature} headers too
     */
    public WebhookRequest sign(byte[] body, Instant sentAt, String event, String webhookId) {
        String signature = signatureHeader(body, sentAt);
        return WebhookRequest.builder(body)
                .header("Content-Type", CONTENT_TYPE)
                .header(UnauthenticatedHints.EVENT_HEADER, event)
                .header(UnauthenticatedHints.WEBHOOK_ID_HEADER, webhookId)
                .header(SignatureHeader.TIMESTAMP_HEADER, timestamp(sentAt))
                .header(SignatureHeader.SIGNATURE_HEADER, signature)
                .build();
    }

    private static String timestamp(Instant sentAt) {
        long seconds = Objects.requireNonNull(sentAt, "sentAt").getEpochSecond();
        if (seconds < 0) {
            throw new IllegalArgumentException("sentAt must not be before 1970-01-01T00:00:00Z");
        }
        return Long.toString(seconds);
    }

    @Override
    public String toString() {
        List<String> ids = new ArrayList<>(secrets.size());
        for (int i = 0; i < secrets.size(); i++) {
            ids.add(secrets.get(i).idAt(i));
        }
        return "RevRagSigner[secrets=" + ids + "]";
    }
}
