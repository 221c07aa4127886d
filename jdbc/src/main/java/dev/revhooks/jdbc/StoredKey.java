package dev.revhooks.jdbc;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.signature.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The text a delivery key is stored as: the key itself when it fits the column (at most 512
 * characters, no control characters, not starting with {@code #}); otherwise {@code #} and the
 * SHA-256 of the key in hex (65 characters). Any key can then be stored, and a hashed key never
 * equals a plain one. Shared by the stores of this module (replay guard, inbox).
 *
 * <pre>{@code
 * String stored = StoredKey.of(delivery.deliveryKey());   // fits VARCHAR(512)
 * }</pre>
 */
public final class StoredKey {

    /** The longest key stored as it is. */
    public static final int MAX_LENGTH = 512;

    private StoredKey() {
    }

    /**
     * The stored text of a key.
     *
     * @param key the delivery key
     * @return the key itself, or {@code #} and its SHA-256 in hex
     */
    public static String of(DeliveryKey key) {
        String value = key.value();
        if (value.length() <= MAX_LENGTH && !value.startsWith("#") && value.chars().noneMatch(Character::isISOControl)) {
            return value;
        }
        return "#" + HexFormat.of().formatHex(Sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
