package dev.revhooks.revdesk;

import static dev.revhooks.core.testing.ByteGen.utf8;
import static dev.revhooks.core.testing.JsonBodies.paddedTo;
import static dev.revhooks.core.testing.JsonBodies.withRun;
import static dev.revhooks.revdesk.Fixtures.CALL_DISPOSITION;
import static dev.revhooks.revdesk.Fixtures.SECRET;
import static dev.revhooks.revdesk.Fixtures.SIGNER;
import static dev.revhooks.revdesk.Fixtures.assertPayloadError;
import static dev.revhooks.revdesk.Fixtures.assertRejected;
import static dev.revhooks.revdesk.Fixtures.withSignature;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.guard.PathTokenGuard;
import dev.revhooks.core.json.JsonLimits;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.testing.CountingStream;
import dev.revhooks.core.testing.MalformedBody;
import java.io.ByteArrayInputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every limit at its edge through RevDesk's receiver (at the limit, and one past it), with its
 * documented default and through the builder's setting; and every strictness rule of the JSON
 * set-up as a payload error with its reason, raised only after authentication: the signature for
 * a number-lifecycle envelope, the path token for an unsigned call-disposition event.
 */
class RevDeskLimitsTest {

    private static final int EIGHT_MIB = 8 * 1024 * 1024;
    private static final String FORGED = "0".repeat(64);
    private static final String TOKEN = "rd-limits-token-2f8a";
    /** Room for the envelope: depth 4, strings 32, numbers 6, names 16. */
    private static final JsonLimits SMALL = new JsonLimits(4, 32, 6, 16);

    private final RevDeskWebhooks purchased = numbers().build();
    /** Unsigned call_busy deliveries behind a path token. */
    private final RevDeskWebhooks busy = RevDeskWebhooks.builder().subscribedTo(RevDeskEventType.CALL_BUSY)
            .acceptUnauthenticatedUnsignedEvents().requestGuard(PathTokenGuard.lastPathSegment(Secret.of(TOKEN))).build();

    private static RevDeskWebhooks.Builder numbers() {
        return RevDeskWebhooks.builder().subscribedTo(RevDeskEventType.NUMBER_PURCHASED).secret(SECRET);
    }

    /** A number.purchased envelope whose payload has {@code payloadMore} members and the envelope {@code more}. */
    private static byte[] envelope(String payloadMore, String more) {
        return utf8("{\"triggerEvent\":\"number.purchased\",\"createdAt\":\"2026-06-30T19:30:00.000Z\",\"payload\":{"
                + "\"id\":4821,\"status\":\"ACTIVE\"" + (payloadMore.isEmpty() ? "" : "," + payloadMore) + "}"
                + (more.isEmpty() ? "" : "," + more) + "}");
    }

    private static WebhookRequest withPath(byte[] body, String path) {
        return RevDeskSigner.unsignedRequest(body).toBuilder().path(path).build();
    }

    @Test
    void theDefaultBodyLimitAcceptsEightMebibytesAndRefusesOneByteMoreBeforeTheSignature() throws Exception {
        assertThat(purchased.bodyLimit()).isEqualTo(BodyLimit.DEFAULT);
        byte[] atLimit = paddedTo(envelope("", ""), EIGHT_MIB);
        assertThat(purchased.receive(SIGNER.request(atLimit)).event()).isInstanceOf(RevDeskEvent.NumberPurchased.class);
        byte[] over = paddedTo(atLimit, EIGHT_MIB + 1);
        assertRejected(() -> purchased.receive(SIGNER.request(over)), FailureReason.PAYLOAD_TOO_LARGE);
        assertRejected(() -> purchased.receive(withSignature(over, FORGED)), FailureReason.PAYLOAD_TOO_LARGE);
        assertRejected(() -> busy.receive(withPath(over, "/hooks/" + TOKEN)), FailureReason.PAYLOAD_TOO_LARGE);
    }

    @Test
    void aBodyLimitSetOnTheBuilderHoldsForBodiesAndStreams() throws Exception {
        byte[] body = envelope("", "");
        RevDeskWebhooks limited = numbers().bodyLimit(BodyLimit.ofBytes(body.length)).build();
        assertThat(limited.receive(SIGNER.request(body)).rawBody()).isSameAs(body);
        byte[] over = paddedTo(body, body.length + 1);
        assertRejected(() -> limited.receive(SIGNER.request(over)), FailureReason.PAYLOAD_TOO_LARGE);

        byte[] read = limited.bodyLimit().read(new ByteArrayInputStream(body));
        assertThat(limited.receive(SIGNER.request(read)).event()).isInstanceOf(RevDeskEvent.NumberPurchased.class);
        CountingStream stream = new CountingStream(paddedTo(body, body.length + 1000));
        assertRejected(() -> limited.bodyLimit().read(stream), FailureReason.PAYLOAD_TOO_LARGE);
        assertThat(stream.delivered()).as("bytes read from the stream").isEqualTo(body.length + 1);
    }

