package dev.revhooks.revring;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import dev.revhooks.core.OpenEnum;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The call record of RevRing's post-call webhook: every field of the document, under its wire
 * name.
 *
 * <p>The seven fields the document marks required ({@code id}, {@code direction}, {@code status},
 * {@code fromNumber}, {@code toNumber}, {@code organizationId}, {@code agentId}) are never null:
 * a body that omits one, or sends it as {@code null}, is a
 * {@link dev.revhooks.core.WebhookPayloadException} naming the field. Every other component may
 * be null. Strings (phone numbers, URLs, ids) are kept as sent, not validated; enumerations are
 * open, so a new status never makes a delivery unreadable; date-times with an offset are
 * normalised to UTC.
 *
 * <pre>{@code
 * if (delivery.event() instanceof RevRingEvent.PostCall post) {
 *     CallRecord call = post.call();
 *     crm.logCall(call.id(), call.fromNumber(), call.status().wire(), call.summary());
 * }
 * }</pre>
 *
 * @param id the call id; never null
 * @param direction inbound or outbound; never null
 * @param status how the call ended; never null
 * @param fromNumber the caller's number (E.164), as sent; never null
 * @param toNumber the called number (E.164), as sent; never null
 * @param organizationId the organization id; never null
 * @param agentId the agent that handled the call; never null
 * @param recordingUrl the URL of the call recording, as sent; may be null
 * @param hangupCause why the call ended; may be null
 * @param errorMessage the error if the call failed; may be null
 * @param transcript the conversation transcript, each entry as sent (the document does not
 *     describe an entry's fields); empty, never null, when absent or null
 * @param summary the AI-generated call summary; may be null
 * @param metrics call quality metrics, as sent (the document does not describe them); may be null
 * @param initiatedAt when the call was initiated; may be null
 * @param startedAt when the call started; may be null
 * @param endedAt when the call ended; may be null
 * @param durationSeconds the call's duration in seconds; may be null
 * @param agentName the agent's name; may be null
 * @param sipTrunkId the SIP trunk used for the call; may be null
 * @param agentCallerIdName the caller-id name configured on the agent; may be null
 * @param variables the merged template variables used during the call (pre-call webhook, API
 *     and system variables), as sent; may be null
 * @param createdAt when the call record was created; may be null
 * @param updatedAt when the call record was last updated; may be null
 */
public record CallRecord(
        @JsonProperty(value = "id", required = true) @JsonSetter(nulls = Nulls.FAIL) UUID id,
        @JsonProperty(value = "direction", required = true) @JsonSetter(nulls = Nulls.FAIL)
        OpenEnum<CallDirection> direction,
        @JsonProperty(value = "status", required = true) @JsonSetter(nulls = Nulls.FAIL) OpenEnum<CallStatus> status,
        @JsonProperty(value = "fromNumber", required = true) @JsonSetter(nulls = Nulls.FAIL) String fromNumber,
        @JsonProperty(value = "toNumber", required = true) @JsonSetter(nulls = Nulls.FAIL) String toNumber,
        @JsonProperty(value = "organizationId", required = true) @JsonSetter(nulls = Nulls.FAIL) String organizationId,
        @JsonProperty(value = "agentId", required = true) @JsonSetter(nulls = Nulls.FAIL) UUID agentId,
        @JsonProperty("recordingUrl") String recordingUrl,
        @JsonProperty("hangupCause") OpenEnum<HangupCause> hangupCause,
        @JsonProperty("errorMessage") String errorMessage,
        @JsonProperty("transcript") List<JsonNode> transcript,
        @JsonProperty("summary") String summary,
        @JsonProperty("metrics") JsonNode metrics,
        @JsonProperty("initiatedAt") Instant initiatedAt,
        @JsonProperty("startedAt") Instant startedAt,
        @JsonProperty("endedAt") Instant endedAt,
        @JsonProperty("durationSeconds") Long durationSeconds,
        @JsonProperty("agentName") String agentName,
        @JsonProperty("sipTrunkId") String sipTrunkId,
        @JsonProperty("agentCallerIdName") String agentCallerIdName,
        @JsonProperty("variables") JsonNode variables,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("updatedAt") Instant updatedAt) {

    /**
     * Checks the required components and normalises the optional JSON ones: an absent or null
     * {@code transcript} becomes an empty, immutable list, and a JSON {@code null} in
     * {@code metrics} or {@code variables} becomes {@code null}.
     *
     * @param id the call id
     * @param direction the direction
     * @param status the status
     * @param fromNumber the caller's number
     * @param toNumber the called number
     * @param organizationId the organization id
     * @param agentId the agent id
     * @param recordingUrl the recording URL, or null
     * @param hangupCause the hangup cause, or null
     * @param errorMessage the error message, or null
     * @param transcript the transcript entries, or null
     * @param summary the summary, or null
     * @param metrics the metrics, or null
     * @param initiatedAt when initiated, or null
     * @param startedAt when started, or null
     * @param endedAt when ended, or null
     * @param durationSeconds the duration, or null
     * @param agentName the agent name, or null
     * @param sipTrunkId the SIP trunk id, or null
     * @param agentCallerIdName the agent's caller-id name, or null
     * @param variables the variables, or null
     * @param createdAt when created, or null
     * @param updatedAt when updated, or null
     */
    public CallRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fromNumber, "fromNumber");
        Objects.requireNonNull(toNumber, "toNumber");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(agentId, "agentId");
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
        metrics = nullIfJsonNull(metrics);
        variables = nullIfJsonNull(variables);
    }

    private static JsonNode nullIfJsonNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
