package dev.revhooks.revrag;

import static dev.revhooks.revrag.Fixtures.NOW;
import static dev.revhooks.revrag.Fixtures.RECEIVER;
import static dev.revhooks.revrag.Fixtures.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.VerifiedDelivery;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A long transcript: a 5 MB body verifies and parses under the default limits. Surefire runs this
 * module's tests with {@code -Xmx256m} (see the module's pom), so the test shows the memory use is
 * bounded; it asserts no timing.
 */
class LargeBodyTest {

    private static final int FIVE_MB = 5 * 1024 * 1024;

    /** A call.ended body of at least {@code size} bytes, most of it transcript turns. */
    static byte[] longTranscript(int size) {
        StringBuilder json = new StringBuilder(size + 1024).append("{\"call_status\":\"ENDED\","
                + "\"call_id\":\"123e4567-e89b-12d3-a456-426614174000\","
                + "\"agent_id\":\"33333333-3333-3333-3333-333333333333\","
                + "\"summary\":\"").append("s".repeat(256 * 1024)).append("\",\"duration\":3600.25,"
                + "\"transcription\":{\"messages\":[");
        String sentence = "Could you tell me which documents I need for the loan application? ";
        int turn = 0;
        while (json.length() < size) {
            if (turn > 0) {
                json.append(',');
            }
            json.append("{\"role\":\"").append(turn % 2 == 0 ? "assistant" : "user").append("\",\"content\":\"")
                    .append("Turn ").append(turn).append(": ").append(sentence.repeat(4)).append("\"}");
            turn++;
        }
        json.append("]},\"custom_variables\":[{\"key\":\"turns\",\"type\":\"number\",\"value\":").append(turn)
                .append("}],\"app_user_id\":\"user_12345\"}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFiveMegabyteTranscriptVerifiesAndParsesUnderTheDefaultLimits() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("the module's surefire configuration sets -Xmx256m")
                .isLessThanOrEqualTo(256L * 1024 * 1024);
        byte[] body = longTranscript(FIVE_MB);
        assertThat(body.length).isGreaterThanOrEqualTo(FIVE_MB).isLessThan(BodyLimit.DEFAULT.maxBytes());
        assertThat(RECEIVER.bodyLimit()).isEqualTo(BodyLimit.DEFAULT);

        VerifiedDelivery<RevRagEvent> delivery = RECEIVER.receive(SIGNER.sign(body, NOW));

        assertThat(delivery.rawBody()).isSameAs(body);
        CallStatus call = ((RevRagEvent.CallEnded) delivery.event()).call();
        List<TranscriptMessage> messages = call.transcription().messages();
        long turns = call.customVariables().get(0).numberValue().orElseThrow().longValueExact();
        assertThat(messages).hasSize((int) turns);
        assertThat(messages.get(messages.size() - 1).content()).startsWith("Turn " + (turns - 1) + ": Could you");
        assertThat(call.summary()).hasSize(256 * 1024);
        assertThat(call.appUserId()).isEqualTo("user_12345");
        assertThat(delivery.deliveryKey().value()).startsWith("revrag:signed-body:");
    }
}
