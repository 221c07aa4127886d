package dev.revhooks.revring;

import static dev.revhooks.core.testing.ByteGen.utf8;
import static dev.revhooks.core.testing.JsonBodies.paddedTo;
import static dev.revhooks.core.testing.JsonBodies.withRun;
import static dev.revhooks.revring.Fixtures.KEY;
import static dev.revhooks.revring.Fixtures.KEY_VALUE;
import static dev.revhooks.revring.Fixtures.assertPayloadError;
import static dev.revhooks.revring.Fixtures.assertRejected;
import static dev.revhooks.revring.Fixtures.keyed;
import static dev.revhooks.revring.Fixtures.receiver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.WebhookRequest;
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
 * Every limit at its edge through RevRing's receiver (at the limit, and one past it), with its
 * documented default and through the builder's setting; and every strictness rule of the JSON
 * set-up as a payload error with its reason, for post-call, pre-call and unknown bodies, raised
 * only after the key matched.
 */
class RevRingLimitsTest {

    private static final int EIGHT_MIB = 8 * 1024 * 1024;
    /** Room for the UUIDs and for "organizationId": depth 4, strings 40, numbers 6, names 16. */
    private static final JsonLimits SMALL = new JsonLimits(4, 40, 6, 16);
    private static final String REQUIRED = "\"id\":\"7d6f2c1e-5a4b-4c3d-9e8f-0a1b2c3d4e5f\",\"direction\":\"INBOUND\","
            + "\"status\":\"COMPLETED\",\"fromNumber\":\"+14155550123\",\"toNumber\":\"+14155550199\","
            + "\"organizationId\":\"org_8Jx2kQ\",\"agentId\":\"5b2e9c4a-1f3d-4e6a-8b7c-9d0e1f2a3b4c\"";

    private final RevRingWebhooks revring = receiver();

    /** A post-call body: the required fields and {@code more} members. */
    private static byte[] postCall(String more) {
        return utf8("{" + REQUIRED + (more.isEmpty() ? "" : "," + more) + "}");
    }

    private static WebhookRequest wrongKey(byte[] body) {
        return WebhookRequest.builder(body).header("x-api-key", KEY_VALUE + "x").build();
    }

    @Test
    void theDefaultBodyLimitAcceptsEightMebibytesAndRefusesOneByteMoreBeforeTheKey() throws Exception {
        assertThat(revring.bodyLimit()).isEqualTo(BodyLimit.DEFAULT);
        byte[] atLimit = paddedTo(postCall(""), EIGHT_MIB);
        assertThat(revring.receive(keyed(atLimit)).event()).isInstanceOf(RevRingEvent.PostCall.class);
        byte[] over = paddedTo(atLimit, EIGHT_MIB + 1);
        assertRejected(() -> revring.receive(keyed(over)), FailureReason.PAYLOAD_TOO_LARGE);
        assertRejected(() -> revring.receive(wrongKey(over)), FailureReason.PAYLOAD_TOO_LARGE);
    }

    @Test
    void aBodyLimitSetOnTheBuilderHoldsForBodiesAndStreams() throws Exception {
        byte[] body = postCall("");
        RevRingWebhooks limited = RevRingWebhooks.builder().apiKey(KEY).bodyLimit(BodyLimit.ofBytes(body.length)).build();
        assertThat(limited.receive(keyed(body)).rawBody()).isSameAs(body);
        byte[] over = paddedTo(body, body.length + 1);
        assertRejected(() -> limited.receive(keyed(over)), FailureReason.PAYLOAD_TOO_LARGE);

        byte[] read = limited.bodyLimit().read(new ByteArrayInputStream(body));
        assertThat(limited.receive(keyed(read)).event()).isInstanceOf(RevRingEvent.PostCall.class);
        CountingStream stream = new CountingStream(paddedTo(body, body.length + 1000));
        assertRejected(() -> limited.bodyLimit().read(stream), FailureReason.PAYLOAD_TOO_LARGE);
        assertThat(stream.delivered()).as("bytes read from the stream").isEqualTo(body.length + 1);
    }

    @Test
    void theKeyHeaderMayBeEightKibibytesAsSentAndNotOneCharacterMore() throws Exception {
        byte[] body = postCall("");
        String atLimit = KEY_VALUE + " ".repeat(RequiredHeader.DEFAULT_MAX_LENGTH - KEY_VALUE.length());
        assertThat(revring.receive(withKey(body, atLimit)).rawBody()).isSameAs(body);
        assertRejected(() -> revring.receive(withKey(body, atLimit + " ")), FailureReason.HEADER_TOO_LARGE);
    }

    private static WebhookRequest withKey(byte[] body, String value) {
        return WebhookRequest.builder(body).header("x-api-key", value).build();
    }

