package dev.revhooks.revdesk;

import dev.revhooks.core.WireValue;

/**
 * RevDesk's internal event names, sent as {@code triggerEvent} in enveloped deliveries, and the
 * subscribable {@link RevDeskEventType} each one stands for.
 *
 * <pre>{@code
 * OpenEnum<RevDeskTriggerEvent> trigger = purchased.envelope().triggerEvent();
 * RevDeskEventType type = trigger.value().eventType(); // NUMBER_PURCHASED
 * }</pre>
 */
public enum RevDeskTriggerEvent implements WireValue {
    /** {@code number.purchased}: delivered to {@link RevDeskEventType#NUMBER_PURCHASED} subscriptions. */
    NUMBER_PURCHASED("number.purchased", RevDeskEventType.NUMBER_PURCHASED),
    /** {@code number.released}: delivered to {@link RevDeskEventType#NUMBER_RELEASED} subscriptions. */
    NUMBER_RELEASED("number.released", RevDeskEventType.NUMBER_RELEASED),
    /** Any other name; such deliveries become {@link RevDeskEvent.Unknown}. */
    UNKNOWN(null, RevDeskEventType.UNKNOWN);

    private final String wireName;
    private final RevDeskEventType eventType;

    RevDeskTriggerEvent(String wireName, RevDeskEventType eventType) {
        this.wireName = wireName;
        this.eventType = eventType;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * The subscribable event type this internal name is delivered for.
     *
     * @return the event type; {@link RevDeskEventType#UNKNOWN} for {@link #UNKNOWN}
     */
    public RevDeskEventType eventType() {
        return eventType;
    }
}
