package dev.revhooks.revont;

import dev.revhooks.core.WireValue;

/**
 * The event types Revont documents, by their wire names, plus {@link #UNKNOWN} for any event name
 * Revont adds later. Names match exactly and case-sensitively.
 *
 * <pre>{@code
 * switch (event.type()) {
 *     case SUMMARY_READY -> crm.attach((RevontEvent.SummaryReady) event);
 *     case UNKNOWN -> log.info("new Revont event {}", event.event());
 *     default -> { }
 * }
 * }</pre>
 */
public enum RevontEventType implements WireValue {
    /** {@code call.started}: a call has begun and Revont has joined it. */
    CALL_STARTED("call.started"),
    /** {@code call.ended}: a call has ended. */
    CALL_ENDED("call.ended"),
    /** {@code summary.ready}: the AI-generated summary is available (typically 2 minutes after {@code call.ended}). */
    SUMMARY_READY("summary.ready"),
    /** {@code action_item.created}: a new action item was extracted from a call. */
    ACTION_ITEM_CREATED("action_item.created"),
    /** {@code action_item.completed}: an action item was marked as complete. */
    ACTION_ITEM_COMPLETED("action_item.completed"),
    /** Any event name the guide does not list; the name as sent is kept by {@link RevontEvent.Unknown}. */
    UNKNOWN(null);

    private final String wireName;

    RevontEventType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The event name exactly as Revont sends it in the envelope's {@code event} field.
     *
     * @return the wire name, or null for {@link #UNKNOWN}
     */
    @Override
    public String wireName() {
        return wireName;
    }
}
