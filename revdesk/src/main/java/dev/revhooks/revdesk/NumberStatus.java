package dev.revhooks.revdesk;

import dev.revhooks.core.WireValue;

/**
 * The status of a workspace phone number ({@code status} in {@link PhoneNumber}).
 *
 * <p>The document shows one value, {@code "ACTIVE"}, and lists no others; any other value is
 * {@link #UNKNOWN} with the string kept by {@link dev.revhooks.core.OpenEnum#wire()}. Matching is
 * exact and case-sensitive.
 *
 * <pre>{@code
 * if (number.status() != null && number.status().is(NumberStatus.ACTIVE)) {
 *     handle();
 * }
 * }</pre>
 */
public enum NumberStatus implements WireValue {
    /** {@code "ACTIVE"}: provisioned and usable. */
    ACTIVE("ACTIVE"),
    /** Any value the document does not show. */
    UNKNOWN(null);

    private final String wireName;

    NumberStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
