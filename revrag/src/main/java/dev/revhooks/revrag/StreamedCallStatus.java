package dev.revhooks.revrag;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.json.JsonCursor;
import dev.revhooks.core.json.WebhookJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The fast path: a call-status body read in one streaming pass straight into {@link CallStatus},
 * with the strictness of the databind path. Any error steps aside to the databind path, which
 * reports it exactly.
 */
final class StreamedCallStatus {

    private StreamedCallStatus() {
    }

    /**
     * Reads a call-status body.
     *
     * @return the record, or null when only the databind path can read (or report on) this body
     */
    static CallStatus read(WebhookJson json, byte[] body) {
        return json.readOrStepAside(body, StreamedCallStatus::callStatus);
    }

    private static CallStatus callStatus(JsonCursor in) throws IOException {
        OpenEnum<CallState> callStatus = null;
        UUID callId = null;
        UUID agentId = null;
        String summary = null;
        Instant startTime = null;
        Instant endTime = null;
        BigDecimal duration = null;
        String disconnectionReason = null;
        String recordingUrl = null;
        Transcription transcription = null;
        List<CustomVariable> customVariables = null;
        JsonNode variablesFields = null;
        String appUserId = null;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "call_status" -> callStatus = in.openEnum(CallState.class);
                case "call_id" -> callId = in.uuid();
                case "agent_id" -> agentId = in.uuid();
                case "summary" -> summary = in.string();
                case "start_time" -> startTime = in.instant();
                case "end_time" -> endTime = in.instant();
                case "duration" -> duration = in.decimal();
                case "disconnection_reason" -> disconnectionReason = in.string();
                case "recording_url" -> recordingUrl = in.string();
                case "transcription" -> transcription = in.object(StreamedCallStatus::transcription);
                case "custom_variables" -> customVariables = in.objects(StreamedCallStatus::customVariable);
                case "variables_fields" -> variablesFields = in.tree();
                case "app_user_id" -> appUserId = in.string();
                default -> in.skip();
            }
        }
        return new CallStatus(in.required("call_status", callStatus), in.required("call_id", callId),
                in.required("agent_id", agentId), summary, startTime, endTime, duration, disconnectionReason,
                recordingUrl, transcription, customVariables, variablesFields, appUserId);
    }

    private static Transcription transcription(JsonCursor in) throws IOException {
        List<TranscriptMessage> messages = null;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            if (field.equals("messages")) {
                messages = in.objects(StreamedCallStatus::message);
            } else {
                in.skip();
            }
        }
        return new Transcription(messages);
    }

    private static TranscriptMessage message(JsonCursor in) throws IOException {
        OpenEnum<TranscriptRole> role = null;
        String content = null;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "role" -> role = in.openEnum(TranscriptRole.class);
                case "content" -> content = in.string();
                default -> in.skip();
            }
        }
        return new TranscriptMessage(role, content);
    }

    private static CustomVariable customVariable(JsonCursor in) throws IOException {
        String key = null;
        String type = null;
        JsonNode value = null;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "key" -> key = in.string();
                case "type" -> type = in.string();
                case "value" -> value = in.tree();
                default -> in.skip();
            }
        }
        return new CustomVariable(key, type, value);
    }
}
