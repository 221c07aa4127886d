package dev.revhooks.revrag;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.revhooks.core.OpenEnum;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The result of one call: the body of a {@code call.ended} delivery, the same JSON shape as
 * RevRag's Get Call Status response (and the same contract for campaign calls).
 *
 * <pre>{@code
 * CallStatus call = ended.call();
 * crm.attach(call.appUserId(), call.callId(), call.summary(), call.duration());
 * }</pre>
 *
 * <p>{@code call_status}, {@code call_id} and {@code agent_id} are required (a body without them,
 * or with them {@code null}, is a payload error naming the field); every other component may be
 * null, and a list is never null.
 *
 * @param callStatus {@code call_status}: the final status, {@code ENDED} once the call has finished; kept as sent
 * @param callId {@code call_id}: the call this notification is for
 * @param agentId {@code agent_id}: the agent that handled the call
 * @param summary {@code summary}: the generated call summary (when a transcript exists); may be null
 * @param startTime {@code start_time}: when the call started, normalised to UTC; may be null
 * @param endTime {@code end_time}: when the call ended, normalised to UTC; may be null
 * @param duration {@code duration}: the call's length in seconds, exactly as sent (it may have a
 *     fraction); may be null
 * @param disconnectionReason {@code disconnection_reason}: the normalised hang-up reason, e.g.
 *     {@code user_hangup}; the document lists no set of values, so it is a plain string; may be null
 * @param recordingUrl {@code recording_url}: the presigned recording URL, exactly as sent (for
 *     transcribed calls); may be null
 * @param transcription {@code transcription}: the turn-by-turn messages; may be null
 * @param customVariables {@code custom_variables}: the post-call variables the agent extracted;
 *     empty when absent or null
 * @param variablesFields {@code variables_fields}: the variables associated with the call, as raw
 *     JSON; may be null (absent or JSON null)
 * @param appUserId {@code app_user_id}: your user id, echoed from the in-app call token request;
 *     may be null
 */
public record CallStatus(
        @JsonProperty(value = "call_status", required = true) OpenEnum<CallState> callStatus,
        @JsonProperty(value = "call_id", required = true) UUID callId,
        @JsonProperty(value = "agent_id", required = true) UUID agentId,
        @JsonProperty("summary") String summary,
        @JsonProperty("start_time") Instant startTime,
        @JsonProperty("end_time") Instant endTime,
        @JsonProperty("duration") BigDecimal duration,
        @JsonProperty("disconnection_reason") String disconnectionReason,
        @JsonProperty("recording_url") String recordingUrl,
        @JsonProperty("transcription") Transcription transcription,
        @JsonProperty("custom_variables") List<CustomVariable> customVariables,
        @JsonProperty("variables_fields") JsonNode variablesFields,
        @JsonProperty("app_user_id") String appUserId) {

    /**
     * Checks the required components and normalises the optional ones.
     *
     * @param callStatus the final status
     * @param callId the call's id
     * @param agentId the agent's id
     * @param summary the summary, or null
     * @param startTime the start, or null
     * @param endTime the end, or null
     * @param duration the length in seconds, or null
     * @param disconnectionReason the hang-up reason, or null
     * @param recordingUrl the recording URL, or null
     * @param transcription the transcript, or null
     * @param customVariables the variables; null reads as empty
     * @param variablesFields the call's variables as JSON; a JSON null reads as null
     * @param appUserId your user id, or null
     * @throws NullPointerException when a required component is null
     * @throws IllegalArgumentException when {@code customVariables} has a null element
     */
    public CallStatus {
        Objects.requireNonNull(callStatus, "call_status");
        Objects.requireNonNull(callId, "call_id");
        Objects.requireNonNull(agentId, "agent_id");
        customVariables = StrictWireTypes.array(customVariables, "custom_variables");
        variablesFields = variablesFields == null || variablesFields.isNull() ? null : variablesFields;
    }
}
