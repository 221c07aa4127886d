package dev.revhooks.revring;

import static dev.revhooks.revring.Fixtures.COMPLETED;
import static dev.revhooks.revring.Fixtures.DOCUMENT_EXAMPLE;
import static dev.revhooks.revring.Fixtures.FAILED;
import static dev.revhooks.revring.Fixtures.assertPayloadError;
import static dev.revhooks.revring.Fixtures.json;
import static dev.revhooks.revring.Fixtures.keyed;
import static dev.revhooks.revring.Fixtures.receiver;
import static dev.revhooks.revring.Fixtures.resource;
import static dev.revhooks.revring.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.WireValue;
import dev.revhooks.core.json.WebhookJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostCallTest {

    private static final List<String> REQUIRED =
            List.of("id", "direction", "status", "fromNumber", "toNumber", "organizationId", "agentId");
    private static final List<String> OPTIONAL = List.of("recordingUrl", "hangupCause", "errorMessage", "transcript", "summary",
            "metrics", "initiatedAt", "startedAt", "endedAt", "durationSeconds", "agentName", "sipTrunkId",
            "agentCallerIdName", "variables", "createdAt", "updatedAt");

    private final RevRingWebhooks receiver = receiver();

    private CallRecord call(byte[] body) throws WebhookException {
        RevRingEvent event = receiver.receive(keyed(body)).event();
        assertThat(event.type()).isEqualTo(RevRingEventType.POST_CALL);
        return ((RevRingEvent.PostCall) event).call();
    }

    private CallRecord call(ObjectNode body) throws WebhookException {
        return call(json(body));
    }

    @Test
    void theDocumentExampleParsesVerbatimPlaceholdersIncluded() throws Exception {
        byte[] body = resource(DOCUMENT_EXAMPLE);
        assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("{\n  \"id\": \"3c90c3cc").contains("\"<string>\"");
        CallRecord call = call(body);
        Instant at = Instant.parse("2023-11-07T05:31:56Z");
        assertThat(call.id()).isEqualTo(UUID.fromString("3c90c3cc-0d44-4b50-8888-8dd25736052a"));
        assertThat(call.direction()).isEqualTo(OpenEnum.of(CallDirection.INBOUND));
        assertThat(call.status()).isEqualTo(OpenEnum.of(CallStatus.COMPLETED));
        assertThat(call.fromNumber()).isEqualTo("<string>");
        assertThat(call.toNumber()).isEqualTo("<string>");
        assertThat(call.organizationId()).isEqualTo("<string>");
        assertThat(call.agentId()).isEqualTo(UUID.fromString("3c90c3cc-0d44-4b50-8888-8dd25736052a"));
        assertThat(call.recordingUrl()).isEqualTo("<string>");
        // "<string>" is not a documented hangup cause: kept as sent
        assertThat(call.hangupCause().value()).isEqualTo(HangupCause.UNKNOWN);
        assertThat(call.hangupCause().wire()).isEqualTo("<string>");
        assertThat(call.errorMessage()).isEqualTo("<string>");
        assertThat(call.transcript()).hasSize(1);
        assertThat(call.transcript().get(0).isObject()).isTrue();
        assertThat(call.transcript().get(0).isEmpty()).isTrue();
        assertThat(call.summary()).isEqualTo("<string>");
        assertThat(call.metrics().isObject()).isTrue();
        assertThat(call.metrics().isEmpty()).isTrue();
        assertThat(call.initiatedAt()).isEqualTo(at);
        assertThat(call.startedAt()).isEqualTo(at);
        assertThat(call.endedAt()).isEqualTo(at);
        assertThat(call.durationSeconds()).isEqualTo(123L);
        assertThat(call.agentName()).isEqualTo("<string>");
        assertThat(call.sipTrunkId()).isEqualTo("<string>");
        assertThat(call.agentCallerIdName()).isEqualTo("<string>");
        assertThat(call.variables().isObject()).isTrue();
        assertThat(call.createdAt()).isEqualTo(at);
        assertThat(call.updatedAt()).isEqualTo(at);
    }

    @Test
    void aRealisticCompletedCall() throws Exception {
        CallRecord call = call(resource(COMPLETED));
        assertThat(call.direction().is(CallDirection.INBOUND)).isTrue();
        assertThat(call.status().is(CallStatus.COMPLETED)).isTrue();
        assertThat(call.hangupCause()).isEqualTo(OpenEnum.of(HangupCause.USER_ENDED));
        assertThat(call.fromNumber()).isEqualTo("+14155550123");
        assertThat(call.transcript()).hasSize(2);
        assertThat(call.transcript().get(1).get("content").asText()).isEqualTo("I'd like to move my appointment to Friday.");
        assertThat(call.metrics().get("latencyMsP50").asLong()).isEqualTo(640);
        assertThat(call.variables().get("vip").asBoolean()).isTrue();
        assertThat(call.errorMessage()).isNull();
        // offsets and fractions normalised to UTC instants
        assertThat(call.startedAt()).isEqualTo(Instant.parse("2026-03-02T15:00:00.250Z"));
        assertThat(call.endedAt()).isEqualTo(Instant.parse("2026-03-02T15:02:07Z"));
        assertThat(call.durationSeconds()).isEqualTo(127L);
        assertThat(call.agentCallerIdName()).isEqualTo("Acme Dental");
    }

    @Test
    void aFailedCallWithEveryOptionalFieldNull() throws Exception {
        CallRecord call = call(resource(FAILED));
        assertThat(call.direction().is(CallDirection.OUTBOUND)).isTrue();
        assertThat(call.status().is(CallStatus.FAILED)).isTrue();
        assertThat(call.errorMessage()).isEqualTo("SIP 486 Busy Here");
        assertThat(call.transcript()).isEmpty();
        assertThat(call.recordingUrl()).isNull();
        assertThat(call.hangupCause()).isNull();
        assertThat(call.summary()).isNull();
        assertThat(call.metrics()).isNull();
        assertThat(call.startedAt()).isNull();
        assertThat(call.endedAt()).isNull();
        assertThat(call.durationSeconds()).isNull();
        assertThat(call.agentName()).isNull();
        assertThat(call.sipTrunkId()).isNull();
        assertThat(call.agentCallerIdName()).isNull();
        assertThat(call.variables()).isNull();
    }

    @Test
    void everyOptionalFieldMayBeNullOrAbsent() throws Exception {
        ObjectNode nulls = tree(DOCUMENT_EXAMPLE);
        ObjectNode absent = tree(DOCUMENT_EXAMPLE);
        for (String field : OPTIONAL) {
            nulls.putNull(field);
            absent.remove(field);
        }
        for (ObjectNode body : List.of(nulls, absent)) {
            CallRecord call = call(body);
            assertThat(call).isEqualTo(new CallRecord(call.id(), call.direction(), call.status(), call.fromNumber(),
                    call.toNumber(), call.organizationId(), call.agentId(), null, null, null, List.of(), null, null, null,
                    null, null, null, null, null, null, null, null, null));
            assertThat(call.transcript()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "direction", "status", "fromNumber", "toNumber", "organizationId", "agentId"})
    void aMissingOrNullRequiredFieldIsAPayloadErrorNamingIt(String field) {
        Fixtures.assertRequired(receiver, DOCUMENT_EXAMPLE, field);
    }

    @Test
    void theRequiredListMatchesTheDocument() {
        assertThat(REQUIRED).hasSize(7);
        assertThat(tree(DOCUMENT_EXAMPLE).size()).isEqualTo(REQUIRED.size() + OPTIONAL.size());
    }

    @ParameterizedTest
    @EnumSource(value = CallDirection.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void everyDocumentedDirection(CallDirection direction) throws Exception {
        ObjectNode body = tree(DOCUMENT_EXAMPLE).put("direction", direction.wireName());
        assertThat(call(body).direction()).isEqualTo(OpenEnum.of(direction));
    }

    @ParameterizedTest
    @EnumSource(value = CallStatus.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void everyDocumentedStatus(CallStatus status) throws Exception {
        ObjectNode body = tree(DOCUMENT_EXAMPLE).put("status", status.wireName());
        assertThat(call(body).status()).isEqualTo(OpenEnum.of(status));
    }

    @ParameterizedTest
    @EnumSource(value = HangupCause.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void everyDocumentedHangupCause(HangupCause cause) throws Exception {
        ObjectNode body = tree(DOCUMENT_EXAMPLE).put("hangupCause", cause.wireName());
        assertThat(call(body).hangupCause()).isEqualTo(OpenEnum.of(cause));
    }

    @Test
    void theEnumsHoldExactlyTheDocumentedValues() {
        assertThat(wireNames(CallDirection.values())).containsExactly("INBOUND", "OUTBOUND", null);
        assertThat(wireNames(CallStatus.values())).containsExactly("COMPLETED", "TRANSFERRED", "FAILED", "CANCELED", null);
        assertThat(wireNames(HangupCause.values())).containsExactly("USER_ENDED", "END_CALL_TOOL", "SILENCE_TIMEOUT",
                "MAX_DURATION", "VOICEMAIL_DETECTED", null);
    }

    private static String[] wireNames(WireValue[] values) {
        String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            names[i] = values[i].wireName();
        }
        return names;
    }

    @Test
    void valuesOutsideTheEnumsAreKeptAsSentNeverRejected() throws Exception {
        ObjectNode body = tree(DOCUMENT_EXAMPLE)
                .put("direction", "inbound")
                .put("status", "NO_ANSWER")
                .put("hangupCause", "CARRIER_ERROR");
        CallRecord call = call(body);
        assertThat(call.direction().value()).isEqualTo(CallDirection.UNKNOWN);
        assertThat(call.direction().wire()).isEqualTo("inbound");
        assertThat(call.status().value()).isEqualTo(CallStatus.UNKNOWN);
        assertThat(call.status().wire()).isEqualTo("NO_ANSWER");
        assertThat(call.hangupCause().isKnown()).isFalse();
        assertThat(call.hangupCause().wire()).isEqualTo("CARRIER_ERROR");
    }

    @Test
    void stringsAreKeptAsSentNotValidated() throws Exception {
        ObjectNode body = tree(DOCUMENT_EXAMPLE).put("fromNumber", "anonymous").put("toNumber", "")
                .put("recordingUrl", "not a url").put("organizationId", "");
        CallRecord call = call(body);
        assertThat(call.fromNumber()).isEqualTo("anonymous");
        assertThat(call.toNumber()).isEmpty();
        assertThat(call.recordingUrl()).isEqualTo("not a url");
    }

    @Test
    void undescribedJsonIsKeptWhateverItsShape() throws Exception {
        ObjectNode body = tree(DOCUMENT_EXAMPLE);
        body.putArray("transcript").add("hello").addNull().addObject().put("role", "agent");
        body.put("metrics", 5);
        body.putArray("variables").add(1);
        CallRecord call = call(body);
        assertThat(call.transcript()).hasSize(3);
        assertThat(call.transcript().get(0).asText()).isEqualTo("hello");
        assertThat(call.transcript().get(1).isNull()).isTrue();
        assertThat(call.metrics().asInt()).isEqualTo(5);
        assertThat(call.variables().isArray()).isTrue();
        assertThat(call.durationSeconds()).isEqualTo(123L);
    }

    @Test
    void aNegativeDurationIsKept() throws Exception {
        assertThat(call(tree(DOCUMENT_EXAMPLE).put("durationSeconds", -1)).durationSeconds()).isEqualTo(-1L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":\"not-a-uuid\"}",
        "{\"agentId\":42}",
        "{\"direction\":1}",
        "{\"status\":[\"COMPLETED\"]}",
        "{\"hangupCause\":{}}",
        "{\"fromNumber\":14155550123}",
        "{\"durationSeconds\":12.5}",
        "{\"durationSeconds\":\"12\"}",
        "{\"startedAt\":\"yesterday\"}",
        "{\"endedAt\":true}",
        "{\"transcript\":\"hello\"}",
        "{\"summary\":true}",
    })
    void mistypedFieldsArePayloadErrorsCarryingTheBody(String override) throws Exception {
        ObjectNode body = tree(DOCUMENT_EXAMPLE);
        body.setAll(WebhookJson.shared().readObject(override.getBytes(StandardCharsets.UTF_8)));
        byte[] raw = json(body);
        String field = override.substring(2, override.indexOf('"', 2));
        assertPayloadError(() -> receiver.receive(keyed(raw)), raw, "[\"" + field + "\"]");
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        ObjectNode body = tree(DOCUMENT_EXAMPLE);
        body.put("newField", "x").putObject("nested").put("a", 1);
        assertThat(call(body)).isEqualTo(call(resource(DOCUMENT_EXAMPLE)));
    }

    @Test
    void theDeliveryKeyIsCoresDefaultSoAResentRecordIsRecognised() throws Exception {
        byte[] body = resource(COMPLETED);
        VerifiedDelivery<RevRingEvent> first = receiver.receive(keyed(body));
        VerifiedDelivery<RevRingEvent> resent = receiver.receive(keyed(body.clone()));
        assertThat(first.deliveryKey()).isEqualTo(DeliveryKey.of("revring", "post_call", body));
        assertThat(resent.deliveryKey()).isEqualTo(first.deliveryKey());
        assertThat(receiver.receive(keyed(resource(FAILED))).deliveryKey()).isNotEqualTo(first.deliveryKey());
        assertThat(first.rawBody()).isSameAs(body);
    }

    @Test
    void theSignerWritesACallRecordThatReadsBackEqual() throws Exception {
        CallRecord original = call(resource(COMPLETED));
        VerifiedDelivery<RevRingEvent> delivery = receiver.receive(Fixtures.SIGNER.postCall(original));
        assertThat(delivery.event()).isEqualTo(new RevRingEvent.PostCall(original));
        CallRecord minimal = new CallRecord(UUID.randomUUID(), OpenEnum.of(CallDirection.OUTBOUND),
                OpenEnum.of(CallStatus.class, "RINGING"), "+15550100", "+15550101", "org", UUID.randomUUID(),
                null, null, null, null, null, JsonNodeFactory.instance.nullNode(), null, null, null, null, null, null, null,
                null, null, null);
        assertThat(minimal.metrics()).isNull();
        assertThat(((RevRingEvent.PostCall) receiver.receive(Fixtures.SIGNER.postCall(minimal)).event()).call())
                .isEqualTo(minimal);
    }
}
