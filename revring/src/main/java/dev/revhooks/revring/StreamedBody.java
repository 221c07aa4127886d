package dev.revhooks.revring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.json.JsonCursor;
import dev.revhooks.core.json.WebhookJson;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The fast path: a documented webhook body read in one streaming pass straight into its record.
 * It accepts only what the databind path accepts (every field is read with the same strictness); a
 * body it cannot read (an unknown {@code event}, any error) goes down the tree path, which reports
 * it exactly.
 */
final class StreamedBody {

    private String event;
    private boolean hasEvent;
    private UUID id;
    private OpenEnum<CallDirection> direction;
    private OpenEnum<CallStatus> status;
    private String fromNumber;
    private String toNumber;
    private String organizationId;
    private UUID agentId;
    private UUID dialedAgentId;
    private String recordingUrl;
    private OpenEnum<HangupCause> hangupCause;
    private String errorMessage;
    private List<JsonNode> transcript;
    private String summary;
    private JsonNode metrics;
    private Instant initiatedAt;
    private Instant startedAt;
    private Instant endedAt;
    private Long durationSeconds;
    private String agentName;
    private String sipTrunkId;
    private String agentCallerIdName;
    private JsonNode variables;
    private Instant createdAt;
    private Instant updatedAt;

    private StreamedBody() {
    }

    /**
     * Reads a pre-call or post-call body.
     *
     * @return the event, or null when the body names another event (only the tree path keeps those)
     *     or this pass cannot read it
     */
    static RevRingEvent read(WebhookJson json, byte[] body) {
        return json.readOrStepAside(body, in -> {
            StreamedBody b = new StreamedBody();
            in.fields(b::field);
            if (!b.hasEvent || RevRingEventType.POST_CALL.wireName().equals(b.event)) {
                return new RevRingEvent.PostCall(b.postCall(in));
            }
            if (RevRingEventType.PRE_CALL.wireName().equals(b.event)) {
                return new RevRingEvent.PreCall(new PreCallRequest(in.required("agentId", b.agentId),
                        in.required("fromNumber", b.fromNumber), in.required("toNumber", b.toNumber), b.dialedAgentId));
            }
            return null;
        });
    }

    private void field(String name, JsonCursor in) throws IOException {
        switch (name) {
            case "event" -> {
                hasEvent = true;
                event = in.required("event", in.string());
            }
            case "id" -> id = in.uuid();
            case "direction" -> direction = in.openEnum(CallDirection.class);
            case "status" -> status = in.openEnum(CallStatus.class);
            case "fromNumber" -> fromNumber = in.string();
            case "toNumber" -> toNumber = in.string();
            case "organizationId" -> organizationId = in.string();
            case "agentId" -> agentId = in.uuid();
            case "dialedAgentId" -> dialedAgentId = in.uuid();
            case "recordingUrl" -> recordingUrl = in.string();
            case "hangupCause" -> hangupCause = in.openEnum(HangupCause.class);
            case "errorMessage" -> errorMessage = in.string();
            case "transcript" -> transcript = in.trees();
            case "summary" -> summary = in.string();
            case "metrics" -> metrics = in.tree();
            case "initiatedAt" -> initiatedAt = in.instant();
            case "startedAt" -> startedAt = in.instant();
            case "endedAt" -> endedAt = in.instant();
            case "durationSeconds" -> durationSeconds = in.integer();
            case "agentName" -> agentName = in.string();
            case "sipTrunkId" -> sipTrunkId = in.string();
            case "agentCallerIdName" -> agentCallerIdName = in.string();
            case "variables" -> variables = in.tree();
            case "createdAt" -> createdAt = in.instant();
            case "updatedAt" -> updatedAt = in.instant();
            default -> in.skip();
        }
    }

    private CallRecord postCall(JsonCursor in) throws IOException {
        return new CallRecord(in.required("id", id), in.required("direction", direction), in.required("status", status),
                in.required("fromNumber", fromNumber), in.required("toNumber", toNumber),
                in.required("organizationId", organizationId), in.required("agentId", agentId), recordingUrl,
                hangupCause, errorMessage, transcript, summary, metrics, initiatedAt, startedAt, endedAt,
                durationSeconds, agentName, sipTrunkId, agentCallerIdName, variables, createdAt, updatedAt);
    }
}
