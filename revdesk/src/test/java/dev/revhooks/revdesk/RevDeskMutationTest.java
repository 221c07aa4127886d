package dev.revhooks.revdesk;

import static dev.revhooks.revdesk.Fixtures.CALL_DISPOSITION;
import static dev.revhooks.revdesk.Fixtures.NUMBER_LIFECYCLE;
import static dev.revhooks.revdesk.Fixtures.OUTBOUND_SMS;
import static dev.revhooks.revdesk.Fixtures.SECRET;
import static dev.revhooks.revdesk.Fixtures.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.json.WebhookJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The streaming pass reads the document's typed bodies itself, undocumented fields included, and
 * steps aside exactly for envelopes it must leave to the tree path; the tree path's own envelope
 * reading; the documented wire names; and the receiver's argument checks and description.
 */
class RevDeskMutationTest {

    private static final WebhookJson JSON = WebhookJson.shared();
    private static final EventReader READER = new EventReader(JSON);

    private static ObjectNode tree(byte[] body) throws WebhookPayloadException {
        return JSON.readObject(body);
    }

    /** The body with an undocumented field holding nested JSON added at the top, and in the envelope's payload. */
    private static byte[] withUndocumentedFields(byte[] body) throws WebhookPayloadException {
        ObjectNode root = tree(body);
        root.putObject("undocumented").putArray("nested").add(1);
        if (root.get("payload") instanceof ObjectNode payload) {
            payload.putArray("undocumented").addObject().put("a", 1);
        }
        return JSON.write(root);
    }

