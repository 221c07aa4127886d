package dev.revhooks.revdesk;

import static dev.revhooks.core.testing.ByteGen.utf8;
import static dev.revhooks.revdesk.Fixtures.CALL_DISPOSITION;
import static dev.revhooks.revdesk.Fixtures.SECRET;
import static dev.revhooks.revdesk.Fixtures.SIGNER;
import static dev.revhooks.revdesk.Fixtures.assertPayloadError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.WebhookRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing: one event case per type, the documented payloads, raw JSON for the rest, payload errors. */
class RevDeskEventsTest {

    private static final RevDeskWebhooks RECEIVER = RevDeskWebhooks.builder().secret(SECRET)
            .acceptUnauthenticatedUnsignedEvents().build();

    private static RevDeskEvent receive(RevDeskEventType type, String json) throws WebhookException {
        return RECEIVER.receive(type, request(type, utf8(json))).event();
    }

    /** Signed for number-lifecycle types, unsigned (as documented) for the others. */
    private static WebhookRequest request(RevDeskEventType type, byte[] body) {
        return type.isNumberLifecycle() ? SIGNER.request(body) : RevDeskSigner.unsignedRequest(body);
    }

    private static void assertPayloadErrorFor(RevDeskEventType type, String json) {
        byte[] body = utf8(json);
        assertPayloadError(() -> RECEIVER.receive(type, request(type, body)), body);
    }

    @Test
    void theSixteenDocumentedWireNames() {
        assertThat(Arrays.stream(RevDeskEventType.values()).map(RevDeskEventType::wireName)).containsExactly(
                "new_call", "call_completed", "call_no_answer", "call_voicemail", "call_busy", "call_failed",
                "contact_replied", "sms_sent", "sms_delivered", "sms_failed", "contact_created", "number_purchased",
                "number_released", "texting_registration_status_changed", "new_appointment",
                "workflow_contact_completed", null);
        assertThat(OpenEnum.of(RevDeskEventType.class, "Call_Busy").value()).isEqualTo(RevDeskEventType.UNKNOWN);
        assertThat(RevDeskTriggerEvent.NUMBER_RELEASED.eventType()).isEqualTo(RevDeskEventType.NUMBER_RELEASED);
        assertThat(RevDeskTriggerEvent.UNKNOWN.eventType()).isEqualTo(RevDeskEventType.UNKNOWN);
    }

