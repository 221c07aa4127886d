package dev.revhooks.revrag;

import dev.revhooks.core.WireValue;

/**
 * The documented values of a call's {@code call_status}, plus {@link #UNKNOWN} for any value the
 * document does not list (kept as sent in the {@link dev.revhooks.core.OpenEnum}).
 *
 * <pre>{@code
 * if (call.callStatus().is(CallState.ENDED)) {
 *     archive(call);
 * }
 * }</pre>
 */
public enum CallState implements WireValue {
    /** {@code ENDED}: the call has finished. */
    ENDED("ENDED"),
    /** Any other value; read it with {@link dev.revhooks.core.OpenEnum#wire()}. */
    UNKNOWN(null);

    private final String wireName;

    CallState(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