    private static void assertStreamedLikeTheTreePath(RevDeskEventType type, byte[] body) throws Exception {
        RevDeskEvent streamed = StreamedBody.read(JSON, type, body);
        assertThat(streamed).as(type + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8))
                .isNotNull().isEqualTo(READER.readTree(type, body));
    }

    @ParameterizedTest
    @EnumSource(value = RevDeskEventType.class, names = {"CALL_NO_ANSWER", "CALL_VOICEMAIL", "CALL_BUSY", "CALL_FAILED"})
    void theStreamingPassReadsCallDispositions(RevDeskEventType type) throws Exception {
        assertStreamedLikeTheTreePath(type, CALL_DISPOSITION);
        assertStreamedLikeTheTreePath(type, withUndocumentedFields(CALL_DISPOSITION));
    }

    @ParameterizedTest
    @EnumSource(value = RevDeskEventType.class, names = {"SMS_SENT", "SMS_DELIVERED", "SMS_FAILED"})
    void theStreamingPassReadsSmsMessages(RevDeskEventType type) throws Exception {
        assertStreamedLikeTheTreePath(type, OUTBOUND_SMS);
        assertStreamedLikeTheTreePath(type, withUndocumentedFields(OUTBOUND_SMS));
    }

    @Test
    void theStreamingPassReadsNumberLifecycleEnvelopes() throws Exception {
        assertStreamedLikeTheTreePath(RevDeskEventType.NUMBER_PURCHASED, NUMBER_LIFECYCLE);
        assertStreamedLikeTheTreePath(RevDeskEventType.NUMBER_PURCHASED, withUndocumentedFields(NUMBER_LIFECYCLE));
        ObjectNode released = tree(NUMBER_LIFECYCLE).put("triggerEvent", "number.released");
        assertStreamedLikeTheTreePath(RevDeskEventType.NUMBER_RELEASED, JSON.write(released));
    }

    @Test
    void theStreamingPassStepsAsideForEnvelopesItCannotType() throws Exception {
        byte[] mismatched = NUMBER_LIFECYCLE;
        assertThat(StreamedBody.read(JSON, RevDeskEventType.NUMBER_RELEASED, mismatched)).isNull();
        ObjectNode withoutTrigger = tree(NUMBER_LIFECYCLE);
        withoutTrigger.remove("triggerEvent");
        assertThat(StreamedBody.read(JSON, RevDeskEventType.NUMBER_PURCHASED, JSON.write(withoutTrigger))).isNull();
        for (String envelopeField : new String[] {"triggerEvent", "payload"}) {
            ObjectNode enveloped = tree(CALL_DISPOSITION);
            enveloped.put(envelopeField, "x");
            assertThat(StreamedBody.read(JSON, RevDeskEventType.CALL_BUSY, JSON.write(enveloped))).isNull();
            ObjectNode sms = tree(OUTBOUND_SMS);
            sms.put(envelopeField, "x");
            assertThat(StreamedBody.read(JSON, RevDeskEventType.SMS_SENT, JSON.write(sms))).isNull();
        }
    }

    @Test
    void theTreePathTypesEachLifecycleEnvelope() throws Exception {
        assertThat(READER.readTree(RevDeskEventType.NUMBER_PURCHASED, NUMBER_LIFECYCLE))
                .isInstanceOf(RevDeskEvent.NumberPurchased.class);
        byte[] released = JSON.write(tree(NUMBER_LIFECYCLE).put("triggerEvent", "number.released"));
        assertThat(READER.readTree(RevDeskEventType.NUMBER_RELEASED, released)).isInstanceOf(RevDeskEvent.NumberReleased.class);
    }

    @Test
    void anEnvelopeWithoutAStringTriggerEventSaysWhich() throws Exception {
        ObjectNode missing = tree(NUMBER_LIFECYCLE);
        missing.remove("triggerEvent");
        byte[] missingBody = JSON.write(missing);
        assertThat(Fixtures.assertPayloadError(() -> READER.readTree(RevDeskEventType.NUMBER_PURCHASED, missingBody),
                missingBody)).hasMessage("number_purchased is delivered enveloped: triggerEvent is missing");
        byte[] numberBody = JSON.write(tree(NUMBER_LIFECYCLE).put("triggerEvent", 7));
        assertThat(Fixtures.assertPayloadError(() -> READER.readTree(RevDeskEventType.NUMBER_PURCHASED, numberBody),
                numberBody)).hasMessage("number_purchased is delivered enveloped: triggerEvent is not a string");
    }

    @Test
    void parsingForTheUnknownTypeIsRefused() {
        RevDeskWebhooks receiver = RevDeskWebhooks.builder().secret(SECRET).build();
        WebhookRequest request = SIGNER.request(CALL_DISPOSITION);
        assertThatIllegalArgumentException().isThrownBy(() -> receiver.parse(RevDeskEventType.UNKNOWN, request))
                .withMessage("UNKNOWN is not a subscribable event type");
    }

    @Test
    void theReceiverDescribesItsSubscriptionAndSecrets() {
        assertThat(RevDeskWebhooks.builder().acceptUnauthenticatedUnsignedEvents().build().toString())
                .startsWith("RevDeskWebhooks[subscribedTo=per call, no secrets, unsigned=accepted, no-secret-provided=rejected, ");
        assertThat(RevDeskWebhooks.builder().secret(SECRET).subscribedTo(RevDeskEventType.SMS_SENT)
                .acceptUnauthenticatedNoSecretProvided().build().toString())
                .startsWith("RevDeskWebhooks[subscribedTo=sms_sent, HmacSha256Verifier[secrets=[current]], unsigned=rejected, "
                        + "no-secret-provided=accepted, ");
    }

    @Test
    void theDocumentedWireNames() {
        assertThat(RevDeskTriggerEvent.NUMBER_PURCHASED.wireName()).isEqualTo("number.purchased");
        assertThat(RevDeskTriggerEvent.NUMBER_RELEASED.wireName()).isEqualTo("number.released");
        assertThat(CallStatus.VOICEMAIL.wireName()).isEqualTo("VOICEMAIL");
        assertThat(CallFailureCode.VOICEMAIL_REACHED.wireName()).isEqualTo("voicemail_reached");
        assertThat(CallFailureCategory.VOICEMAIL.wireName()).isEqualTo("voicemail");
        assertThat(Direction.OUTBOUND.wireName()).isEqualTo("outbound");
        assertThat(SmsStatus.DELIVERED.wireName()).isEqualTo("delivered");
        assertThat(MessageChannel.SMS.wireName()).isEqualTo("sms");
        assertThat(NumberStatus.ACTIVE.wireName()).isEqualTo("ACTIVE");
        assertThat(new String[] {RevDeskTriggerEvent.UNKNOWN.wireName(), CallStatus.UNKNOWN.wireName(),
            CallFailureCode.UNKNOWN.wireName(), CallFailureCategory.UNKNOWN.wireName(), Direction.UNKNOWN.wireName(),
            SmsStatus.UNKNOWN.wireName(), MessageChannel.UNKNOWN.wireName(), NumberStatus.UNKNOWN.wireName()})
                .containsOnlyNulls();
    }
}
