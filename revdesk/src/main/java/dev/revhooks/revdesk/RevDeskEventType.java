package dev.revhooks.revdesk;

import dev.revhooks.core.WireValue;

/**
 * The event types a RevDesk webhook subscription is created for ({@code event_type}), with their
 * wire names, plus {@link #UNKNOWN}.
 *
 * <p>A flat RevDesk body does not name its event, so the receiver is told which type the URL was
 * subscribed to: one URL per subscribed event type.
 *
 * <pre>{@code
 * RevDeskWebhooks receiver = RevDeskWebhooks.builder()
 *         .subscribedTo(RevDeskEventType.CALL_BUSY)
 *         .acceptUnauthenticatedUnsignedEvents()
 *         .build();
 * switch (delivery.event().type()) {
 *     case CALL_BUSY -> retryLater(delivery.event());
 *     default -> { }
 * }
 * }</pre>
 */
public enum RevDeskEventType implements WireValue {
    /** A call starts. The document shows neither its body nor whether it is signed. */
    NEW_CALL("new_call"),
    /** A call ends (any outcome). The document shows neither its body nor whether it is signed. */
    CALL_COMPLETED("call_completed"),
    /** A call ended unanswered (rang out). Flat and unsigned. */
    CALL_NO_ANSWER("call_no_answer"),
    /** A call reached voicemail or an answering machine. Flat and unsigned. */
    CALL_VOICEMAIL("call_voicemail"),
    /** The destination was busy. Flat and unsigned. */
    CALL_BUSY("call_busy"),
    /** A call failed (declined, unreachable, carrier rejection). Flat and unsigned. */
    CALL_FAILED("call_failed"),
    /** An inbound SMS was received. The document shows neither its body nor whether it is signed. */
    CONTACT_REPLIED("contact_replied"),
    /** An outbound SMS was accepted by the carrier. Flat and unsigned. */
    SMS_SENT("sms_sent"),
    /** An outbound SMS was delivered to the handset. Flat and unsigned. */
    SMS_DELIVERED("sms_delivered"),
    /** An outbound SMS failed or was undelivered. Flat and unsigned. */
    SMS_FAILED("sms_failed"),
    /** A new contact was created. The document shows neither its body nor whether it is signed. */
    CONTACT_CREATED("contact_created"),
    /** A phone number finished provisioning and went active. Enveloped and HMAC-signed. */
    NUMBER_PURCHASED("number_purchased"),
    /** A phone number was released from the workspace. Enveloped and HMAC-signed. */
    NUMBER_RELEASED("number_released"),
    /**
     * The A2P texting registration (brand or campaign) was approved or rejected by carriers; on
     * campaign approval the body lists {@code texting_enabled_numbers}. The document shows neither
     * the rest of its body nor whether it is signed.
     */
    TEXTING_REGISTRATION_STATUS_CHANGED("texting_registration_status_changed"),
    /** A booking was created. The document shows neither its body nor whether it is signed. */
    NEW_APPOINTMENT("new_appointment"),
    /** A contact finished a workflow. The document shows neither its body nor whether it is signed. */
    WORKFLOW_CONTACT_COMPLETED("workflow_contact_completed"),
    /** An envelope whose {@code triggerEvent} this library does not map to a type; never subscribable. */
    UNKNOWN(null);

    private final String wireName;

    RevDeskEventType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The two types the document delivers enveloped and signed; their signature header is never absent. */
    boolean isNumberLifecycle() {
        return this == NUMBER_PURCHASED || this == NUMBER_RELEASED;
    }
}
