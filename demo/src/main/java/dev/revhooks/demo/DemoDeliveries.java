package dev.revhooks.demo;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.revdesk.RevDeskSigner;
import dev.revhooks.revont.RevontSigner;
import dev.revhooks.revont.RevontWebhooks;
import dev.revhooks.revrag.RevRagSigner;
import dev.revhooks.revring.RevRingSigner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The deliveries the demo sends: each vendor document's example, signed the way the vendor signs
 * with the demo secrets by that vendor's public signer, followed by what an attacker or a broken
 * sender could send instead.
 */
final class DemoDeliveries {

    private static final String CONTENT_TYPE = "Content-Type";
    private static final String JSON = "application/json";

    private DemoDeliveries() {
    }

    /**
     * Every delivery, in the order sent.
     *
     * @param now the send time of RevRag's signed timestamps; the RevRag receiver's clock must agree
     * @return the deliveries
     */
    static List<DemoDelivery> all(Instant now) {
        List<DemoDelivery> all = new ArrayList<>();
        all.addAll(revont());
        all.addAll(revrag(now));
        all.addAll(revring());
        all.addAll(revdesk());
        return List.copyOf(all);
    }

    private static List<DemoDelivery> revont() {
        Target summaryReady = new Target("revont", "summary.ready", Endpoints.REVONT);
        byte[] body = Sample.REVONT_SUMMARY_READY.bytes();
        RevontSigner signer = RevontSigner.of(DemoSecrets.revont());
        WebhookRequest genuine = signer.sign(body);
        WebhookRequest forged = json(body).toBuilder()
                .header(RevontWebhooks.SIGNATURE_HEADER, "sha256=" + HexFormat.of().formatHex(sha256(body)))
                .build();
        return List.of(
                summaryReady.delivery("genuine: the guide's example", genuine, Verdict.accepted(204)),
                summaryReady.delivery("the same delivery again (replay)", genuine, Verdict.duplicate()),
                summaryReady.delivery("body tampered after signing",
                        tampered(genuine, "\"coaching_score\": 82", "\"coaching_score\": 100"),
                        Verdict.rejected(FailureReason.SIGNATURE_MISMATCH)),
                summaryReady.delivery("signed with another key", RevontSigner.of(DemoSecrets.attacker()).sign(body),
                        Verdict.rejected(FailureReason.SIGNATURE_MISMATCH)),
                summaryReady.delivery("forged: unkeyed SHA-256 of the body", forged,
                        Verdict.rejected(FailureReason.SIGNATURE_MISMATCH)),
                summaryReady.delivery("no signature header", json(body), Verdict.rejected(FailureReason.MISSING_SIGNATURE)),
                summaryReady.delivery("authentic, coaching_score as text",
                        signer.sign(replace(body, "\"coaching_score\": 82", "\"coaching_score\": \"82\"")),
                        Verdict.deadLetter()));
    }

    private static List<DemoDelivery> revrag(Instant now) {
        Target callEnded = new Target("revrag", "call.ended", Endpoints.REVRAG);
        byte[] body = Sample.REVRAG_CALL_ENDED.bytes();
        RevRagSigner signer = RevRagSigner.of(DemoSecrets.revrag());
        WebhookRequest genuine = signer.sign(body, now);
        return List.of(
                callEnded.delivery("genuine: the document's example", genuine, Verdict.accepted(204)),
                callEnded.delivery("replayed within the 5-minute window", genuine, Verdict.duplicate()),
                callEnded.delivery("stale: signed 10 minutes ago", signer.sign(body, now.minus(Duration.ofMinutes(10))),
                        Verdict.rejected(FailureReason.TIMESTAMP_OUT_OF_TOLERANCE)),
                callEnded.delivery("body tampered after signing",
                        tampered(genuine, "\"duration\": 72", "\"duration\": 7200"),
                        Verdict.rejected(FailureReason.SIGNATURE_MISMATCH)),
                callEnded.delivery("signed with another key", RevRagSigner.of(DemoSecrets.attacker()).sign(body, now),
                        Verdict.rejected(FailureReason.SIGNATURE_MISMATCH)));
    }

