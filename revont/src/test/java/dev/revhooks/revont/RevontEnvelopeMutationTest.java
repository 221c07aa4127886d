package dev.revhooks.revont;

import static dev.revhooks.revont.Fixtures.GUIDE_EXAMPLE;
import static dev.revhooks.revont.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.json.WebhookJson;
import org.junit.jupiter.api.Test;

/**
 * The streaming pass reads the guide's envelope, one with undocumented fields at both levels, and
 * an envelope of another event itself, with the same result as the tree path: a
 * {@code summary.ready} arrives with its typed data already read, any other event with its raw data.
 */
class RevontEnvelopeMutationTest {

    private static final WebhookJson JSON = WebhookJson.shared();

    private static RevontEnvelope streamedLikeTheTreePath(byte[] body) throws Exception {
        RevontEnvelope streamed = RevontEnvelope.readStreaming(JSON, body);
        assertThat(streamed.toEvent(JSON, body)).isEqualTo(RevontEnvelope.readTree(JSON, body).toEvent(JSON, body));
        return streamed;
    }

    @Test
    void aSummaryReadyEnvelopeArrivesWithItsTypedData() throws Exception {
        RevontEnvelope streamed = streamedLikeTheTreePath(GUIDE_EXAMPLE);
        assertThat(streamed.data()).isNull();
        assertThat(streamed.summary().coachingScore()).isEqualTo(82);
    }

    @Test
    void undocumentedFieldsAreSkippedAtBothLevels() throws Exception {
        byte[] body = utf8("{\"id\":{\"a\":[1]},\"event\":\"summary.ready\",\"timestamp\":\"2024-09-15T14:32:00Z\","
                + "\"data\":{\"call_id\":\"call_abc123\",\"extra\":[{\"b\":2}],\"coaching_score\":82},\"more\":[]}");
        RevontEnvelope streamed = streamedLikeTheTreePath(body);
        assertThat(streamed.summary().callId()).isEqualTo("call_abc123");
        assertThat(streamed.summary().coachingScore()).isEqualTo(82);
    }

    @Test
    void anotherEventKeepsItsRawData() throws Exception {
        RevontEnvelope streamed = streamedLikeTheTreePath(
                Fixtures.envelope("call.ended", "2024-09-15T14:32:00Z", "{\"call_id\":\"call_abc123\"}"));
        assertThat(streamed.summary()).isNull();
        assertThat(streamed.data().get("call_id").textValue()).isEqualTo("call_abc123");
    }
}
