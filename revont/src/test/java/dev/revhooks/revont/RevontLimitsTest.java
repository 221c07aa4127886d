package dev.revhooks.revont;

import static dev.revhooks.core.testing.JsonBodies.paddedTo;
import static dev.revhooks.core.testing.JsonBodies.withRun;
import static dev.revhooks.revont.Fixtures.EXAMPLE_SECRET;
import static dev.revhooks.revont.Fixtures.SIGNER;
import static dev.revhooks.revont.Fixtures.assertPayloadError;
import static dev.revhooks.revont.Fixtures.assertRejected;
import static dev.revhooks.revont.Fixtures.receiver;
import static dev.revhooks.revont.Fixtures.utf8;
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
 * Every limit at its edge through Revont's receiver (at the limit, and one past it), with its
 * documented default and through the builder's setting; and every strictness rule of the JSON
 * set-up as a payload error with its reason, raised only after the signature passed.
 */
class RevontLimitsTest {

    private static final int EIGHT_MIB = 8 * 1024 * 1024;
    private static final String FORGED = "sha256=" + "0".repeat(64);
    /** Small enough to reach, large enough for the envelope: depth 4, strings 24, numbers 6, names 12. */
    private static final JsonLimits SMALL = new JsonLimits(4, 24, 6, 12);

    private final RevontWebhooks revont = receiver();

    /** A {@code call.started} delivery (its {@code data} is kept whole) with {@code dataJson} as data. */
    private static byte[] callStarted(String dataJson) {
        return Fixtures.envelope("call.started", "2024-09-15T14:32:00Z", dataJson);
    }

    private static WebhookRequest forged(byte[] body) {
        return WebhookRequest.builder(body).header(RevontWebhooks.SIGNATURE_HEADER, FORGED).build();
    }

    @Test
    void theDefaultBodyLimitAcceptsEightMebibytesAndRefusesOneByteMoreBeforeTheSignature() throws Exception {
        assertThat(revont.bodyLimit()).isEqualTo(BodyLimit.DEFAULT);
        byte[] atLimit = paddedTo(callStarted("{\"call_id\":\"c1\"}"), EIGHT_MIB);
        assertThat(revont.receive(SIGNER.sign(atLimit)).event()).isInstanceOf(RevontEvent.CallStarted.class);
        byte[] over = paddedTo(atLimit, EIGHT_MIB + 1);
        assertRejected(() -> revont.receive(SIGNER.sign(over)), FailureReason.PAYLOAD_TOO_LARGE);
        assertRejected(() -> revont.receive(forged(over)), FailureReason.PAYLOAD_TOO_LARGE);
    }

    @Test
    void aBodyLimitSetOnTheBuilderHoldsForBodiesAndStreams() throws Exception {
        byte[] body = callStarted("{}");
        RevontWebhooks limited = RevontWebhooks.builder().secret(EXAMPLE_SECRET)
                .bodyLimit(BodyLimit.ofBytes(body.length)).build();
        assertThat(limited.receive(SIGNER.sign(body)).rawBody()).isSameAs(body);
        byte[] over = paddedTo(body, body.length + 1);
        assertRejected(() -> limited.receive(SIGNER.sign(over)), FailureReason.PAYLOAD_TOO_LARGE);

        byte[] read = limited.bodyLimit().read(new ByteArrayInputStream(body));
        assertThat(limited.receive(SIGNER.sign(read)).event()).isInstanceOf(RevontEvent.CallStarted.class);
        CountingStream stream = new CountingStream(paddedTo(body, body.length + 1000));
        assertRejected(() -> limited.bodyLimit().read(stream), FailureReason.PAYLOAD_TOO_LARGE);
        assertThat(stream.delivered()).as("bytes read from the stream").isEqualTo(body.length + 1);
    }

    @Test
    void theSignatureHeaderMayBeEightKibibytesAsSentAndNotOneCharacterMore() throws Exception {
        byte[] body = callStarted("{}");
        String header = SIGNER.signatureHeader(body);
        String atLimit = header + " ".repeat(RequiredHeader.DEFAULT_MAX_LENGTH - header.length());
        assertThat(revont.receive(withSignature(body, atLimit)).rawBody()).isSameAs(body);
        assertRejected(() -> revont.receive(withSignature(body, atLimit + " ")), FailureReason.HEADER_TOO_LARGE)
                .hasMessageContaining("longer than 8192 characters");
    }

    private static WebhookRequest withSignature(byte[] body, String value) {
        return WebhookRequest.builder(body).header(RevontWebhooks.SIGNATURE_HEADER, value).build();
    }

