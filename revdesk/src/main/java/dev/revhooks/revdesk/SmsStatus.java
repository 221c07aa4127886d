package dev.revhooks.revdesk;

import dev.revhooks.core.WireValue;

/**
 * The status of an outbound SMS ({@code status} in {@link SmsMessage}).
 *
 * <p>The document shows one value, {@code "delivered"}, and lists no others; any other value is
 * {@link #UNKNOWN} with the string kept by {@link dev.revhooks.core.OpenEnum#wire()}. Matching is
 * exact and case-sensitive.
 *
 * <pre>{@code
 * if (message.status() != null && message.status().is(SmsStatus.DELIVERED)) {
 *     handle();
 * }
 * }</pre>
 */
public enum SmsStatus implements WireValue {
    /** {@code "delivered"}: delivered to the handset. */
    DELIVERED("delivered"),
    /** Any value the document does not show. */
    UNKNOWN(null);

    private final String wireName;

    SmsStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