    private static List<DemoDelivery> revring() {
        Target postCall = new Target("revring", "post_call", Endpoints.REVRING_POST_CALL);
        Target preCall = new Target("revring", "pre_call", Endpoints.REVRING_PRE_CALL);
        Target preCallToPostCallUrl = new Target("revring", "pre_call", Endpoints.REVRING_POST_CALL);
        byte[] record = Sample.REVRING_POST_CALL.bytes();
        byte[] preCallBody = Sample.REVRING_PRE_CALL.bytes();
        RevRingSigner signer = RevRingSigner.of(DemoSecrets.revring());
        return List.of(
                postCall.delivery("genuine: the document's example", signer.request(record), Verdict.accepted(204)),
                preCall.delivery("genuine: an inbound call, answered", signer.request(preCallBody), Verdict.accepted(200)),
                postCall.delivery("wrong API key", RevRingSigner.of(DemoSecrets.attacker()).request(record),
                        Verdict.rejected(FailureReason.SIGNATURE_MISMATCH)),
                postCall.delivery("no API key", json(record), Verdict.rejected(FailureReason.MISSING_SIGNATURE)),
                preCallToPostCallUrl.delivery("pre-call sent to the post-call URL", signer.request(preCallBody),
                        Verdict.rejected(FailureReason.EVENT_TYPE_MISMATCH)));
    }

    private static List<DemoDelivery> revdesk() {
        Target numberPurchased = new Target("revdesk", "number_purchased", Endpoints.REVDESK_NUMBER_PURCHASED);
        Target voicemail = new Target("revdesk", "call_voicemail",
                Endpoints.REVDESK_CALL_VOICEMAIL + "/" + DemoSecrets.REVDESK_PATH_TOKEN);
        Target voicemailWrongToken = new Target("revdesk", "call_voicemail",
                Endpoints.REVDESK_CALL_VOICEMAIL + "/a-guessed-token");
        Target smsDelivered = new Target("revdesk", "sms_delivered", Endpoints.REVDESK_SMS_DELIVERED);
        byte[] lifecycle = Sample.REVDESK_NUMBER_LIFECYCLE.bytes();
        WebhookRequest genuine = RevDeskSigner.of(DemoSecrets.revdesk()).request(lifecycle);
        byte[] disposition = Sample.REVDESK_CALL_DISPOSITION.bytes();
        return List.of(
                numberPurchased.delivery("genuine: the document's example", genuine, Verdict.accepted(204)),
                numberPurchased.delivery("body tampered after signing",
                        tampered(genuine, "\"+15551234567\"", "\"+15550000000\""),
                        Verdict.rejected(FailureReason.SIGNATURE_MISMATCH)),
                numberPurchased.delivery("no signature header", RevDeskSigner.unsignedRequest(lifecycle),
                        Verdict.rejected(FailureReason.MISSING_SIGNATURE)),
                numberPurchased.delivery("no-secret-provided instead of a signature",
                        RevDeskSigner.withoutSigningSecret().request(lifecycle),
                        Verdict.rejected(FailureReason.NO_SECRET_CONFIGURED_AT_SENDER)),
                voicemail.delivery("genuine, unsigned: the document's example", RevDeskSigner.unsignedRequest(disposition),
                        Verdict.accepted(204)),
                voicemailWrongToken.delivery("unsigned, wrong path token", RevDeskSigner.unsignedRequest(disposition),
                        Verdict.rejected(FailureReason.REQUEST_GUARD_FAILED)),
                smsDelivered.delivery("unsigned, endpoint without the opt-in",
                        RevDeskSigner.unsignedRequest(Sample.REVDESK_OUTBOUND_SMS.bytes()),
                        Verdict.rejected(FailureReason.UNSIGNED_DELIVERY_NOT_ALLOWED)));
    }

    /** The signed request's headers over a body with {@code original} changed to {@code replacement}. */
    private static WebhookRequest tampered(WebhookRequest signed, String original, String replacement) {
        return WebhookRequest.builder(replace(signed.body(), original, replacement)).headers(signed.headers()).build();
    }

    private static byte[] replace(byte[] body, String original, String replacement) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.contains(original)) {
            throw new IllegalStateException("the sample has no " + original + " to change");
        }
        return text.replace(original, replacement).getBytes(StandardCharsets.UTF_8);
    }

    /** A request with no authentication at all. */
    private static WebhookRequest json(byte[] body) {
        return WebhookRequest.builder(body).header(CONTENT_TYPE, JSON).build();
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Where deliveries of one event go. */
    private record Target(String vendor, String event, String path) {

        DemoDelivery delivery(String description, WebhookRequest request, Verdict expected) {
            return new DemoDelivery(vendor, event, description, path, request, expected);
        }
    }
}
