package dev.revhooks.revdesk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.json.JsonCursor;
import dev.revhooks.core.json.WebhookJson;
import java.io.IOException;
import java.time.Instant;

/**
 * The fast path: the typed RevDesk bodies (a lifecycle envelope of the subscribed type, a call
 * disposition, an SMS) read in one streaming pass straight into their records. It accepts only
 * what the tree path accepts, with the same strictness; anything else (another shape, an unmapped
 * or mismatched {@code triggerEvent}, an event kept as raw JSON, any error) steps aside, and the
 * tree path decides and reports exactly.
 */
final class StreamedBody {

    private StreamedBody() {
    }

    /**
     * Reads a body of a typed event type.
     *
     * @return the event, or null when only the tree path can read this body
     */
    static RevDeskEvent read(WebhookJson json, RevDeskEventType subscribed, byte[] body) {
        return json.readOrStepAside(body, in -> switch (subscribed) {
            case NUMBER_PURCHASED, NUMBER_RELEASED -> envelope(in, subscribed);
            case CALL_NO_ANSWER, CALL_VOICEMAIL, CALL_BUSY, CALL_FAILED -> disposition(in, subscribed);
            case SMS_SENT, SMS_DELIVERED, SMS_FAILED -> sms(in, subscribed);
            default -> null;
        });
    }

    private static RevDeskEvent envelope(JsonCursor in, RevDeskEventType subscribed) throws IOException {
        OpenEnum<RevDeskTriggerEvent> trigger = null;
        Instant createdAt = null;
        PhoneNumber payload = null;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "triggerEvent" -> trigger = in.openEnum(RevDeskTriggerEvent.class);
                case "createdAt" -> createdAt = in.instant();
                case "payload" -> payload = in.object(StreamedBody::phoneNumber);
                default -> in.skip();
            }
        }
        if (trigger == null || trigger.value().eventType() != subscribed) {
            return null;
        }
        LifecycleEnvelope envelope = new LifecycleEnvelope(trigger, createdAt, in.required("payload", payload));
        return subscribed == RevDeskEventType.NUMBER_PURCHASED
                ? new RevDeskEvent.NumberPurchased(envelope)
                : new RevDeskEvent.NumberReleased(envelope);
    }

    private static PhoneNumber phoneNumber(JsonCursor in) throws IOException {
        Long id = null;
        String phoneNumber = null;
        String areaCode = null;
        OpenEnum<NumberStatus> status = null;
        String organizationId = null;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "id" -> id = in.integer();
                case "phone_number" -> phoneNumber = in.string();
                case "area_code" -> areaCode = in.string();
                case "status" -> status = in.openEnum(NumberStatus.class);
                case "organization_id" -> organizationId = in.string();
                default -> in.skip();
            }
        }
        return new PhoneNumber(id, phoneNumber, areaCode, status, organizationId);
    }

    private static RevDeskEvent disposition(JsonCursor in, RevDeskEventType subscribed) throws IOException {
        String id = null;
        String fromNumber = null;
        String toNumber = null;
        OpenEnum<Direction> direction = null;
        Long durationSeconds = null;
        OpenEnum<CallStatus> status = null;
        OpenEnum<CallFailureCode> failureCode = null;
        OpenEnum<CallFailureCategory> failureCategory = null;
        JsonNode disconnectionReason = null;
        Instant createdAt = null;
        boolean enveloped = false;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "id" -> id = in.string();
                case "from_number" -> fromNumber = in.string();
                case "to_number" -> toNumber = in.string();
                case "direction" -> direction = in.openEnum(Direction.class);
                case "duration_seconds" -> durationSeconds = in.integer();
                case "status" -> status = in.openEnum(CallStatus.class);
                case "failure_code" -> failureCode = in.openEnum(CallFailureCode.class);
                case "failure_category" -> failureCategory = in.openEnum(CallFailureCategory.class);
                case "disconnection_reason" -> disconnectionReason = in.tree();
                case "created_at" -> createdAt = in.instant();
                default -> enveloped |= skipNotingEnvelope(in, field);
            }
        }
        if (enveloped) {
            return null;
        }
        CallDisposition call = new CallDisposition(id, fromNumber, toNumber, direction, durationSeconds, status,
                failureCode, failureCategory, disconnectionReason, createdAt);
        return switch (subscribed) {
            case CALL_NO_ANSWER -> new RevDeskEvent.CallNoAnswer(call);
            case CALL_VOICEMAIL -> new RevDeskEvent.CallVoicemail(call);
            case CALL_BUSY -> new RevDeskEvent.CallBusy(call);
            default -> new RevDeskEvent.CallFailed(call);
        };
    }

    private static RevDeskEvent sms(JsonCursor in, RevDeskEventType subscribed) throws IOException {
        String id = null;
        String phoneNumber = null;
        String fromNumber = null;
        OpenEnum<Direction> direction = null;
        OpenEnum<SmsStatus> status = null;
        String contactToken = null;
        String providerId = null;
        String errorMessage = null;
        OpenEnum<MessageChannel> channel = null;
        Instant createdAt = null;
        boolean enveloped = false;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "id" -> id = in.string();
                case "phone_number" -> phoneNumber = in.string();
                case "from_number" -> fromNumber = in.string();
                case "direction" -> direction = in.openEnum(Direction.class);
                case "status" -> status = in.openEnum(SmsStatus.class);
                case "contact_token" -> contactToken = in.string();
                case "provider_id" -> providerId = in.string();
                case "error_message" -> errorMessage = in.string();
                case "channel" -> channel = in.openEnum(MessageChannel.class);
                case "created_at" -> createdAt = in.instant();
                default -> enveloped |= skipNotingEnvelope(in, field);
            }
        }
        if (enveloped) {
            return null;
        }
        SmsMessage message = new SmsMessage(id, phoneNumber, fromNumber, direction, status, contactToken, providerId,
                errorMessage, channel, createdAt);
        return switch (subscribed) {
            case SMS_SENT -> new RevDeskEvent.SmsSent(message);
            case SMS_DELIVERED -> new RevDeskEvent.SmsDelivered(message);
            default -> new RevDeskEvent.SmsFailed(message);
        };
    }

    /** Skips an unread field; true when it is one of the envelope's (the tree path then decides the shape). */
    private static boolean skipNotingEnvelope(JsonCursor in, String field) throws IOException {
        in.skip();
        return field.equals("triggerEvent") || field.equals("payload");
    }
}
