package dev.revhooks.revring;

import dev.revhooks.core.WireValue;

/**
 * Which way a call went: the post-call record's {@code direction}.
 *
 * <pre>{@code
 * if (call.direction().is(CallDirection.INBOUND)) {
 *     inbound.increment();
 * }
 * }</pre>
 */
public enum CallDirection implements WireValue {
    /** A caller dialled the agent. */
    INBOUND("INBOUND"),
    /** The agent called out. */
    OUTBOUND("OUTBOUND"),
    /** A value the document does not list; the string as sent is in {@link dev.revhooks.core.OpenEnum#wire()}. */
    UNKNOWN(null);

    private final String wireName;

    CallDirection(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
