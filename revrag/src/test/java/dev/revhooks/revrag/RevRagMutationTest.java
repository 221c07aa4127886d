package dev.revhooks.revrag;

import static dev.revhooks.revrag.Fixtures.NOW;
import static dev.revhooks.revrag.Fixtures.SIGNATURE;
import static dev.revhooks.revrag.Fixtures.TIMESTAMP;
import static dev.revhooks.revrag.Fixtures.assertRejected;
import static dev.revhooks.revrag.Fixtures.exampleBody;
import static dev.revhooks.revrag.Fixtures.signed;
import static dev.revhooks.revrag.Fixtures.utf8;
import static dev.revhooks.revrag.Fixtures.v1;
import static dev.revhooks.revrag.Fixtures.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.json.WebhookJson;
import org.junit.jupiter.api.Test;

/**
 * The streaming pass reads the documented body, and one with undocumented fields at every level,
 * itself (databind is only its fallback); an empty {@code t=} is malformed even without a
 * timestamp header; and the hints keep a header exactly at the length limit.
 */
class RevRagMutationTest {

    private static final WebhookJson JSON = WebhookJson.shared();

    @Test
    void theStreamingPassReadsTheDocumentedBody() throws Exception {
        byte[] body = exampleBody();
        CallStatus streamed = StreamedCallStatus.read(JSON, body);
        assertThat(streamed).isNotNull().isEqualTo(JSON.read(body, CallStatus.class));
        assertThat(streamed.transcription().messages()).hasSize(2);
        assertThat(streamed.customVariables()).hasSize(1);
    }

    @Test
    void theStreamingPassSkipsUndocumentedFieldsAtEveryLevel() throws Exception {
        byte[] body = utf8("{\"x0\":{\"a\":[1]},\"call_status\":\"ENDED\",\"call_id\":\"123e4567-e89b-12d3-a456-426614174000\","
                + "\"agent_id\":\"33333333-3333-3333-3333-333333333333\",\"transcription\":{\"x1\":[{}],"
                + "\"messages\":[{\"x2\":{\"b\":2},\"role\":\"user\",\"content\":\"hi\"}]},"
                + "\"custom_variables\":[{\"x3\":[3],\"key\":\"k\",\"type\":\"string\",\"value\":\"v\"}],\"x4\":null}");
        CallStatus streamed = StreamedCallStatus.read(JSON, body);
        assertThat(streamed).isNotNull().isEqualTo(JSON.read(body, CallStatus.class));
        assertThat(streamed.transcription().messages().get(0).content()).isEqualTo("hi");
        assertThat(streamed.customVariables().get(0).key()).isEqualTo("k");
    }

    @Test
    void anEntryWithAnEmptyNameIsAnUnknownEntryButALeadingCommaIsAnEmptyEntry() throws Exception {
        byte[] body = exampleBody();
        String t = Long.toString(NOW.getEpochSecond());
        WebhookRequest emptyName = withHeader(signed(body), SIGNATURE, "=x,t=" + t + ",v1=" + v1(t, body));
        assertThat(Fixtures.RECEIVER.verify(emptyName).credentialId()).isEqualTo("current");
        WebhookRequest leadingComma = withHeader(signed(body), SIGNATURE, ",t=" + t + ",v1=" + v1(t, body));
        assertThat(assertRejected(leadingComma, FailureReason.MALFORMED_SIGNATURE)).hasMessageContaining("an entry without '='");
    }

    @Test
    void anEmptyTEntryIsMalformedWithoutATimestampHeader() {
        byte[] body = exampleBody();
        String t = Long.toString(NOW.getEpochSecond());
        WebhookRequest request = withHeader(withHeader(signed(body), TIMESTAMP), SIGNATURE, "t=,v1=" + v1(t, body));
        assertThat(assertRejected(request, FailureReason.MALFORMED_SIGNATURE))
                .hasMessageContaining("t= is not a whole number of seconds");
    }

    @Test
    void aHintExactlyAtTheHeaderLengthLimitIsKept() {
        String longest = "e".repeat(RequiredHeader.DEFAULT_MAX_LENGTH);
        UnauthenticatedHints hints = UnauthenticatedHints.from(WebhookHeaders.builder()
                .add(UnauthenticatedHints.WEBHOOK_ID_HEADER, longest)
                .add(UnauthenticatedHints.EVENT_HEADER, longest + "e").build());
        assertThat(hints.webhookId()).isEqualTo(longest);
        assertThat(hints.event()).isNull();
    }
}
