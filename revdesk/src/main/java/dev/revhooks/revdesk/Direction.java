package dev.revhooks.revdesk;

import dev.revhooks.core.WireValue;

/**
 * The direction of a call or SMS ({@code direction} in {@link CallDisposition} and {@link SmsMessage}).
 *
 * <p>The document shows one value, {@code "outbound"}, and lists no others; any other value is
 * {@link #UNKNOWN} with the string kept by {@link dev.revhooks.core.OpenEnum#wire()}. Matching is
 * exact and case-sensitive.
 *
 * <pre>{@code
 * if (call.direction() != null && call.direction().is(Direction.OUTBOUND)) {
 *     handle();
 * }
 * }</pre>
 */
public enum Direction implements WireValue {
    /** {@code "outbound"}: placed or sent by the workspace. */
    OUTBOUND("outbound"),
    /** Any value the document does not show. */
    UNKNOWN(null);

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
