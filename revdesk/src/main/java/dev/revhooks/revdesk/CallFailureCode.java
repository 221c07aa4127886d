package dev.revhooks.revdesk;

import dev.revhooks.core.WireValue;

/**
 * Why a call did not connect, as a code ({@code failure_code} in {@link CallDisposition}).
 *
 * <p>The document shows one value, {@code "voicemail_reached"}, and lists no others; any other value is
 * {@link #UNKNOWN} with the string kept by {@link dev.revhooks.core.OpenEnum#wire()}. Matching is
 * exact and case-sensitive.
 *
 * <pre>{@code
 * if (call.failureCode() != null && call.failureCode().is(CallFailureCode.VOICEMAIL_REACHED)) {
 *     handle();
 * }
 * }</pre>
 */
public enum CallFailureCode implements WireValue {
    /** {@code "voicemail_reached"}: voicemail or an answering machine answered. */
    VOICEMAIL_REACHED("voicemail_reached"),
    /** Any value the document does not show. */
    UNKNOWN(null);

    private final String wireName;

    CallFailureCode(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
