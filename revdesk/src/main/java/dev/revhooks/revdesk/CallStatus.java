package dev.revhooks.revdesk;

import dev.revhooks.core.WireValue;

/**
 * The status of a call in a disposition event ({@code status} in {@link CallDisposition}).
 *
 * <p>The document shows one value, {@code "VOICEMAIL"}, and lists no others; any other value is
 * {@link #UNKNOWN} with the string kept by {@link dev.revhooks.core.OpenEnum#wire()}. Matching is
 * exact and case-sensitive.
 *
 * <pre>{@code
 * if (call.status() != null && call.status().is(CallStatus.VOICEMAIL)) {
 *     handle();
 * }
 * }</pre>
 */
public enum CallStatus implements WireValue {
    /** {@code "VOICEMAIL"}: the call reached voicemail or an answering machine. */
    VOICEMAIL("VOICEMAIL"),
    /** Any value the document does not show. */
    UNKNOWN(null);

    private final String wireName;

    CallStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
