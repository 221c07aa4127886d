package dev.revhooks.cli;

import java.time.Clock;
import java.util.Objects;

/**
 * How a vendor's receiver is configured for one check, besides the secret.
 *
 * <pre>{@code
 * Settings settings = new Settings(Clock.fixed(arrivedAt, ZoneOffset.UTC), null, true);
 * VendorReceiver<?> receiver = Vendor.REVRAG.receiver(secret, settings);
 * }</pre>
 *
 * @param clock the clock a signed send time is checked against (RevRag)
 * @param eventType the {@code --event-type} value (RevDesk's subscribed type, RevRing's webhook), or null
 * @param timestampCheck whether the send-time window is checked; off only for the diagnosis's trials,
 *     which ask about the signature alone
 */
record Settings(Clock clock, String eventType, boolean timestampCheck) {

    /**
     * Validates the settings.
     *
     * @param clock the clock
     * @param eventType the event type, or null
     * @param timestampCheck whether the window is checked
     */
    Settings {
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * The same settings without the send-time window, so that only the signature decides.
     *
     * @return the settings for a trial
     */
    Settings withoutTimestampCheck() {
        return new Settings(clock, eventType, false);
    }
}
