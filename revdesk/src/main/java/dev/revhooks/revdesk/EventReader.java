package dev.revhooks.revdesk;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.json.WebhookJson;
import java.util.List;

/**
 * Turns an authenticated body into a {@link RevDeskEvent} for the subscribed type. Runs only after
 * authentication; the body is read once into a tree, then into the records.
 */
final class EventReader {

    private static final String TRIGGER_EVENT = "triggerEvent";
    private static final String PAYLOAD = "payload";

    private final WebhookJson json;

    EventReader(WebhookJson json) {
        this.json = json;
    }

    /**
     * Reads the event.
     *
     * @throws WebhookVerificationException with {@link FailureReason#EVENT_TYPE_MISMATCH} when an
     *     envelope's mapped {@code triggerEvent} is not the subscribed type
     * @throws WebhookPayloadException when the body does not have the subscribed type's shape
     */
    RevDeskEvent read(RevDeskEventType subscribed, byte[] body)
            throws WebhookVerificationException, WebhookPayloadException {
        RevDeskEvent streamed = StreamedBody.read(json, subscribed, body);
        return streamed != null ? streamed : readTree(subscribed, body);
    }

    /** The tree path: decides the shape, maps {@code triggerEvent}, and reports every error exactly. */
    RevDeskEvent readTree(RevDeskEventType subscribed, byte[] body)
            throws WebhookVerificationException, WebhookPayloadException {
        ObjectNode root = json.readObject(body);
        if (subscribed.isNumberLifecycle() || (root.has(TRIGGER_EVENT) && root.has(PAYLOAD))) {
            return readEnvelope(subscribed, root, body);
        }
        return readFlat(subscribed, root, body);
    }

    private RevDeskEvent readEnvelope(RevDeskEventType subscribed, ObjectNode root, byte[] body)
            throws WebhookVerificationException, WebhookPayloadException {
        JsonNode trigger = root.get(TRIGGER_EVENT);
        if (trigger == null || !trigger.isTextual()) {
            throw new WebhookPayloadException(subscribed.wireName() + " is delivered enveloped: "
                    + TRIGGER_EVENT + (trigger == null ? " is missing" : " is not a string"), body, null);
        }
        OpenEnum<RevDeskTriggerEvent> triggerEvent = OpenEnum.of(RevDeskTriggerEvent.class, trigger.textValue());
        RevDeskEventType announced = triggerEvent.value().eventType();
        if (announced == RevDeskEventType.UNKNOWN) {
            return new RevDeskEvent.Unknown(subscribed, triggerEvent.wire(), root);
        }
        if (announced != subscribed) {
            throw new WebhookVerificationException(FailureReason.EVENT_TYPE_MISMATCH,
                    "triggerEvent " + triggerEvent.wire() + " is " + announced.wireName()
                            + ", this endpoint receives " + subscribed.wireName());
        }
        LifecycleEnvelope envelope = json.convert(root, LifecycleEnvelope.class, body);
        return announced == RevDeskEventType.NUMBER_PURCHASED
                ? new RevDeskEvent.NumberPurchased(envelope)
                : new RevDeskEvent.NumberReleased(envelope);
    }

    private RevDeskEvent readFlat(RevDeskEventType subscribed, ObjectNode root, byte[] body) throws WebhookPayloadException {
        return switch (subscribed) {
            case NEW_CALL -> new RevDeskEvent.NewCall(root);
            case CALL_COMPLETED -> new RevDeskEvent.CallCompleted(root);
            case CALL_NO_ANSWER -> new RevDeskEvent.CallNoAnswer(call(root, body));
            case CALL_VOICEMAIL -> new RevDeskEvent.CallVoicemail(call(root, body));
            case CALL_BUSY -> new RevDeskEvent.CallBusy(call(root, body));
            case CALL_FAILED -> new RevDeskEvent.CallFailed(call(root, body));
            case CONTACT_REPLIED -> new RevDeskEvent.ContactReplied(root);
            case SMS_SENT -> new RevDeskEvent.SmsSent(message(root, body));
            case SMS_DELIVERED -> new RevDeskEvent.SmsDelivered(message(root, body));
            case SMS_FAILED -> new RevDeskEvent.SmsFailed(message(root, body));
            case CONTACT_CREATED -> new RevDeskEvent.ContactCreated(root);
            case TEXTING_REGISTRATION_STATUS_CHANGED -> new RevDeskEvent.TextingRegistrationStatusChanged(
                    json.convert(root, TextingNumbers.class, body).numbers(), root);
            case NEW_APPOINTMENT -> new RevDeskEvent.NewAppointment(root);
            case WORKFLOW_CONTACT_COMPLETED -> new RevDeskEvent.WorkflowContactCompleted(root);
            // Number-lifecycle types are always read as envelopes; UNKNOWN is never subscribed.
            case NUMBER_PURCHASED, NUMBER_RELEASED, UNKNOWN -> throw new IllegalStateException("no flat shape for " + subscribed);
        };
    }

    private CallDisposition call(ObjectNode root, byte[] body) throws WebhookPayloadException {
        return json.convert(root, CallDisposition.class, body);
    }

    private SmsMessage message(ObjectNode root, byte[] body) throws WebhookPayloadException {
        return json.convert(root, SmsMessage.class, body);
    }

    /** The one field the document names for texting_registration_status_changed. */
    record TextingNumbers(@JsonProperty("texting_enabled_numbers") List<String> numbers) {
        TextingNumbers {
            // A null element fails here, inside Jackson, and so becomes a payload error.
            numbers = numbers == null ? List.of() : List.copyOf(numbers);
        }
    }
}