    @ParameterizedTest
    @EnumSource(value = RevDeskEventType.class, mode = EnumSource.Mode.EXCLUDE, names = "UNKNOWN")
    void everySubscribableTypeHasItsOwnEventCase(RevDeskEventType type) throws WebhookException {
        String json = type.isNumberLifecycle()
                ? "{\"triggerEvent\":\"" + type.wireName().replace('_', '.') + "\",\"payload\":{}}"
                : "{}";
        RevDeskEvent event = receive(type, json);
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.getClass().getSimpleName().toLowerCase(Locale.ROOT)).isEqualTo(type.wireName().replace("_", ""));
    }

    @Test
    void typesWhoseBodyTheDocumentDoesNotShowKeepTheRawJson() throws WebhookException {
        String json = "{\"id\":\"c_1\",\"nested\":{\"a\":[1,2.5,null]},\"name\":\"Ada\"}";
        for (RevDeskEventType type : List.of(RevDeskEventType.NEW_CALL, RevDeskEventType.CALL_COMPLETED,
                RevDeskEventType.CONTACT_REPLIED, RevDeskEventType.CONTACT_CREATED, RevDeskEventType.NEW_APPOINTMENT,
                RevDeskEventType.WORKFLOW_CONTACT_COMPLETED, RevDeskEventType.TEXTING_REGISTRATION_STATUS_CHANGED)) {
            RevDeskEvent event = receive(type, json);
            assertThat(event).isInstanceOf(RevDeskEvent.RawBodyEvent.class);
            JsonNode body = ((RevDeskEvent.RawBodyEvent) event).body();
            assertThat(body.get("nested").get("a").get(1).decimalValue()).isEqualByComparingTo("2.5");
            assertThat(body.get("name").textValue()).isEqualTo("Ada");
        }
    }

    @Test
    void textingEnabledNumbersAreAnOptionalListOfStrings() throws WebhookException {
        RevDeskEventType type = RevDeskEventType.TEXTING_REGISTRATION_STATUS_CHANGED;
        assertThat(receive(type, "{\"status\":\"approved\",\"texting_enabled_numbers\":[\"+15551234567\",\"+15557654321\"]}"))
                .isInstanceOfSatisfying(RevDeskEvent.TextingRegistrationStatusChanged.class, changed -> {
                    assertThat(changed.textingEnabledNumbers()).containsExactly("+15551234567", "+15557654321");
                    assertThat(changed.body().get("status").textValue()).isEqualTo("approved");
                    assertThatThrownBy(() -> changed.textingEnabledNumbers().add("x"))
                            .isInstanceOf(UnsupportedOperationException.class);
                });
        for (String json : List.of("{}", "{\"texting_enabled_numbers\":null}", "{\"texting_enabled_numbers\":[]}")) {
            assertThat(((RevDeskEvent.TextingRegistrationStatusChanged) receive(type, json)).textingEnabledNumbers()).isEmpty();
        }
        assertPayloadErrorFor(type, "{\"texting_enabled_numbers\":[1]}");
        assertPayloadErrorFor(type, "{\"texting_enabled_numbers\":[null]}");
        assertPayloadErrorFor(type, "{\"texting_enabled_numbers\":\"+15551234567\"}");
        assertPayloadErrorFor(type, "{\"texting_enabled_numbers\":[{\"number\":\"+15551234567\"}]}");
    }

    @Test
    void valuesOutsideTheDocumentedEnumerationsAreKeptAsSent() throws WebhookException {
        RevDeskEvent event = receive(RevDeskEventType.CALL_BUSY,
                "{\"direction\":\"inbound\",\"status\":\"BUSY\",\"failure_code\":\"busy\",\"failure_category\":\"Busy\"}");
        CallDisposition call = ((RevDeskEvent.CallBusy) event).call();
        assertThat(call.direction()).isEqualTo(OpenEnum.of(Direction.class, "inbound"));
        assertThat(call.direction().value()).isEqualTo(Direction.UNKNOWN);
        assertThat(call.status().wire()).isEqualTo("BUSY");
        assertThat(call.failureCode().isKnown()).isFalse();
        assertThat(call.failureCategory().wire()).isEqualTo("Busy");
        SmsMessage message = ((RevDeskEvent.SmsFailed) receive(RevDeskEventType.SMS_FAILED,
                "{\"status\":\"undelivered\",\"channel\":\"mms\",\"error_message\":\"carrier rejected\"}")).message();
        assertThat(message.status().value()).isEqualTo(SmsStatus.UNKNOWN);
        assertThat(message.channel().wire()).isEqualTo("mms");
        assertThat(message.errorMessage()).isEqualTo("carrier rejected");
        PhoneNumber number = ((RevDeskEvent.NumberReleased) receive(RevDeskEventType.NUMBER_RELEASED,
                "{\"triggerEvent\":\"number.released\",\"payload\":{\"status\":\"RELEASED\"}}")).envelope().payload();
        assertThat(number.status().wire()).isEqualTo("RELEASED");
    }

    @Test
    void everyPayloadFieldMayBeAbsentAndUnknownFieldsAreIgnored() throws WebhookException {
        CallDisposition call = ((RevDeskEvent.CallNoAnswer) receive(RevDeskEventType.CALL_NO_ANSWER, "{\"new_field\":[1]}")).call();
        assertThat(call).isEqualTo(new CallDisposition(null, null, null, null, null, null, null, null, null, null));
        SmsMessage message = ((RevDeskEvent.SmsSent) receive(RevDeskEventType.SMS_SENT, "{}")).message();
        assertThat(message).isEqualTo(new SmsMessage(null, null, null, null, null, null, null, null, null, null));
        LifecycleEnvelope envelope = ((RevDeskEvent.NumberPurchased) receive(RevDeskEventType.NUMBER_PURCHASED,
                "{\"triggerEvent\":\"number.purchased\",\"payload\":{},\"extra\":true}")).envelope();
        assertThat(envelope.createdAt()).isNull();
        assertThat(envelope.payload()).isEqualTo(new PhoneNumber(null, null, null, null, null));
    }

    @Test
    void disconnectionReasonIsRawJsonAndNullWhenNull() throws WebhookException {
        assertThat(((RevDeskEvent.CallFailed) receive(RevDeskEventType.CALL_FAILED, "{\"disconnection_reason\":null}"))
                .call().disconnectionReason()).isNull();
        assertThat(((RevDeskEvent.CallFailed) receive(RevDeskEventType.CALL_FAILED, "{\"disconnection_reason\":\"dial_failed\"}"))
                .call().disconnectionReason().textValue()).isEqualTo("dial_failed");
        assertThat(((RevDeskEvent.CallFailed) receive(RevDeskEventType.CALL_FAILED, "{\"disconnection_reason\":{\"sip\":486}}"))
                .call().disconnectionReason().get("sip").intValue()).isEqualTo(486);
    }

    @Test
    void timesWithAnOffsetAreNormalisedToUtc() throws WebhookException {
        LifecycleEnvelope envelope = ((RevDeskEvent.NumberPurchased) receive(RevDeskEventType.NUMBER_PURCHASED,
                "{\"triggerEvent\":\"number.purchased\",\"createdAt\":\"2026-06-30T21:30:00+02:00\",\"payload\":{}}")).envelope();
        assertThat(envelope.createdAt()).isEqualTo(Instant.parse("2026-06-30T19:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":4821}",
        "{\"createdAt\":\"2026-06-30T19:30:00.000Z\",\"payload\":{}}",
        "{\"triggerEvent\":5,\"payload\":{}}",
        "{\"triggerEvent\":null,\"payload\":{}}",
        "{\"triggerEvent\":\"number.purchased\"}",
        "{\"triggerEvent\":\"number.purchased\",\"payload\":null}",
        "{\"triggerEvent\":\"number.purchased\",\"payload\":[]}",
        "{\"triggerEvent\":\"number.purchased\",\"payload\":{\"id\":4821.5}}",
        "{\"triggerEvent\":\"number.purchased\",\"payload\":{\"id\":\"4821\"}}",
        "{\"triggerEvent\":\"number.purchased\",\"payload\":{\"id\":99999999999999999999}}",
        "{\"triggerEvent\":\"number.purchased\",\"payload\":{\"area_code\":555}}",
        "{\"triggerEvent\":\"number.purchased\",\"payload\":{\"status\":1}}",
        "{\"triggerEvent\":\"number.purchased\",\"createdAt\":\"yesterday\",\"payload\":{}}",
        "[{\"triggerEvent\":\"number.purchased\",\"payload\":{}}]",
        "{\"triggerEvent\":\"number.purchased\",\"payload\":{}} trailing",
        "{\"triggerEvent\":\"number.purchased\",\"triggerEvent\":\"number.purchased\",\"payload\":{}}",
        "",
    })
    void anAuthenticLifecycleBodyOfTheWrongShapeIsAPayloadErrorCarryingTheBody(String json) {
        assertPayloadErrorFor(RevDeskEventType.NUMBER_PURCHASED, json);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"duration_seconds\":1.5}",
        "{\"duration_seconds\":\"12\"}",
        "{\"created_at\":\"2026-06-30\"}",
        "{\"id\":123}",
        "{\"direction\":[\"outbound\"]}",
        "{\"from_number\":true}",
        "not json",
    })
    void anAuthenticCallBodyOfTheWrongShapeIsAPayloadError(String json) {
        assertPayloadErrorFor(RevDeskEventType.CALL_BUSY, json);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":123}",
        "{\"status\":{\"code\":\"delivered\"}}",
        "{\"channel\":1}",
        "{\"created_at\":\"30/06/2026\"}",
        "{\"error_message\":[]}",
    })
    void anAuthenticSmsBodyOfTheWrongShapeIsAPayloadError(String json) {
        assertPayloadErrorFor(RevDeskEventType.SMS_DELIVERED, json);
    }

    @Test
    void thePayloadErrorNamesTheField() {
        byte[] body = utf8("{\"triggerEvent\":\"number.purchased\",\"payload\":{\"id\":\"4821\"}}");
        assertThat(assertPayloadError(() -> RECEIVER.receive(RevDeskEventType.NUMBER_PURCHASED, SIGNER.request(body)), body))
                .hasMessageContaining("[\"payload\"]").hasMessageContaining("[\"id\"]");
        byte[] missing = utf8("{\"triggerEvent\":\"number.purchased\"}");
        assertThat(assertPayloadError(() -> RECEIVER.receive(RevDeskEventType.NUMBER_PURCHASED, SIGNER.request(missing)), missing))
                .hasMessageContaining("payload");
    }

    @Test
    void theSignerBuildsWhatTheReceiverAccepts() throws WebhookException {
        WebhookRequest request = SIGNER.request(CALL_DISPOSITION);
        assertThat(request.body()).isSameAs(CALL_DISPOSITION);
        assertThat(request.headers().first("x-revdesk-signature-256")).hasSize(64).isLowerCase();
        assertThat(request.headers().first("content-type")).isEqualTo("application/json");
        assertThat(RevDeskSigner.unsignedRequest(CALL_DISPOSITION).headers().names()).containsExactly("Content-Type");
        assertThat(RECEIVER.receive(RevDeskEventType.CALL_VOICEMAIL, request).event()).isInstanceOf(RevDeskEvent.CallVoicemail.class);
    }

    @Test
    void eventRecordsRefuseMissingParts() {
        assertThatThrownBy(() -> new RevDeskEvent.CallBusy(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LifecycleEnvelope(null, null, new PhoneNumber(1L, null, null, null, null)))
                .isInstanceOf(NullPointerException.class);
        assertThat(new RevDeskEvent.TextingRegistrationStatusChanged(null, JsonNodeFactory.instance.objectNode())
                .textingEnabledNumbers()).isEmpty();
    }
}
