package dev.revhooks.revdesk;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.revhooks.core.OpenEnum;
import java.time.Instant;

/**
 * The call object of a disposition event ({@code call_no_answer}, {@code call_voicemail},
 * {@code call_busy}, {@code call_failed}): delivered flat, it is the whole request body.
 *
 * <pre>{@code
 * if (delivery.event() instanceof RevDeskEvent.CallDispositionEvent disposition) {
 *     CallDisposition call = disposition.call();
 *     smsFallback.schedule(call.toNumber(), call.createdAt());
 * }
 * }</pre>
 *
 * <p>The document marks no field required: every component may be null.
 *
 * @param id the call's id, e.g. {@code "call_abc123"}; may be null
 * @param fromNumber the calling number, e.g. {@code "+15551234567"}; may be null
 * @param toNumber the called number; may be null
 * @param direction the call's direction; may be null
 * @param durationSeconds the call's duration in whole seconds; may be null
 * @param status the call's status, e.g. {@code VOICEMAIL}; may be null
 * @param failureCode why the call did not connect, e.g. {@code voicemail_reached}; may be null
 * @param failureCategory the failure's category, e.g. {@code voicemail}; may be null
 * @param disconnectionReason the disconnection reason as raw JSON (the document shows only
 *     {@code null}, so its type is unknown); null when absent or JSON {@code null}
 * @param createdAt when the call was created; may be null
 */
public record CallDisposition(
        @JsonProperty("id") String id,
        @JsonProperty("from_number") String fromNumber,
        @JsonProperty("to_number") String toNumber,
        @JsonProperty("direction") OpenEnum<Direction> direction,
        @JsonProperty("duration_seconds") Long durationSeconds,
        @JsonProperty("status") OpenEnum<CallStatus> status,
        @JsonProperty("failure_code") OpenEnum<CallFailureCode> failureCode,
        @JsonProperty("failure_category") OpenEnum<CallFailureCategory> failureCategory,
        @JsonProperty("disconnection_reason") JsonNode disconnectionReason,
        @JsonProperty("created_at") Instant createdAt) {

    /**
     * Reads JSON {@code null} in {@code disconnection_reason} as null.
     *
     * @param id the call's id
     * @param fromNumber the calling number
     * @param toNumber the called number
     * @param direction the direction
     * @param durationSeconds the duration in seconds
     * @param status the status
     * @param failureCode the failure code
     * @param failureCategory the failure category
     * @param disconnectionReason the disconnection reason as raw JSON
     * @param createdAt when the call was created
     */
    public CallDisposition {
        disconnectionReason = disconnectionReason == null || disconnectionReason.isNull() ? null : disconnectionReason;
    }
}