    static Stream<Arguments> jsonLimits() {
        return Stream.of(
                Arguments.of("nesting depth", "{\"a\":[[1]]}", "{\"a\":[[[1]]]}", "nesting depth (5) exceeds the maximum allowed (4"),
                Arguments.of("string length", "{\"a\":\"" + "s".repeat(24) + "\"}", "{\"a\":\"" + "s".repeat(25) + "\"}",
                        "String value length (25) exceeds the maximum allowed (24"),
                Arguments.of("number length", "{\"a\":123456}", "{\"a\":1234567}", "Number value length (7) exceeds the maximum allowed (6"),
                Arguments.of("name length", "{\"" + "n".repeat(12) + "\":1}", "{\"" + "n".repeat(13) + "\":1}",
                        "Name length (13) exceeds the maximum allowed (12"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void jsonLimits(String limit, String atLimit, String overLimit, String reason) throws Exception {
        RevontWebhooks small = RevontWebhooks.builder().secret(EXAMPLE_SECRET).json(WebhookJson.withLimits(SMALL)).build();
        byte[] ok = callStarted(atLimit);
        assertThat(small.receive(SIGNER.sign(ok)).event()).isInstanceOf(RevontEvent.CallStarted.class);
        byte[] over = callStarted(overLimit);
        assertPayloadError(() -> small.receive(SIGNER.sign(over)), over).hasMessageContaining(reason);
        assertRejected(() -> small.receive(forged(over)), FailureReason.SIGNATURE_MISMATCH);
    }

    @Test
    void theDefaultJsonLimitsHoldAtTheirEdge() throws Exception {
        accepts(revont, callStarted("{\"a\":" + "[".repeat(62) + "]".repeat(62) + "}"));
        refuses(revont, callStarted("{\"a\":" + "[".repeat(63) + "]".repeat(63) + "}"), "nesting depth (65) exceeds the maximum allowed (64");
        accepts(revont, callStarted("{\"a\":" + "9".repeat(100) + "}"));
        refuses(revont, callStarted("{\"a\":" + "9".repeat(101) + "}"), "Number value length (101) exceeds the maximum allowed (100");
        accepts(revont, callStarted("{\"" + "n".repeat(1024) + "\":1}"));
        refuses(revont, callStarted("{\"" + "n".repeat(1025) + "\":1}"), "Name length (1025) exceeds the maximum allowed (1024");
    }

    @Test
    void theDefaultStringLimitHoldsAtItsEdgeBehindALargerBodyLimit() throws Exception {
        RevontWebhooks large = RevontWebhooks.builder().secret(EXAMPLE_SECRET).bodyLimit(BodyLimit.ofBytes(9 * 1024 * 1024)).build();
        int limit = JsonLimits.DEFAULT.maxStringLength();
        accepts(large, stringInData(limit));
        refuses(large, stringInData(limit + 1), "String value length (" + (limit + 1) + ") exceeds the maximum allowed (" + limit);
    }

    private static byte[] stringInData(int length) {
        return withRun("{\"event\":\"call.started\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":{\"a\":\"", 's', length, "\"}}");
    }

    private static void accepts(RevontWebhooks receiver, byte[] body) throws Exception {
        assertThat(receiver.receive(SIGNER.sign(body)).rawBody()).isSameAs(body);
    }

    private static void refuses(RevontWebhooks receiver, byte[] body, String reason) {
        assertPayloadError(() -> receiver.receive(SIGNER.sign(body)), body).hasMessageContaining(reason);
    }

    static Stream<Arguments> strictness() {
        byte[] valid = callStarted("{\"call_id\":\"c1\"}");
        Stream<Arguments> first = Stream.of(
                Arguments.of("duplicate key", utf8("{\"event\":\"call.started\",\"event\":\"call.ended\"}"), "Duplicate field 'event'"),
                Arguments.of("duplicate key in data", callStarted("{\"k\":1,\"k\":2}"), "Duplicate field 'k'"));
        Stream<Arguments> last = Stream.of(
                Arguments.of("a top-level string", utf8("\"call.started\""), "not a JSON object"),
                Arguments.of("a top-level number", utf8("1726410720"), "not a JSON object"),
                Arguments.of("an empty body", new byte[0], "the body is empty"));
        return Stream.of(first, MalformedBody.variantsOf(valid).stream().map(MalformedBody::arguments), last).flatMap(rules -> rules);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void strictness(String rule, byte[] body, String reason) {
        assertPayloadError(() -> revont.receive(SIGNER.sign(body)), body).hasMessageContaining(reason);
        assertRejected(() -> revont.receive(forged(body)), FailureReason.SIGNATURE_MISMATCH);
    }
}
