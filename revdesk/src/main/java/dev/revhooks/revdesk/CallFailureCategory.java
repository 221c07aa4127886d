package dev.revhooks.revdesk;

import dev.revhooks.core.WireValue;

/**
 * The category of a call's failure ({@code failure_category} in {@link CallDisposition}).
 *
 * <p>The document shows one value, {@code "voicemail"}, and lists no others; any other value is
 * {@link #UNKNOWN} with the string kept by {@link dev.revhooks.core.OpenEnum#wire()}. Matching is
 * exact and case-sensitive.
 *
 * <pre>{@code
 * if (call.failureCategory() != null && call.failureCategory().is(CallFailureCategory.VOICEMAIL)) {
 *     handle();
 * }
 * }</pre>
 */
public enum CallFailureCategory implements WireValue {
    /** {@code "voicemail"}: the call ended at voicemail. */
    VOICEMAIL("voicemail"),
    /** Any value the document does not show. */
    UNKNOWN(null);

    private final String wireName;

    CallFailureCategory(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
