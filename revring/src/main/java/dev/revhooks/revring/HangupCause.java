package dev.revhooks.revring;

import dev.revhooks.core.WireValue;

/**
 * Why a call ended: the post-call record's {@code hangupCause}. The document lists these as
 * "common values", so the set is open: any other value arrives as {@link #UNKNOWN} with the
 * string kept.
 *
 * <pre>{@code
 * OpenEnum<HangupCause> cause = call.hangupCause(); // may be null
 * if (cause != null && cause.is(HangupCause.VOICEMAIL_DETECTED)) {
 *     scheduleRetry(call.toNumber());
 * }
 * }</pre>
 */
public enum HangupCause implements WireValue {
    /** The other party hung up. */
    USER_ENDED("USER_ENDED"),
    /** The agent ended the call with its end-call tool. */
    END_CALL_TOOL("END_CALL_TOOL"),
    /** Nobody spoke for too long. */
    SILENCE_TIMEOUT("SILENCE_TIMEOUT"),
    /** The call reached its maximum duration. */
    MAX_DURATION("MAX_DURATION"),
    /** A voicemail answered. */
    VOICEMAIL_DETECTED("VOICEMAIL_DETECTED"),
    /** Any other cause; the string as sent is in {@link dev.revhooks.core.OpenEnum#wire()}. */
    UNKNOWN(null);

    private final String wireName;

    HangupCause(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
