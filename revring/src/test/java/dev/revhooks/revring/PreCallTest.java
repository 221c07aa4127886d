package dev.revhooks.revring;

import static dev.revhooks.revring.Fixtures.PRE_CALL;
import static dev.revhooks.revring.Fixtures.PRE_CALL_DIALED_AGENT;
import static dev.revhooks.revring.Fixtures.assertPayloadError;
import static dev.revhooks.revring.Fixtures.json;
import static dev.revhooks.revring.Fixtures.keyed;
import static dev.revhooks.revring.Fixtures.receiver;
import static dev.revhooks.revring.Fixtures.resource;
import static dev.revhooks.revring.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.json.WebhookJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreCallTest {

    private static final UUID AGENT = UUID.fromString("5b2e9c4a-1f3d-4e6a-8b7c-9d0e1f2a3b4c");

    private final RevRingWebhooks receiver = receiver();

    private PreCallRequest preCall(byte[] body) throws WebhookException {
        RevRingEvent event = receiver.receive(keyed(body)).event();
        assertThat(event.type()).isEqualTo(RevRingEventType.PRE_CALL);
        return ((RevRingEvent.PreCall) event).request();
    }

    @Test
    void aPreCallRequestRoutedToNoAgentInParticular() throws Exception {
        assertThat(preCall(resource(PRE_CALL))).isEqualTo(new PreCallRequest(AGENT, "+14155550123", "+14155550199", null));
    }

    @Test
    void aPreCallRequestDialledDirectlyToAnAgent() throws Exception {
        assertThat(preCall(resource(PRE_CALL_DIALED_AGENT)).dialedAgentId()).isEqualTo(AGENT);
    }

    @Test
    void anAbsentDialedAgentIdIsNull() throws Exception {
        ObjectNode body = tree(PRE_CALL);
        body.remove("dialedAgentId");
        assertThat(preCall(json(body)).dialedAgentId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"agentId", "fromNumber", "toNumber"})
    void aMissingOrNullRequiredFieldIsAPayloadErrorNamingIt(String field) {
        Fixtures.assertRequired(receiver, PRE_CALL, field);
    }

    @Test
    void aMalformedDialedAgentIdIsAPayloadError() {
        byte[] raw = json(tree(PRE_CALL).put("dialedAgentId", "agent-7"));
        assertPayloadError(() -> receiver.receive(keyed(raw)), raw, "dialedAgentId");
    }

    @Test
    void preCallExchangesAreNeverDeDuplicated() throws Exception {
        byte[] body = resource(PRE_CALL);
        VerifiedDelivery<RevRingEvent> first = receiver.receive(keyed(body));
        VerifiedDelivery<RevRingEvent> repeated = receiver.receive(keyed(body));
        assertThat(first.deliveryKey().value()).startsWith("revring:pre_call:");
        UUID.fromString(first.deliveryKey().value().substring("revring:pre_call:".length()));
        // stable for one delivery, different for the same request received again
        assertThat(first.deliveryKey()).isEqualTo(first.deliveryKey());
        assertThat(repeated.deliveryKey()).isNotEqualTo(first.deliveryKey());
    }

    @Test
    void theAnswerIsTheVariablesObjectWithTypedValues() {
        PreCallAnswer answer = PreCallAnswer.builder()
                .variable("customerName", "Ada \"Countess\" Lovelace")
                .variable("openInvoices", 2)
                .variable("balance", new BigDecimal("12.50"))
                .variable("score", 0.5)
                .variable("vip", true)
                .build();
        assertThat(new String(answer.toJson(), StandardCharsets.UTF_8)).isEqualTo("{\"variables\":{"
                + "\"customerName\":\"Ada \\\"Countess\\\" Lovelace\",\"openInvoices\":2,\"balance\":12.50,"
                + "\"score\":0.5,\"vip\":true}}");
        assertThat(answer.variables()).containsExactly(Map.entry("customerName", "Ada \"Countess\" Lovelace"),
                Map.entry("openInvoices", 2L), Map.entry("balance", new BigDecimal("12.50")), Map.entry("score", 0.5),
                Map.entry("vip", true));
        assertThatThrownBy(() -> answer.variables().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEmptyAnswerSetsNoVariable() {
        assertThat(new String(PreCallAnswer.empty().toJson(), StandardCharsets.UTF_8)).isEqualTo("{\"variables\":{}}");
        assertThat(PreCallAnswer.builder().build()).isEqualTo(PreCallAnswer.empty());
    }

    @Test
    void settingANameAgainReplacesItsValue() {
        PreCallAnswer answer = PreCallAnswer.builder().variable("tier", "gold").variable("tier", 3).build();
        assertThat(answer.variables()).containsExactly(Map.entry("tier", 3L));
        assertThat(answer).isEqualTo(PreCallAnswer.builder().variable("tier", 3).build()).hasSameHashCodeAs(
                PreCallAnswer.builder().variable("tier", 3).build());
        assertThat(answer.toString()).contains("tier=3");
    }

    @Test
    void theBuilderRefusesWhatJsonOrRevRingCannotCarry() {
        PreCallAnswer.Builder builder = PreCallAnswer.builder();
        assertThatThrownBy(() -> builder.variable("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.variable("x", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.variable("x", Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.variable("x", (String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.variable(null, 1)).isInstanceOf(NullPointerException.class);
        assertThat(builder.build()).isEqualTo(PreCallAnswer.empty());
    }

    @Test
    void aPreCallRequestAndItsAnswerRoundTrip() throws Exception {
        PreCallRequest sent = new PreCallRequest(AGENT, "+14155550123", "+14155550199", AGENT);
        // RevRing's side: the request as it is sent
        VerifiedDelivery<RevRingEvent> delivery = receiver.receive(Fixtures.SIGNER.preCall(sent));
        assertThat(delivery.event()).isEqualTo(new RevRingEvent.PreCall(sent));
        assertThat(WebhookJson.shared().readObject(delivery.rawBody()).get("event").textValue()).isEqualTo("pre_call");
        // the app's side: answer from the request
        PreCallRequest received = ((RevRingEvent.PreCall) delivery.event()).request();
        byte[] answer = PreCallAnswer.builder()
                .variable("callerNumber", received.fromNumber())
                .variable("directDial", received.dialedAgentId() != null)
                .variable("queueLength", 4)
                .variable("discount", new BigDecimal("0.15"))
                .build().toJson();
        // RevRing's side again: the answer is a JSON object holding a variables object
        JsonNode variables = WebhookJson.shared().readObject(answer).get("variables");
        assertThat(variables.get("callerNumber").textValue()).isEqualTo("+14155550123");
        assertThat(variables.get("directDial").booleanValue()).isTrue();
        assertThat(variables.get("queueLength").isIntegralNumber()).isTrue();
        assertThat(variables.get("queueLength").longValue()).isEqualTo(4);
        assertThat(variables.get("discount").decimalValue()).isEqualByComparingTo("0.15");
        assertThat(variables.size()).isEqualTo(4);
    }
}
