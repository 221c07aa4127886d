package dev.revhooks.revrag;

import static dev.revhooks.revrag.Fixtures.CLOCK;
import static dev.revhooks.revrag.Fixtures.NOW;
import static dev.revhooks.revrag.Fixtures.RECEIVER;
import static dev.revhooks.revrag.Fixtures.SECRET;
import static dev.revhooks.revrag.Fixtures.SIGNATURE;
import static dev.revhooks.revrag.Fixtures.SIGNER;
import static dev.revhooks.revrag.Fixtures.TIMESTAMP;
import static dev.revhooks.revrag.Fixtures.assertRejected;
import static dev.revhooks.revrag.Fixtures.exampleBody;
import static dev.revhooks.revrag.Fixtures.signed;
import static dev.revhooks.revrag.Fixtures.utf8;
import static dev.revhooks.revrag.Fixtures.v1;
import static dev.revhooks.revrag.Fixtures.withHeader;
import static dev.revhooks.revrag.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.signature.HmacSha256Signer;
import dev.revhooks.core.signature.TimestampTolerance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a request is accepted or rejected before its body is parsed. */
class SignatureVerificationTest {

    private static final byte[] BODY = exampleBody();
    private static final String T = Long.toString(NOW.getEpochSecond());
    private static final String H = v1(T, BODY);

    /** The signed example request with its signature header replaced by {@code template} ({t} and {v1} filled in). */
    private static WebhookRequest withSignature(String template) {
        return withHeader(signed(BODY), SIGNATURE, template.replace("{t}", T).replace("{v1}", H));
    }

    private static WebhookRequest signedAt(Instant sentAt) {
        return SIGNER.sign(BODY, sentAt);
    }

    // ---- accepted ------------------------------------------------------------------------------

    @Test
    void aSignedRequestIsAcceptedAndNamesTheSecret() throws Exception {
        assertThat(RECEIVER.verify(signed(BODY))).isEqualTo(Authentication.hmacSignature("current"));
    }

