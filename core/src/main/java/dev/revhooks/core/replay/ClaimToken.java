package dev.revhooks.core.replay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Proof of owning one claim of a {@link ReplayGuard}: a random value the guard hands out with
 * {@link ReplayGuard.Claim#NEW} and stores beside the key. Only the holder of the token that is
 * stored can {@link ReplayGuard#complete complete} or {@link ReplayGuard#release release} the
 * claim, so a request whose lease expired and was taken over by another request (or another
 * instance) cannot touch the new owner's claim.
 *
 * <p>128 random bits, written as 22 characters of base64url. Compared in constant time;
 * {@code toString()} does not show it.
 *
 * <pre>{@code
 * ClaimToken token = ClaimToken.random();
 * ClaimToken same = ClaimToken.of(token.value()); // as read back from a store
 * }</pre>
 *
 * @param value the token's text, 16 to 64 characters of {@code [A-Za-z0-9_-]}
 */
public record ClaimToken(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /**
     * Checks the shape.
     *
     * @throws IllegalArgumentException if the value is null or not 16 to 64 characters of base64url
     */
    public ClaimToken {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("claim token must be 16 to 64 characters of [A-Za-z0-9_-]");
        }
    }

    /**
     * A fresh token of 128 random bits.
     *
     * @return the token
     */
    public static ClaimToken random() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return new ClaimToken(ENCODER.encodeToString(bits));
    }

    /**
     * A token read back from a store.
     *
     * @param value the stored text
     * @return the token
     * @throws IllegalArgumentException if the value does not have a token's shape
     */
    public static ClaimToken of(String value) {
        return new ClaimToken(value);
    }

    /**
     * Whether both are the same token, compared in constant time.
     *
     * @param other another token
     * @return true for the same value
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ClaimToken token && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), token.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ClaimToken[redacted]";
    }
}
