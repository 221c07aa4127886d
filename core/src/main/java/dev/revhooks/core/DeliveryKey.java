package dev.revhooks.core;

import dev.revhooks.core.signature.Sha256;
import java.util.Objects;
import org.apache.commons.codec.binary.Hex;

/**
 * A stable key for de-duplicating deliveries: a re-sent delivery gets the same key.
 *
 * <p>The default construction is {@code vendor:eventType:sha256(rawBody)}: a vendor's retry
 * re-sends the same body even when its send time (a header) changes, and a different event with
 * the same body stays distinct. For deliveries nobody signed, whoever sends them can choose the
 * body and so the key.
 *
 * <pre>{@code
 * if (seen.add(delivery.deliveryKey().value())) {
 *     process(delivery.event());
 * }
 * }</pre>
 *
 * @param value the key, safe to log and to store
 */
public record DeliveryKey(String value) {

    /**
     * Validates the key.
     *
     * @param value the key
     */
    public DeliveryKey {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The default key: vendor, event type and the SHA-256 of the raw body.
     *
     * @param vendor the vendor's name, e.g. {@code "revont"}
     * @param eventType the event's wire name
     * @param rawBody the verified raw body
     * @return the key
     */
    public static DeliveryKey of(String vendor, String eventType, byte[] rawBody) {
        return new DeliveryKey(vendor + ':' + eventType + ':' + Hex.encodeHexString(Sha256.digest(rawBody)));
    }

    @Override
    public String toString() {
        return value;
    }
}
