package dev.revhooks.revrag;

import static dev.revhooks.core.testing.JsonBodies.paddedTo;
import static dev.revhooks.core.testing.JsonBodies.withRun;
import static dev.revhooks.revrag.Fixtures.CLOCK;
import static dev.revhooks.revrag.Fixtures.NOW;
import static dev.revhooks.revrag.Fixtures.RECEIVER;
import static dev.revhooks.revrag.Fixtures.SECRET;
import static dev.revhooks.revrag.Fixtures.SIGNER;
import static dev.revhooks.revrag.Fixtures.assertRejected;
import static dev.revhooks.revrag.Fixtures.signed;
import static dev.revhooks.revrag.Fixtures.utf8;
import static dev.revhooks.revrag.Fixtures.withHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.json.JsonLimits;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.testing.CountingStream;
import dev.revhooks.core.testing.MalformedBody;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every limit at its edge through RevRag's receiver (at the limit, and one past it), with its
 * documented default and through the builder's setting; and every strictness rule of the JSON
 * set-up as a payload error with its reason, for {@code call.ended} and for an unknown event,
 * raised only after the signature passed.
 */
class RevRagLimitsTest {

    private static final int EIGHT_MIB = 8 * 1024 * 1024;
    private static final String T = Long.toString(NOW.getEpochSecond());
    /** Room for the UUIDs and for "variables_fields": depth 4, strings 40, numbers 6, names 16. */
    private static final JsonLimits SMALL = new JsonLimits(4, 40, 6, 16);
    private static final String REQUIRED = "\"call_status\":\"ENDED\",\"call_id\":\"123e4567-e89b-12d3-a456-426614174000\","
            + "\"agent_id\":\"33333333-3333-3333-3333-333333333333\"";

    /** A {@code call.ended} body: the required fields and {@code more} members. */
    private static byte[] callEnded(String more) {
        return utf8("{" + REQUIRED + (more.isEmpty() ? "" : "," + more) + "}");
    }

    private static WebhookRequest forged(byte[] body) {
        return withHeader(signed(body), "X-Webhook-Signature", "t=" + T + ",v1=" + "0".repeat(64));
    }

    private static void assertPayloadError(RevRagWebhooks receiver, WebhookRequest request, String reason) {
        assertThatThrownBy(() -> receiver.receive(request))
                .isInstanceOfSatisfying(WebhookPayloadException.class, e -> assertThat(e.rawBody()).isSameAs(request.body()))
                .hasMessageContaining(reason);
    }

    @Test
    void theDefaultBodyLimitAcceptsEightMebibytesAndRefusesOneByteMoreBeforeTheSignature() throws Exception {
        assertThat(RECEIVER.bodyLimit()).isEqualTo(BodyLimit.DEFAULT);
        byte[] atLimit = paddedTo(callEnded(""), EIGHT_MIB);
        assertThat(RECEIVER.receive(signed(atLimit)).event()).isInstanceOf(RevRagEvent.CallEnded.class);
        byte[] over = paddedTo(atLimit, EIGHT_MIB + 1);
        assertRejected(signed(over), FailureReason.PAYLOAD_TOO_LARGE);
        assertRejected(forged(over), FailureReason.PAYLOAD_TOO_LARGE);
    }