    @Test
    void theSignatureHeaderMayBeEightKibibytesAsSentAndNotOneCharacterMore() throws Exception {
        byte[] body = envelope("", "");
        String signature = SIGNER.signature(body);
        String atLimit = signature + " ".repeat(RequiredHeader.DEFAULT_MAX_LENGTH - signature.length());
        assertThat(purchased.receive(withSignature(body, atLimit)).authentication()).isEqualTo(Authentication.hmacSignature("current"));
        assertRejected(() -> purchased.receive(withSignature(body, atLimit + " ")), FailureReason.HEADER_TOO_LARGE);
    }

    static Stream<Arguments> jsonLimits() {
        return Stream.of(
                Arguments.of("nesting depth", "", "\"x\":{\"a\":[[1]]}", "", "\"x\":{\"a\":[[[1]]]}",
                        "nesting depth (5) exceeds the maximum allowed (4"),
                Arguments.of("string length", "\"phone_number\":\"" + "5".repeat(32) + "\"", "",
                        "\"phone_number\":\"" + "5".repeat(33) + "\"", "", "String value length (33) exceeds the maximum allowed (32"),
                Arguments.of("number length", "\"area\":123456", "", "\"area\":1234567", "",
                        "Number value length (7) exceeds the maximum allowed (6"),
                Arguments.of("name length", "", "\"" + "n".repeat(16) + "\":1", "", "\"" + "n".repeat(17) + "\":1",
                        "Name length (17) exceeds the maximum allowed (16"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void jsonLimits(String limit, String payloadAtLimit, String atLimit, String payloadOver, String over, String reason)
            throws Exception {
        RevDeskWebhooks small = numbers().json(WebhookJson.withLimits(SMALL)).build();
        assertThat(small.receive(SIGNER.request(envelope(payloadAtLimit, atLimit))).event())
                .isInstanceOf(RevDeskEvent.NumberPurchased.class);
        byte[] body = envelope(payloadOver, over);
        assertThat(assertPayloadError(() -> small.receive(SIGNER.request(body)), body)).hasMessageContaining(reason);
        assertRejected(() -> small.receive(withSignature(body, FORGED)), FailureReason.SIGNATURE_MISMATCH);
    }

    @Test
    void theDefaultJsonLimitsHoldAtTheirEdge() throws Exception {
        accepts(purchased, envelope("", "\"x\":" + "[".repeat(63) + "]".repeat(63)));
        refuses(purchased, envelope("", "\"x\":" + "[".repeat(64) + "]".repeat(64)), "nesting depth (65) exceeds the maximum allowed (64");
        accepts(purchased, envelope("\"area\":" + "9".repeat(100), ""));
        refuses(purchased, envelope("\"area\":" + "9".repeat(101), ""), "Number value length (101) exceeds the maximum allowed (100");
        accepts(purchased, envelope("", "\"" + "n".repeat(1024) + "\":1"));
        refuses(purchased, envelope("", "\"" + "n".repeat(1025) + "\":1"), "Name length (1025) exceeds the maximum allowed (1024");
    }

    @Test
    void theDefaultStringLimitHoldsAtItsEdgeBehindALargerBodyLimit() throws Exception {
        RevDeskWebhooks large = numbers().bodyLimit(BodyLimit.ofBytes(9 * 1024 * 1024)).build();
        int limit = JsonLimits.DEFAULT.maxStringLength();
        accepts(large, phoneNumberOfLength(limit));
        refuses(large, phoneNumberOfLength(limit + 1), "String value length (" + (limit + 1) + ") exceeds the maximum allowed (" + limit);
    }

    private static byte[] phoneNumberOfLength(int length) {
        return withRun("{\"triggerEvent\":\"number.purchased\",\"payload\":{\"phone_number\":\"", '5', length, "\"}}");
    }

    private static void accepts(RevDeskWebhooks receiver, byte[] body) throws Exception {
        assertThat(receiver.receive(SIGNER.request(body)).event()).isInstanceOf(RevDeskEvent.NumberPurchased.class);
    }

    private static void refuses(RevDeskWebhooks receiver, byte[] body, String reason) {
        assertThat(assertPayloadError(() -> receiver.receive(SIGNER.request(body)), body)).hasMessageContaining(reason);
    }

    static Stream<Arguments> strictness() {
        return Stream.of(envelope("", ""), CALL_DISPOSITION).flatMap(valid -> Stream.concat(
                MalformedBody.variantsOf(valid).stream().map(MalformedBody::arguments),
                Stream.of(
                        Arguments.of("a top-level string", utf8("\"number.purchased\""), "not a JSON object"),
                        Arguments.of("a top-level number", utf8("4821"), "not a JSON object"),
                        Arguments.of("an empty body", new byte[0], "the body is empty"),
                        Arguments.of("duplicate key", utf8("{\"status\":\"ACTIVE\",\"status\":\"VOICEMAIL\"}"),
                                "Duplicate field 'status'"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void strictness(String rule, byte[] body, String reason) {
        assertThat(assertPayloadError(() -> purchased.receive(SIGNER.request(body)), body)).hasMessageContaining(reason);
        assertRejected(() -> purchased.receive(withSignature(body, FORGED)), FailureReason.SIGNATURE_MISMATCH);
        assertThat(assertPayloadError(() -> busy.receive(withPath(body, "/hooks/revdesk/" + TOKEN)), body)).hasMessageContaining(reason);
        assertRejected(() -> busy.receive(withPath(body, "/hooks/revdesk/not-the-token")), FailureReason.REQUEST_GUARD_FAILED);
    }
}
