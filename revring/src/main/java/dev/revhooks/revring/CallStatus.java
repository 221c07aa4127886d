package dev.revhooks.revring;

import dev.revhooks.core.WireValue;

/**
 * How a call ended: the post-call record's {@code status}.
 *
 * <pre>{@code
 * switch (call.status().value()) {
 *     case FAILED -> alert(call.errorMessage());
 *     case UNKNOWN -> log.info("new RevRing status {}", call.status().wire());
 *     default -> { }
 * }
 * }</pre>
 */
public enum CallStatus implements WireValue {
    /** The call ended normally. */
    COMPLETED("COMPLETED"),
    /** The call was transferred. */
    TRANSFERRED("TRANSFERRED"),
    /** The call failed; see {@link CallRecord#errorMessage()}. */
    FAILED("FAILED"),
    /** The call was canceled. */
    CANCELED("CANCELED"),
    /** A value the document does not list; the string as sent is in {@link dev.revhooks.core.OpenEnum#wire()}. */
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
