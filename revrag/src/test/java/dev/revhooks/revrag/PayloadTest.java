package dev.revhooks.revrag;

import static dev.revhooks.revrag.Fixtures.EVENT;
import static dev.revhooks.revrag.Fixtures.NOW;
import static dev.revhooks.revrag.Fixtures.RECEIVER;
import static dev.revhooks.revrag.Fixtures.SIGNER;
import static dev.revhooks.revrag.Fixtures.WEBHOOK_ID;
import static dev.revhooks.revrag.Fixtures.signed;
import static dev.revhooks.revrag.Fixtures.utf8;
import static dev.revhooks.revrag.Fixtures.withHeader;
import static dev.revhooks.revrag.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing of authentic bodies: types, optional fields, open enums, payload errors and event selection. */
class PayloadTest {

    private static final String CALL_ID = "123e4567-e89b-12d3-a456-426614174000";
    private static final String AGENT_ID = "33333333-3333-3333-3333-333333333333";
    private static final String REQUIRED = "\"call_status\":\"ENDED\",\"call_id\":\"" + CALL_ID + "\",\"agent_id\":\"" + AGENT_ID + "\"";

    /** A body with the required fields plus {@code extra} (a JSON member list, possibly empty). */
    private static String body(String extra) {
        return "{" + REQUIRED + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private static CallStatus call(String json) throws Exception {
        RevRagEvent event = RECEIVER.receive(signed(utf8(json))).event();
        assertThat(event).isInstanceOf(RevRagEvent.CallEnded.class);
        return ((RevRagEvent.CallEnded) event).call();
    }

    private static void assertPayloadError(String json, String messagePart) {
        byte[] raw = utf8(json);
        assertThatThrownBy(() -> RECEIVER.receive(signed(raw)))
                .isInstanceOfSatisfying(WebhookPayloadException.class, e -> assertThat(e.rawBody()).isSameAs(raw))
                .hasMessageContaining(messagePart);
    }

    @Test
    void onlyTheRequiredFieldsGiveNullsAndEmptyLists() throws Exception {
        CallStatus call = call(body(""));
        assertThat(call.callStatus()).isEqualTo(OpenEnum.of(CallState.ENDED));
        assertThat(call.callId()).isEqualTo(UUID.fromString(CALL_ID));
        assertThat(call.agentId()).isEqualTo(UUID.fromString(AGENT_ID));
        assertThat(call.summary()).isNull();
        assertThat(call.startTime()).isNull();
        assertThat(call.endTime()).isNull();
        assertThat(call.duration()).isNull();
        assertThat(call.disconnectionReason()).isNull();
        assertThat(call.recordingUrl()).isNull();
        assertThat(call.transcription()).isNull();
        assertThat(call.customVariables()).isEmpty();
        assertThat(call.variablesFields()).isNull();
        assertThat(call.appUserId()).isNull();
    }

    @Test
    void explicitNullsOfOptionalFieldsReadAsNull() throws Exception {
        CallStatus call = call(body("\"summary\":null,\"start_time\":null,\"end_time\":null,\"duration\":null,"
                + "\"disconnection_reason\":null,\"recording_url\":null,\"transcription\":null,"
                + "\"custom_variables\":null,\"variables_fields\":null,\"app_user_id\":null"));
        assertThat(call).isEqualTo(call(body("")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"72", "72.5", "72.50", "0.001", "7.25e1", "-1", "1E+2", "123456789012345678901234567890.5"})
    void durationIsAnyJsonNumberKeptExactly(String number) throws Exception {
        assertThat(call(body("\"duration\":" + number)).duration()).isEqualTo(new BigDecimal(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"72\"", "true", "[72]", "{\"seconds\":72}"})
    void durationThatIsNotANumberIsAPayloadError(String value) {
        assertPayloadError(body("\"duration\":" + value), "duration");
    }

    @Test
    void timesWithAnyOffsetAreNormalisedToUtc() throws Exception {
        CallStatus call = call(body("\"start_time\":\"2026-05-27T08:35:00+05:30\",\"end_time\":\"2026-05-27T03:06:12.250Z\""));
        assertThat(call.startTime()).isEqualTo(Instant.parse("2026-05-27T03:05:00Z"));
        assertThat(call.endTime()).isEqualTo(Instant.parse("2026-05-27T03:06:12.250Z"));
        assertThat(call(body("\"start_time\":\"2026-05-26T22:05:00-05:00\"")).startTime())
                .isEqualTo(Instant.parse("2026-05-27T03:05:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"2026-05-27T03:05:00\"",
        "\"2026-05-27\"",
        "\"yesterday\"",
        "\"\"",
        "\"1779851100\"",
        "1779851100",
        "1779851100.5",
        "true",
        "\"2026-05-27 03:05:00+00:00\"",
    })
    void aStartTimeThatIsNotAnIso8601StringWithOffsetIsAPayloadError(String value) {
        assertPayloadError(body("\"start_time\":" + value), "start_time");
    }

    @Test
    void uuidsAreAcceptedInEitherCase() throws Exception {
        assertThat(call(body("").replace(CALL_ID, CALL_ID.toUpperCase(java.util.Locale.ROOT))).callId())
                .isEqualTo(UUID.fromString(CALL_ID));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"AAAAAAAAAAAAAAAAAAAAAA==\"",
        "\"123e4567e89b12d3a456426614174000\"",
        "\"123e4567-e89b-12d3-a456-42661417400g\"",
        "\"123e4567-e89b-12d3-a456_426614174000\"",
        "\"{123e4567-e89b-12d3-a456-426614174000}\"",
        "\"1-1-1-1-1\"",
        "\"\"",
        "42",
        "{}",
    })
    void aCallIdThatIsNotA36CharacterUuidIsAPayloadError(String value) {
        assertPayloadError(body("").replace("\"" + CALL_ID + "\"", value), "call_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"call_status", "call_id", "agent_id"})
    void aMissingOrNullRequiredFieldIsAPayloadErrorNamingIt(String field) {
        String withoutField = body("").replaceAll("\"" + field + "\":\"[^\"]*\",?", "").replace(",}", "}");
        assertPayloadError(withoutField, field);
        String withNull = body("").replaceAll("(\"" + field + "\"):\"[^\"]*\"", "$1:null");
        assertPayloadError(withNull, field);
    }

    @Test
    void anUndocumentedCallStatusIsKeptAsSent() throws Exception {
        OpenEnum<CallState> status = call(body("").replace("\"ENDED\"", "\"IN_PROGRESS\"")).callStatus();
        assertThat(status.value()).isEqualTo(CallState.UNKNOWN);
        assertThat(status.wire()).isEqualTo("IN_PROGRESS");
        assertThat(call(body("").replace("\"ENDED\"", "\"ended\"")).callStatus().isKnown()).isFalse();
    }

    @Test
    void transcriptRolesAreOpen() throws Exception {
        Transcription transcription = call(body("\"transcription\":{\"messages\":["
                + "{\"role\":\"assistant\",\"content\":\"a\"},{\"role\":\"user\",\"content\":\"u\"},"
                + "{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"Assistant\"},{\"content\":\"no role\"},"
                + "{\"role\":null,\"content\":null,\"extra\":1}]}")).transcription();
        assertThat(transcription.messages()).extracting(m -> m.role() == null ? null : m.role().value())
                .containsExactly(TranscriptRole.ASSISTANT, TranscriptRole.USER, TranscriptRole.UNKNOWN,
                        TranscriptRole.UNKNOWN, null, null);
        assertThat(transcription.messages().get(2).role().wire()).isEqualTo("system");
        assertThat(transcription.messages().get(3).content()).isNull();
        assertThat(transcription.messages().get(4).content()).isEqualTo("no role");
    }

    @Test
    void aTranscriptionWithoutMessagesHasAnEmptyList() throws Exception {
        assertThat(call(body("\"transcription\":{}")).transcription().messages()).isEmpty();
        assertThat(call(body("\"transcription\":{\"messages\":null}")).transcription().messages()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"transcription\":[]",
        "\"transcription\":{\"messages\":{}}",
        "\"transcription\":{\"messages\":[null]}",
        "\"transcription\":{\"messages\":[{\"role\":1}]}",
        "\"transcription\":{\"messages\":[{\"content\":[\"a\"]}]}",
    })
    void aMistypedTranscriptionIsAPayloadError(String member) {
        assertPayloadError(body(member), "transcription");
    }

    @Test
    void customVariableValuesMayBeAnyJsonType() throws Exception {
        CallStatus call = call(body("\"custom_variables\":["
                + "{\"key\":\"b\",\"type\":\"boolean\",\"value\":false},"
                + "{\"key\":\"n\",\"type\":\"number\",\"value\":2.50},"
                + "{\"key\":\"i\",\"type\":\"integer\",\"value\":12345678901234567890},"
                + "{\"key\":\"s\",\"type\":\"string\",\"value\":\"gold\"},"
                + "{\"key\":\"a\",\"type\":\"array\",\"value\":[1,\"x\"]},"
                + "{\"key\":\"o\",\"type\":\"object\",\"value\":{\"k\":true}},"
                + "{\"key\":\"z\",\"type\":\"boolean\",\"value\":null},"
                + "{\"key\":\"absent\"},"
                + "{\"type\":\"boolean\",\"value\":\"true\"}]"));
        assertThat(call.customVariables()).hasSize(9);
        CustomVariable bool = call.customVariables().get(0);
        assertThat(bool.booleanValue()).contains(false);
        assertThat(bool.numberValue()).isEmpty();
        assertThat(call.customVariables().get(1).numberValue()).hasValueSatisfying(
                n -> assertThat(n).isEqualByComparingTo("2.5"));
        assertThat(call.customVariables().get(2).numberValue()).contains(new BigDecimal("12345678901234567890"));
        assertThat(call.customVariables().get(3).textValue()).contains("gold");
        assertThat(call.customVariables().get(3).booleanValue()).isEmpty();
        assertThat(call.customVariables().get(4).value().isArray()).isTrue();
        assertThat(call.customVariables().get(4).textValue()).isEmpty();
        assertThat(call.customVariables().get(5).value().get("k").booleanValue()).isTrue();
        for (CustomVariable noValue : call.customVariables().subList(6, 8)) {
            assertThat(noValue.value()).isNull();
            assertThat(noValue.booleanValue()).isEmpty();
            assertThat(noValue.numberValue()).isEmpty();
            assertThat(noValue.textValue()).isEmpty();
        }
        CustomVariable declaredBooleanSentAsText = call.customVariables().get(8);
        assertThat(declaredBooleanSentAsText.key()).isNull();
        assertThat(declaredBooleanSentAsText.booleanValue()).isEmpty();
        assertThat(declaredBooleanSentAsText.textValue()).contains("true");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"custom_variables\":{}",
        "\"custom_variables\":[null]",
        "\"custom_variables\":[1]",
        "\"custom_variables\":[{\"key\":1}]",
        "\"custom_variables\":[{\"type\":true}]",
    })
    void mistypedCustomVariablesAreAPayloadError(String member) {
        assertPayloadError(body(member), "custom_variables");
    }

    @Test
    void variablesFieldsAreRawJsonKeptAsSent() throws Exception {
        assertThat(call(body("\"variables_fields\":{\"plan\":\"gold\",\"n\":[1]}")).variablesFields().get("n").get(0).intValue())
                .isEqualTo(1);
        assertThat(call(body("\"variables_fields\":[1,2]")).variablesFields().isArray()).isTrue();
        assertThat(call(body("\"variables_fields\":null")).variablesFields()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"summary\":5", "\"summary\":{}", "\"app_user_id\":12345", "\"app_user_id\":true",
        "\"recording_url\":[]", "\"disconnection_reason\":1", "\"call_status\":1", "\"agent_id\":null",
    })
    void aMistypedFieldIsAPayloadErrorNamingIt(String member) {
        String field = member.substring(1, member.indexOf('"', 1));
        String json = body("").replaceAll("\"" + field + "\":\"[^\"]*\",?", "");
        assertPayloadError(json.replace(",}", "}").replace("{", "{" + member + ","), field);
    }

    @Test
    void unknownFieldsAreIgnoredEverywhere() throws Exception {
        CallStatus call = call(body("\"new_field\":{\"x\":[1,2]},\"transcription\":{\"messages\":[{\"role\":\"user\","
                + "\"content\":\"c\",\"timestamp\":3}],\"words\":[]},\"custom_variables\":[{\"key\":\"k\",\"value\":1,"
                + "\"confidence\":0.9}]"));
        assertThat(call.transcription().messages()).containsExactly(
                new TranscriptMessage(OpenEnum.of(TranscriptRole.USER), "c"));
        assertThat(call.customVariables().get(0).numberValue()).contains(BigDecimal.ONE);
    }

    @Test
    void listsAreImmutable() throws Exception {
        CallStatus call = call(body("\"transcription\":{\"messages\":[{\"role\":\"user\"}]},\"custom_variables\":[{}]"));
        assertThatThrownBy(() -> call.customVariables().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> call.transcription().messages().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"call.ended\"", "null", "{", "{\"a\":1}{}", "{\"a\":1,\"a\":2}", "\uFEFF{}"})
    void anAuthenticBodyThatIsNotOneJsonObjectIsAPayloadError(String json) {
        byte[] raw = utf8(json);
        assertThatThrownBy(() -> RECEIVER.receive(signed(raw)))
                .isInstanceOfSatisfying(WebhookPayloadException.class, e -> assertThat(e.rawBody()).isSameAs(raw));
        WebhookRequest unknownEvent = SIGNER.sign(raw, NOW, "call.started", null);
        assertThatThrownBy(() -> RECEIVER.receive(unknownEvent))
                .isInstanceOfSatisfying(WebhookPayloadException.class, e -> assertThat(e.rawBody()).isSameAs(raw));
    }

    // ---- event selection and delivery keys -----------------------------------------------------

    @Test
    void anUndocumentedEventKeepsTheRawJsonAndItsName() throws Exception {
        byte[] raw = utf8("{\"call_id\":\"not even a uuid\",\"new\":{\"shape\":true}}");
        VerifiedDelivery<RevRagEvent> delivery = RECEIVER.receive(SIGNER.sign(raw, NOW, "call.started", "evt_1"));
        assertThat(delivery.event()).isInstanceOf(RevRagEvent.Unknown.class);
        RevRagEvent.Unknown unknown = (RevRagEvent.Unknown) delivery.event();
        assertThat(unknown.type()).isEqualTo(RevRagEventType.UNKNOWN);
        assertThat(unknown.hints()).isEqualTo(new UnauthenticatedHints("evt_1", "call.started"));
        assertThat(unknown.json()).isEqualTo(JsonNodeFactory.instance.objectNode()
                .put("call_id", "not even a uuid")
                .set("new", JsonNodeFactory.instance.objectNode().put("shape", true)));
        assertThat(delivery.deliveryKey().value()).startsWith("revrag:signed-body:");
    }

    @Test
    void withoutAUsableEventHeaderTheDeliveryIsUnknown() throws Exception {
        byte[] raw = utf8(body(""));
        WebhookRequest request = signed(raw);
        for (WebhookRequest variant : new WebhookRequest[] {
            without(request, EVENT),
            withHeader(request, EVENT, ""),
            withHeader(request, EVENT, "  "),
            withHeader(request, EVENT, "call.ended", "call.ended"),
            withHeader(request, EVENT, "Call.Ended"),
            withHeader(request, EVENT, "call.ended" + " ".repeat(8 * 1024)),
        }) {
            VerifiedDelivery<RevRagEvent> delivery = RECEIVER.receive(variant);
            assertThat(delivery.event().type()).isEqualTo(RevRagEventType.UNKNOWN);
            String name = delivery.event().hints().event();
            assertThat(delivery.deliveryKey()).isEqualTo(RECEIVER.receive(request).deliveryKey());
        }
        assertThat(RECEIVER.receive(withHeader(request, EVENT, " call.ended ")).event().type())
                .isEqualTo(RevRagEventType.CALL_ENDED);
    }

    @Test
    void theWebhookIdIsAHintOnly() throws Exception {
        WebhookRequest request = signed(utf8(body("")));
        assertThat(RECEIVER.receive(without(request, WEBHOOK_ID)).event().hints().webhookId()).isNull();
        assertThat(RECEIVER.receive(withHeader(request, WEBHOOK_ID, "a", "b")).event().hints().webhookId()).isNull();
        assertThat(RECEIVER.receive(withHeader(request, WEBHOOK_ID, " evt_2 ")).event().hints().webhookId()).isEqualTo("evt_2");
    }

    @Test
    void theDeliveryKeyIgnoresTheSendTimeAndTheWebhookId() throws Exception {
        byte[] raw = utf8(body(""));
        VerifiedDelivery<RevRagEvent> first = RECEIVER.receive(SIGNER.sign(raw, NOW, "call.ended", "evt_first"));
        VerifiedDelivery<RevRagEvent> resent = RECEIVER.receive(SIGNER.sign(raw, NOW.plusSeconds(60), "call.ended", "evt_retry"));
        VerifiedDelivery<RevRagEvent> other = RECEIVER.receive(SIGNER.sign(utf8(body("\"summary\":\"s\"")), NOW));
        assertThat(resent.deliveryKey()).isEqualTo(first.deliveryKey());
        assertThat(other.deliveryKey()).isNotEqualTo(first.deliveryKey());
        assertThat(first.deliveryKey().value()).matches("revrag:signed-body:[0-9a-f]{64}");
        // the event header is not signed: a replay that changes it keeps the key
        VerifiedDelivery<RevRagEvent> relabelled = RECEIVER.receive(SIGNER.sign(raw, NOW, "call.started", "evt_first"));
        assertThat(relabelled.event().type()).isEqualTo(RevRagEventType.UNKNOWN);
        assertThat(relabelled.deliveryKey()).isEqualTo(first.deliveryKey());
    }

    @Test
    void parseAloneReadsAVerifiedRequest() throws Exception {
        WebhookRequest request = signed(utf8(body("\"app_user_id\":\"u\"")));
        RECEIVER.verify(request);
        assertThat(((RevRagEvent.CallEnded) RECEIVER.parse(request)).call().appUserId()).isEqualTo("u");
    }
}
