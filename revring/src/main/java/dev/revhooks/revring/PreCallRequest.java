package dev.revhooks.revring;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Objects;
import java.util.UUID;

/**
 * The body of RevRing's pre-call webhook, sent before an inbound call is answered (its
 * {@code event}, always {@code "pre_call"}, is {@link RevRingEvent.PreCall#type()}).
 *
 * <p>{@code agentId}, {@code fromNumber} and {@code toNumber} are never null: a body that omits
 * one, or sends it as {@code null}, is a {@link dev.revhooks.core.WebhookPayloadException}
 * naming the field. Phone numbers are kept as sent. Answer with a {@link PreCallAnswer} within 3
 * seconds.
 *
 * <pre>{@code
 * if (delivery.event() instanceof RevRingEvent.PreCall preCall) {
 *     PreCallRequest call = preCall.request();
 *     Customer customer = customers.byPhone(call.fromNumber());
 *     respond(PreCallAnswer.builder().variable("customerName", customer.name()).build().toJson());
 * }
 * }</pre>
 *
 * @param agentId the agent that will take the call; never null
 * @param fromNumber the caller's number (E.164), as sent; never null
 * @param toNumber the called number (E.164), as sent; never null
 * @param dialedAgentId the agent the call was routed to directly; null when it was not (or when
 *     the field is absent)
 */
public record PreCallRequest(
        @JsonProperty(value = "agentId", required = true) @JsonSetter(nulls = Nulls.FAIL) UUID agentId,
        @JsonProperty(value = "fromNumber", required = true) @JsonSetter(nulls = Nulls.FAIL) String fromNumber,
        @JsonProperty(value = "toNumber", required = true) @JsonSetter(nulls = Nulls.FAIL) String toNumber,
        @JsonProperty("dialedAgentId") UUID dialedAgentId) {

    /**
     * Checks the required components.
     *
     * @param agentId the agent id
     * @param fromNumber the caller's number
     * @param toNumber the called number
     * @param dialedAgentId the directly dialled agent, or null
     */
    public PreCallRequest {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(fromNumber, "fromNumber");
        Objects.requireNonNull(toNumber, "toNumber");
    }
}