    static Stream<Arguments> jsonLimits() {
        return Stream.of(
                Arguments.of("nesting depth", "\"metrics\":{\"a\":[[1]]}", "\"metrics\":{\"a\":[[[1]]]}",
                        "nesting depth (5) exceeds the maximum allowed (4"),
                Arguments.of("string length", "\"errorMessage\":\"" + "s".repeat(40) + "\"",
                        "\"errorMessage\":\"" + "s".repeat(41) + "\"", "String value length (41) exceeds the maximum allowed (40"),
                Arguments.of("number length", "\"durationSeconds\":123456", "\"durationSeconds\":1234567",
                        "Number value length (7) exceeds the maximum allowed (6"),
                Arguments.of("name length", "\"" + "n".repeat(16) + "\":1", "\"" + "n".repeat(17) + "\":1",
                        "Name length (17) exceeds the maximum allowed (16"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void jsonLimits(String limit, String atLimit, String overLimit, String reason) throws Exception {
        RevRingWebhooks small = RevRingWebhooks.builder().apiKey(KEY).json(WebhookJson.withLimits(SMALL)).build();
        assertThat(small.receive(keyed(postCall(atLimit))).event()).isInstanceOf(RevRingEvent.PostCall.class);
        byte[] over = postCall(overLimit);
        assertPayloadError(() -> small.receive(keyed(over)), over, reason);
        assertRejected(() -> small.receive(wrongKey(over)), FailureReason.SIGNATURE_MISMATCH);
    }

    @Test
    void theDefaultJsonLimitsHoldAtTheirEdge() throws Exception {
        accepts(revring, postCall("\"metrics\":" + "[".repeat(63) + "]".repeat(63)));
        refuses(revring, postCall("\"metrics\":" + "[".repeat(64) + "]".repeat(64)), "nesting depth (65) exceeds the maximum allowed (64");
        accepts(revring, postCall("\"metrics\":" + "9".repeat(100)));
        refuses(revring, postCall("\"metrics\":" + "9".repeat(101)), "Number value length (101) exceeds the maximum allowed (100");
        accepts(revring, postCall("\"" + "n".repeat(1024) + "\":1"));
        refuses(revring, postCall("\"" + "n".repeat(1025) + "\":1"), "Name length (1025) exceeds the maximum allowed (1024");
    }

    @Test
    void theDefaultStringLimitHoldsAtItsEdgeBehindALargerBodyLimit() throws Exception {
        RevRingWebhooks large = RevRingWebhooks.builder().apiKey(KEY).bodyLimit(BodyLimit.ofBytes(9 * 1024 * 1024)).build();
        int limit = JsonLimits.DEFAULT.maxStringLength();
        accepts(large, errorMessageOfLength(limit));
        refuses(large, errorMessageOfLength(limit + 1), "String value length (" + (limit + 1) + ") exceeds the maximum allowed (" + limit);
    }

    private static byte[] errorMessageOfLength(int length) {
        return withRun("{" + REQUIRED + ",\"errorMessage\":\"", 's', length, "\"}");
    }

    private static void accepts(RevRingWebhooks receiver, byte[] body) throws Exception {
        assertThat(receiver.receive(keyed(body)).event()).isInstanceOf(RevRingEvent.PostCall.class);
    }

    private static void refuses(RevRingWebhooks receiver, byte[] body, String reason) {
        assertPayloadError(() -> receiver.receive(keyed(body)), body, reason);
    }

    static Stream<Arguments> strictness() {
        byte[] post = postCall("");
        byte[] pre = utf8("{\"event\":\"pre_call\",\"agentId\":\"5b2e9c4a-1f3d-4e6a-8b7c-9d0e1f2a3b4c\","
                + "\"fromNumber\":\"+14155550123\",\"toNumber\":\"+14155550199\"}");
        byte[] unknown = utf8("{\"event\":\"call_transferred\",\"to\":\"+14155550100\"}");
        Stream<Arguments> perBody = Stream.of(post, pre, unknown)
                .flatMap(valid -> MalformedBody.variantsOf(valid).stream().map(MalformedBody::arguments));
        return Stream.concat(perBody, Stream.of(
                Arguments.of("duplicate key", utf8("{\"event\":\"pre_call\",\"event\":\"post_call\"}"), "Duplicate field 'event'"),
                Arguments.of("a top-level string", utf8("\"pre_call\""), "not a JSON object"),
                Arguments.of("a top-level number", utf8("95"), "not a JSON object"),
                Arguments.of("an empty body", new byte[0], "the body is empty")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void strictness(String rule, byte[] body, String reason) {
        assertPayloadError(() -> revring.receive(keyed(body)), body, reason);
        assertRejected(() -> revring.receive(wrongKey(body)), FailureReason.SIGNATURE_MISMATCH);
    }
}