    @Test
    void withoutTimestampHeaderTheSignedTIsUsed() throws Exception {
        assertThat(RECEIVER.verify(without(signed(BODY), TIMESTAMP)).credentialId()).isEqualTo("current");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "t={t},v1={v1}",
        "t={t}, v1={v1}",
        "t={t},   v1={v1}",
        "t={t},\tv1={v1}",
        "t={t} , v1={v1} ",
        "v1={v1},t={t}",
        "t={t},v0=not-checked,v1={v1},v2=future-scheme,x=y,=z",
        "t={t},v1=0000000000000000000000000000000000000000000000000000000000000000,v1={v1}",
        "t={t},v1={v1},v1=ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    })
    void theSignatureHeaderIsParsedRobustly(String template) throws Exception {
        assertThat(RECEIVER.verify(withSignature(template)).credentialId()).isEqualTo("current");
    }

    @Test
    void hexDigitsMayBeUppercase() throws Exception {
        WebhookRequest request = withHeader(signed(BODY), SIGNATURE, "t=" + T + ",v1=" + H.toUpperCase(Locale.ROOT));
        assertThat(RECEIVER.verify(request).credentialId()).isEqualTo("current");
    }

    @Test
    void headerNamesAreCaseInsensitive() throws Exception {
        WebhookRequest request = WebhookRequest.builder(BODY)
                .header("x-webhook-signature", "t=" + T + ",v1=" + H)
                .header("X-WEBHOOK-TIMESTAMP", T)
                .build();
        assertThat(RECEIVER.verify(request).credentialId()).isEqualTo("current");
    }

    @Test
    void timestampHeaderIsComparedAfterRemovingSurroundingWhiteSpace() throws Exception {
        assertThat(RECEIVER.verify(withHeader(signed(BODY), TIMESTAMP, " " + T + " ")).credentialId()).isEqualTo("current");
    }

    @Test
    void rotationOnTheReceiverAcceptsAnyConfiguredSecretAndNamesIt() throws Exception {
        Secret previous = Secret.of("previous", "the-old-revrag-secret");
        RevRagWebhooks receiver = RevRagWebhooks.builder().secrets(List.of(SECRET, previous)).clock(CLOCK).build();
        assertThat(receiver.verify(RevRagSigner.of(previous).sign(BODY, NOW)).credentialId()).isEqualTo("previous");
        assertThat(receiver.verify(signed(BODY)).credentialId()).isEqualTo("current");
    }

    @Test
    void rotationOnTheSenderSendsSeveralV1OfWhichOneMatches() throws Exception {
        RevRagSigner rotating = RevRagSigner.of(List.of(Secret.of("a-newer-secret-we-do-not-know-yet"), SECRET));
        WebhookRequest request = rotating.sign(BODY, NOW);
        assertThat(request.headers().first(SIGNATURE)).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertThat(RECEIVER.verify(request).credentialId()).isEqualTo("current");
    }

    @Test
    void aBodyExactlyAtTheLimitIsAccepted() throws Exception {
        RevRagWebhooks receiver = RevRagWebhooks.builder().secret(SECRET).clock(CLOCK)
                .bodyLimit(BodyLimit.ofBytes(BODY.length)).build();
        assertThat(receiver.verify(signed(BODY)).credentialId()).isEqualTo("current");
    }

    // ---- the timestamp window ------------------------------------------------------------------

    @Test
    void bothEdgesOfTheDefaultWindowAreAcceptedAndOneSecondBeyondIsNot() throws Exception {
        RECEIVER.verify(signedAt(NOW.minusSeconds(300)));
        RECEIVER.verify(signedAt(NOW.plusSeconds(300)));
        assertRejected(signedAt(NOW.minusSeconds(301)), FailureReason.TIMESTAMP_OUT_OF_TOLERANCE);
        assertRejected(signedAt(NOW.plusSeconds(301)), FailureReason.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void aConfiguredWindowMovesBothEdges() throws Exception {
        RevRagWebhooks receiver = RevRagWebhooks.builder().secret(SECRET).clock(CLOCK)
                .tolerance(new TimestampTolerance(Duration.ofMinutes(10), Duration.ofSeconds(30))).build();
        receiver.verify(signedAt(NOW.minusSeconds(600)));
        receiver.verify(signedAt(NOW.plusSeconds(30)));
        assertRejected(receiver, signedAt(NOW.minusSeconds(601)), FailureReason.TIMESTAMP_OUT_OF_TOLERANCE);
        assertRejected(receiver, signedAt(NOW.plusSeconds(31)), FailureReason.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void aTimestampTooLargeForALongIsOutOfTolerance() {
        String t = "99999999999999999999";
        WebhookRequest request = withHeader(withHeader(signed(BODY), TIMESTAMP, t), SIGNATURE, "t=" + t + ",v1=" + v1(t, BODY));
        assertRejected(request, FailureReason.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void disablingTheTimestampCheckAcceptsAnySignedTButStillNeedsOne() throws Exception {
        RevRagWebhooks replaying = RevRagWebhooks.builder().secret(SECRET).clock(CLOCK)
                .dangerouslyDisableTimestampCheck().build();
        replaying.verify(signedAt(Instant.EPOCH));
        replaying.verify(signedAt(NOW.plus(Duration.ofDays(3650))));
        String huge = "99999999999999999999";
        replaying.verify(WebhookRequest.builder(BODY).header(SIGNATURE, "t=" + huge + ",v1=" + v1(huge, BODY)).build());

        assertRejected(replaying, withSignature("v1={v1}"), FailureReason.MISSING_TIMESTAMP);
        assertRejected(replaying, withSignature("t=x{t},v1={v1}"), FailureReason.MALFORMED_SIGNATURE);
        assertRejected(replaying, withHeader(signedAt(Instant.EPOCH), TIMESTAMP, T), FailureReason.MALFORMED_SIGNATURE);
    }

    // ---- rejected ------------------------------------------------------------------------------

    @Test
    void aBodyOverTheLimitIsRejectedBeforeAnythingElse() {
        RevRagWebhooks receiver = RevRagWebhooks.builder().secret(SECRET).clock(CLOCK)
                .bodyLimit(BodyLimit.ofBytes(BODY.length - 1)).build();
        assertRejected(receiver, signed(BODY), FailureReason.PAYLOAD_TOO_LARGE);
        assertRejected(receiver, WebhookRequest.of(BODY, Map.of()), FailureReason.PAYLOAD_TOO_LARGE);
    }

    @Test
    void noSignatureHeaderIsMissingSignature() {
        assertRejected(without(signed(BODY), SIGNATURE), FailureReason.MISSING_SIGNATURE);
        assertRejected(WebhookRequest.of(BODY, Map.of()), FailureReason.MISSING_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"t={t}", "t={t},v0={v1}", "t={t},v2={v1},V1={v1},v1 ={v1}"})
    void noV1EntryIsMissingSignature(String template) {
        assertRejected(withSignature(template), FailureReason.MISSING_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1={v1}", "T={t},v1={v1}", "ts={t},v1={v1}", " t ={t},v1={v1}"})
    void noTEntryIsMissingTimestamp(String template) {
        assertRejected(withSignature(template), FailureReason.MISSING_TIMESTAMP);
        assertRejected(without(withSignature(template), TIMESTAMP), FailureReason.MISSING_TIMESTAMP);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        ",",
        "t={t},,v1={v1}",
        "t={t},v1={v1},",
        "garbage",
        "t={t};v1={v1}",
        "t={t},t={t},v1={v1}",
        "t=,v1={v1}",
        "t=abc,v1={v1}",
        "t=-{t},v1={v1}",
        "t=+{t},v1={v1}",
        "t={t}.5,v1={v1}",
        "t= {t},v1={v1}",
        "t=\u0661\u0662\u0663,v1={v1}",
        "t={t},v1=",
        "t={t},v1=zz",
        "t={t},v1={v1}0",
        "t={t},v1=sha256={v1}",
        "t={t},v1={v1},v1=not-hex",
        "v1=not-hex",
    })
    void anUnreadableSignatureHeaderIsMalformed(String template) {
        assertRejected(withSignature(template), FailureReason.MALFORMED_SIGNATURE);
    }

    @Test
    void aTruncatedSignatureIsMalformed() {
        assertRejected(withSignature("t={t},v1=" + H.substring(0, 63)), FailureReason.MALFORMED_SIGNATURE);
    }

    @Test
    void twoSignatureHeadersAreMalformed() {
        WebhookRequest request = withHeader(signed(BODY), SIGNATURE, "t=" + T + ",v1=" + H, "t=" + T + ",v1=" + H);
        assertRejected(request, FailureReason.MALFORMED_SIGNATURE);
    }

    @Test
    void aTimestampHeaderThatDisagreesWithTIsMalformed() {
        long now = NOW.getEpochSecond();
        for (String sent : List.of(Long.toString(now + 1), Long.toString(now - 1), "0" + T, T + ".0", T + "x", "abc", "")) {
            assertRejected(withHeader(signed(BODY), TIMESTAMP, sent), FailureReason.MALFORMED_SIGNATURE);
        }
    }

    @Test
    void aTimestampHeaderThatDisagreesIsRejectedEvenWhenItIsTheFreshOne() {
        // a stale but authentic delivery, with a fresh timestamp header pasted on
        WebhookRequest stale = signedAt(NOW.minus(Duration.ofHours(1)));
        assertRejected(withHeader(stale, TIMESTAMP, T), FailureReason.MALFORMED_SIGNATURE);
    }

    @Test
    void twoTimestampHeadersAreMalformed() {
        assertRejected(withHeader(signed(BODY), TIMESTAMP, T, T), FailureReason.MALFORMED_SIGNATURE);
    }

    @Test
    void headersLongerThan8KiBAreTooLarge() {
        String padding = " ".repeat(8 * 1024);
        assertRejected(withSignature("t={t},v1={v1}," + "x".repeat(8 * 1024)), FailureReason.HEADER_TOO_LARGE);
        assertRejected(withHeader(signed(BODY), TIMESTAMP, T + padding), FailureReason.HEADER_TOO_LARGE);
    }

    @Test
    void aWrongSecretIsAMismatch() {
        WebhookRequest forged = RevRagSigner.of(Secret.of("not-the-secret")).sign(BODY, NOW);
        assertRejected(forged, FailureReason.SIGNATURE_MISMATCH);
    }

    @Test
    void aTamperedBodyIsAMismatch() {
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 3] ^= 1;
        WebhookRequest request = WebhookRequest.builder(tampered).headers(signed(BODY).headers()).build();
        assertRejected(request, FailureReason.SIGNATURE_MISMATCH);
    }

    @Test
    void aChangedTInBothHeadersIsAMismatch() {
        String other = Long.toString(NOW.getEpochSecond() - 1);
        WebhookRequest request = withHeader(withSignature("t=" + other + ",v1={v1}"), TIMESTAMP, other);
        assertRejected(request, FailureReason.SIGNATURE_MISMATCH);
    }

    @Test
    void signaturesOverAnyOtherMessageAreMismatches() {
        byte[] t = T.getBytes(StandardCharsets.US_ASCII);
        List<String> wrongMessages = List.of(
                HmacSha256Signer.hex(SECRET, BODY),                          // body only
                HmacSha256Signer.hex(SECRET, t, BODY),                       // no dot
                HmacSha256Signer.hex(SECRET, BODY, new byte[] {'.'}, t),     // reversed
                HmacSha256Signer.hex(SECRET, t, utf8(":"), BODY));           // another separator
        for (String hex : wrongMessages) {
            assertRejected(withSignature("t={t},v1=" + hex), FailureReason.SIGNATURE_MISMATCH);
        }
    }

    @Test
    void verificationFailsBeforeAnyParsing() {
        byte[] notJson = utf8("definitely not JSON");
        WebhookRequest request = WebhookRequest.builder(notJson).headers(signed(BODY).headers()).build();
        assertRejected(request, FailureReason.SIGNATURE_MISMATCH);
    }
}
