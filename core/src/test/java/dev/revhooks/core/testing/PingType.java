package dev.revhooks.core.testing;

import dev.revhooks.core.WireValue;

/**
 * A two-constant event-type enum for core's own tests, shaped like a vendor's: one documented
 * value and {@code UNKNOWN}.
 *
 * <pre>{@code
 * observation.accepted(PingType.PING, 0);
 * }</pre>
 */
public enum PingType implements WireValue {
    /** The one documented type, {@code "ping"}. */
    PING("ping"),
    /** Any other type. */
    UNKNOWN(null);

    private final String wireName;

    PingType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
