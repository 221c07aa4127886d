package dev.revhooks.revdesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A RevDesk event: one case per subscribable {@link RevDeskEventType}, plus {@link Unknown} for an
 * envelope whose {@code triggerEvent} the library does not map.
 *
 * <p>Java 17 code switches over {@link #type()}; Java 21 code can switch over the sealed type.
 * Sub-interfaces group the cases that share a payload: {@link CallDispositionEvent},
 * {@link SmsEvent} and {@link NumberLifecycleEvent}; the cases whose body the document does not
 * show, and {@link Unknown}, are {@link RawBodyEvent}s that keep the body as raw JSON.
 *
 * <pre>{@code
 * RevDeskEvent event = delivery.event();
 * if (event instanceof RevDeskEvent.CallDispositionEvent disposition) {
 *     retries.schedule(disposition.type(), disposition.call().toNumber());
 * } else if (event instanceof RevDeskEvent.NumberPurchased purchased) {
 *     inventory.add(purchased.envelope().payload());
 * } else if (event instanceof RevDeskEvent.Unknown unknown) {
 *     log.info("unmapped triggerEvent {}", unknown.triggerEvent());
 * }
 * }</pre>
 */
public sealed interface RevDeskEvent {

    /**
     * The event's type: the subscribed type, or {@link RevDeskEventType#UNKNOWN} for {@link Unknown}.
     *
     * @return the type
     */
    RevDeskEventType type();

    /**
     * A call-disposition event: {@link CallNoAnswer}, {@link CallVoicemail}, {@link CallBusy} or
     * {@link CallFailed}. Delivered flat and unsigned.
     *
     * <pre>{@code
     * if (event instanceof RevDeskEvent.CallDispositionEvent disposition) {
     *     smsFallback.send(disposition.call().toNumber());
     * }
     * }</pre>
     */
    sealed interface CallDispositionEvent extends RevDeskEvent permits CallNoAnswer, CallVoicemail, CallBusy, CallFailed {

        /**
         * The call, which is the whole body.
         *
         * @return the call
         */
        CallDisposition call();
    }

    /**
     * An outbound SMS event: {@link SmsSent}, {@link SmsDelivered} or {@link SmsFailed}. Delivered
     * flat and unsigned.
     *
     * <pre>{@code
     * if (event instanceof RevDeskEvent.SmsEvent sms) {
     *     outbox.update(sms.message().id(), sms.type());
     * }
     * }</pre>
     */
    sealed interface SmsEvent extends RevDeskEvent permits SmsSent, SmsDelivered, SmsFailed {

        /**
         * The message, which is the whole body.
         *
         * @return the message
         */
        SmsMessage message();
    }

    /**
     * A number-lifecycle event: {@link NumberPurchased} or {@link NumberReleased}. Delivered
     * enveloped and HMAC-signed.
     *
     * <pre>{@code
     * if (event instanceof RevDeskEvent.NumberLifecycleEvent lifecycle) {
     *     inventory.refresh(lifecycle.envelope().payload().id());
     * }
     * }</pre>
     */
    sealed interface NumberLifecycleEvent extends RevDeskEvent permits NumberPurchased, NumberReleased {

        /**
         * The envelope, which is the whole body.
         *
         * @return the envelope
         */
        LifecycleEnvelope envelope();
    }

    /**
     * An event whose body the document does not show, or {@link Unknown}: the body is kept as raw
     * JSON. These types are {@code new_call}, {@code call_completed}, {@code contact_replied},
     * {@code contact_created}, {@code texting_registration_status_changed}, {@code new_appointment}
     * and {@code workflow_contact_completed}.
     *
     * <pre>{@code
     * if (event instanceof RevDeskEvent.RawBodyEvent raw) {
     *     archive.store(event.type(), raw.body().toString());
     * }
     * }</pre>
     */
    sealed interface RawBodyEvent extends RevDeskEvent permits NewCall, CallCompleted, ContactReplied, ContactCreated,
            TextingRegistrationStatusChanged, NewAppointment, WorkflowContactCompleted, Unknown {

        /**
         * The whole body as a JSON object.
         *
         * @return the body
         */
        JsonNode body();
    }

    /**
     * {@code new_call}: a call starts. The document does not show the body.
     *
     * @param body the body as raw JSON
     */
    record NewCall(JsonNode body) implements RawBodyEvent {
        /**
         * Validates the event.
         *
         * @param body the body as raw JSON
         */
        public NewCall {
            Objects.requireNonNull(body, "body");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.NEW_CALL;
        }
    }

    /**
     * {@code call_completed}: a call ends, whatever the outcome. The document does not show the body.
     *
     * @param body the body as raw JSON
     */
    record CallCompleted(JsonNode body) implements RawBodyEvent {
        /**
         * Validates the event.
         *
         * @param body the body as raw JSON
         */
        public CallCompleted {
            Objects.requireNonNull(body, "body");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.CALL_COMPLETED;
        }
    }

    /**
     * {@code call_no_answer}: a call ended unanswered.
     *
     * @param call the call
     */
    record CallNoAnswer(CallDisposition call) implements CallDispositionEvent {
        /**
         * Validates the event.
         *
         * @param call the call
         */
        public CallNoAnswer {
            Objects.requireNonNull(call, "call");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.CALL_NO_ANSWER;
        }
    }

    /**
     * {@code call_voicemail}: a call reached voicemail or an answering machine.
     *
     * @param call the call
     */
    record CallVoicemail(CallDisposition call) implements CallDispositionEvent {
        /**
         * Validates the event.
         *
         * @param call the call
         */
        public CallVoicemail {
            Objects.requireNonNull(call, "call");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.CALL_VOICEMAIL;
        }
    }

    /**
     * {@code call_busy}: the destination was busy.
     *
     * @param call the call
     */
    record CallBusy(CallDisposition call) implements CallDispositionEvent {
        /**
         * Validates the event.
         *
         * @param call the call
         */
        public CallBusy {
            Objects.requireNonNull(call, "call");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.CALL_BUSY;
        }
    }

    /**
     * {@code call_failed}: a call failed (declined, unreachable, carrier rejection).
     *
     * @param call the call
     */
    record CallFailed(CallDisposition call) implements CallDispositionEvent {
        /**
         * Validates the event.
         *
         * @param call the call
         */
        public CallFailed {
            Objects.requireNonNull(call, "call");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.CALL_FAILED;
        }
    }

    /**
     * {@code contact_replied}: an inbound SMS was received. The document does not show the body.
     *
     * @param body the body as raw JSON
     */
    record ContactReplied(JsonNode body) implements RawBodyEvent {
        /**
         * Validates the event.
         *
         * @param body the body as raw JSON
         */
        public ContactReplied {
            Objects.requireNonNull(body, "body");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.CONTACT_REPLIED;
        }
    }

    /**
     * {@code sms_sent}: an outbound SMS was accepted by the carrier.
     *
     * @param message the message
     */
    record SmsSent(SmsMessage message) implements SmsEvent {
        /**
         * Validates the event.
         *
         * @param message the message
         */
        public SmsSent {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.SMS_SENT;
        }
    }

    /**
     * {@code sms_delivered}: an outbound SMS was delivered to the handset.
     *
     * @param message the message
     */
    record SmsDelivered(SmsMessage message) implements SmsEvent {
        /**
         * Validates the event.
         *
         * @param message the message
         */
        public SmsDelivered {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.SMS_DELIVERED;
        }
    }

    /**
     * {@code sms_failed}: an outbound SMS failed or was undelivered.
     *
     * @param message the message
     */
    record SmsFailed(SmsMessage message) implements SmsEvent {
        /**
         * Validates the event.
         *
         * @param message the message
         */
        public SmsFailed {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.SMS_FAILED;
        }
    }

    /**
     * {@code contact_created}: a new contact was created. The document does not show the body.
     *
     * @param body the body as raw JSON
     */
    record ContactCreated(JsonNode body) implements RawBodyEvent {
        /**
         * Validates the event.
         *
         * @param body the body as raw JSON
         */
        public ContactCreated {
            Objects.requireNonNull(body, "body");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.CONTACT_CREATED;
        }
    }

    /**
     * {@code number_purchased}: a phone number finished provisioning and went active.
     *
     * @param envelope the signed envelope
     */
    record NumberPurchased(LifecycleEnvelope envelope) implements NumberLifecycleEvent {
        /**
         * Validates the event.
         *
         * @param envelope the signed envelope
         */
        public NumberPurchased {
            Objects.requireNonNull(envelope, "envelope");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.NUMBER_PURCHASED;
        }
    }

    /**
     * {@code number_released}: a phone number was released from the workspace.
     *
     * @param envelope the signed envelope
     */
    record NumberReleased(LifecycleEnvelope envelope) implements NumberLifecycleEvent {
        /**
         * Validates the event.
         *
         * @param envelope the signed envelope
         */
        public NumberReleased {
            Objects.requireNonNull(envelope, "envelope");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.NUMBER_RELEASED;
        }
    }

    /**
     * {@code texting_registration_status_changed}: the A2P texting registration (brand or campaign)
     * was approved or rejected by carriers. The document names one field,
     * {@code texting_enabled_numbers} (sent on campaign approval); the rest of the body is kept raw.
     *
     * @param textingEnabledNumbers the numbers enabled for texting; empty when the field is absent
     *     or {@code null}
     * @param body the body as raw JSON
     */
    record TextingRegistrationStatusChanged(List<String> textingEnabledNumbers, JsonNode body) implements RawBodyEvent {
        /**
         * Validates the event; the list is copied and immutable.
         *
         * @param textingEnabledNumbers the numbers enabled for texting, or null for none
         * @param body the body as raw JSON
         */
        public TextingRegistrationStatusChanged {
            textingEnabledNumbers = textingEnabledNumbers == null ? List.of() : List.copyOf(textingEnabledNumbers);
            Objects.requireNonNull(body, "body");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.TEXTING_REGISTRATION_STATUS_CHANGED;
        }
    }

    /**
     * {@code new_appointment}: a booking was created. The document does not show the body.
     *
     * @param body the body as raw JSON
     */
    record NewAppointment(JsonNode body) implements RawBodyEvent {
        /**
         * Validates the event.
         *
         * @param body the body as raw JSON
         */
        public NewAppointment {
            Objects.requireNonNull(body, "body");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.NEW_APPOINTMENT;
        }
    }

    /**
     * {@code workflow_contact_completed}: a contact finished a workflow. The document does not show
     * the body.
     *
     * @param body the body as raw JSON
     */
    record WorkflowContactCompleted(JsonNode body) implements RawBodyEvent {
        /**
         * Validates the event.
         *
         * @param body the body as raw JSON
         */
        public WorkflowContactCompleted {
            Objects.requireNonNull(body, "body");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.WORKFLOW_CONTACT_COMPLETED;
        }
    }

    /**
     * An envelope whose {@code triggerEvent} is none of the names the document gives
     * ({@code number.purchased}, {@code number.released}): kept whole, never dropped.
     *
     * @param subscribedType the event type the receiving URL is subscribed to
     * @param triggerEvent the {@code triggerEvent} as sent
     * @param body the whole body as raw JSON
     */
    record Unknown(RevDeskEventType subscribedType, String triggerEvent, JsonNode body) implements RawBodyEvent {
        /**
         * Validates the event.
         *
         * @param subscribedType the subscribed event type
         * @param triggerEvent the {@code triggerEvent} as sent
         * @param body the whole body as raw JSON
         */
        public Unknown {
            Objects.requireNonNull(subscribedType, "subscribedType");
            Objects.requireNonNull(triggerEvent, "triggerEvent");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public RevDeskEventType type() {
            return RevDeskEventType.UNKNOWN;
        }
    }
}