    @Test
    void aBodyLimitSetOnTheBuilderHoldsForBodiesAndStreams() throws Exception {
        byte[] body = callEnded("");
        RevRagWebhooks limited = RevRagWebhooks.builder().secret(SECRET).clock(CLOCK)
                .bodyLimit(BodyLimit.ofBytes(body.length)).build();
        assertThat(limited.receive(signed(body)).rawBody()).isSameAs(body);
        assertRejected(limited, signed(paddedTo(body, body.length + 1)), FailureReason.PAYLOAD_TOO_LARGE);

        byte[] read = limited.bodyLimit().read(new ByteArrayInputStream(body));
        assertThat(limited.receive(signed(read)).event()).isInstanceOf(RevRagEvent.CallEnded.class);
        CountingStream stream = new CountingStream(paddedTo(body, body.length + 1000));
        assertThatThrownBy(() -> limited.bodyLimit().read(stream)).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(FailureReason.PAYLOAD_TOO_LARGE));
        assertThat(stream.delivered()).as("bytes read from the stream").isEqualTo(body.length + 1);
    }

    @Test
    void eachSignedHeaderMayBeEightKibibytesAsSentAndNotOneCharacterMore() throws Exception {
        WebhookRequest request = signed(callEnded(""));
        String signature = request.headers().first("X-Webhook-Signature");
        for (String[] header : new String[][] {{"X-Webhook-Signature", signature}, {"X-Webhook-Timestamp", T}}) {
            String atLimit = header[1] + " ".repeat(RequiredHeader.DEFAULT_MAX_LENGTH - header[1].length());
            assertThat(RECEIVER.receive(withHeader(request, header[0], atLimit)).event()).isInstanceOf(RevRagEvent.CallEnded.class);
            assertRejected(withHeader(request, header[0], atLimit + " "), FailureReason.HEADER_TOO_LARGE);
        }
    }

    static Stream<Arguments> jsonLimits() {
        return Stream.of(
                Arguments.of("nesting depth", "\"variables_fields\":{\"a\":[[1]]}", "\"variables_fields\":{\"a\":[[[1]]]}",
                        "nesting depth (5) exceeds the maximum allowed (4"),
                Arguments.of("string length", "\"summary\":\"" + "s".repeat(40) + "\"", "\"summary\":\"" + "s".repeat(41) + "\"",
                        "String value length (41) exceeds the maximum allowed (40"),
                Arguments.of("number length", "\"duration\":123456", "\"duration\":1234567",
                        "Number value length (7) exceeds the maximum allowed (6"),
                Arguments.of("name length", "\"" + "n".repeat(16) + "\":1", "\"" + "n".repeat(17) + "\":1",
                        "Name length (17) exceeds the maximum allowed (16"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void jsonLimits(String limit, String atLimit, String overLimit, String reason) throws Exception {
        RevRagWebhooks small = RevRagWebhooks.builder().secret(SECRET).clock(CLOCK).json(WebhookJson.withLimits(SMALL)).build();
        assertThat(small.receive(signed(callEnded(atLimit))).event()).isInstanceOf(RevRagEvent.CallEnded.class);
        assertPayloadError(small, signed(callEnded(overLimit)), reason);
        assertRejected(small, forged(callEnded(overLimit)), FailureReason.SIGNATURE_MISMATCH);
    }

    @Test
    void theDefaultJsonLimitsHoldAtTheirEdge() throws Exception {
        accepts(RECEIVER, callEnded("\"variables_fields\":" + "[".repeat(63) + "]".repeat(63)));
        refuses(RECEIVER, callEnded("\"variables_fields\":" + "[".repeat(64) + "]".repeat(64)),
                "nesting depth (65) exceeds the maximum allowed (64");
        accepts(RECEIVER, callEnded("\"duration\":" + "9".repeat(100)));
        refuses(RECEIVER, callEnded("\"duration\":" + "9".repeat(101)), "Number value length (101) exceeds the maximum allowed (100");
        accepts(RECEIVER, callEnded("\"" + "n".repeat(1024) + "\":1"));
        refuses(RECEIVER, callEnded("\"" + "n".repeat(1025) + "\":1"), "Name length (1025) exceeds the maximum allowed (1024");
    }

    @Test
    void theDefaultStringLimitHoldsAtItsEdgeBehindALargerBodyLimit() throws Exception {
        RevRagWebhooks large = RevRagWebhooks.builder().secret(SECRET).clock(CLOCK).bodyLimit(BodyLimit.ofBytes(9 * 1024 * 1024)).build();
        int limit = JsonLimits.DEFAULT.maxStringLength();
        accepts(large, summaryOfLength(limit));
        refuses(large, summaryOfLength(limit + 1), "String value length (" + (limit + 1) + ") exceeds the maximum allowed (" + limit);
    }

    private static byte[] summaryOfLength(int length) {
        return withRun("{" + REQUIRED + ",\"summary\":\"", 's', length, "\"}");
    }

    private static void accepts(RevRagWebhooks receiver, byte[] body) throws Exception {
        assertThat(receiver.receive(signed(body)).event()).isInstanceOf(RevRagEvent.CallEnded.class);
    }

    private static void refuses(RevRagWebhooks receiver, byte[] body, String reason) {
        assertPayloadError(receiver, signed(body), reason);
    }

    static Stream<Arguments> strictness() {
        byte[] valid = callEnded("");
        List<MalformedBody> rules = new ArrayList<>();
        rules.add(new MalformedBody("duplicate key", utf8("{" + REQUIRED + ",\"call_status\":\"ENDED\"}"), "Duplicate field 'call_status'"));
        rules.addAll(MalformedBody.variantsOf(valid, callEnded("\"x\":{\"k\":1,\"k\":2}")));
        rules.add(new MalformedBody("a top-level string", utf8("\"ENDED\""), "not a JSON object"));
        rules.add(new MalformedBody("a top-level number", utf8("72"), "not a JSON object"));
        rules.add(new MalformedBody("an empty body", new byte[0], "the body is empty"));
        return Stream.of("call.ended", "call.started")
                .flatMap(event -> rules.stream().map(rule -> Arguments.of(event, rule.rule(), rule.body(), rule.reason())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void strictness(String event, String rule, byte[] body, String reason) {
        WebhookRequest request = SIGNER.sign(body, NOW, event, "evt_1");
        assertPayloadError(RECEIVER, request, reason);
        assertRejected(withHeader(request, "X-Webhook-Signature", "t=" + T + ",v1=" + "0".repeat(64)), FailureReason.SIGNATURE_MISMATCH);
    }
}
