package dev.revhooks.core.signature;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WebhookVerificationException;
import java.util.Objects;

/**
 * Decodes a hex-encoded HMAC-SHA256 signature from a header value.
 *
 * <p>Upper- and lowercase digits are both accepted (the case carries no information, and
 * rejecting one would only break senders that change case); anything that is not exactly 64 ASCII
 * hex digits is {@link FailureReason#MALFORMED_SIGNATURE}, other scripts' digits too.
 *
 * <pre>{@code
 * byte[] signature = HexSignature.decode(value.substring("sha256=".length()));
 * }</pre>
 */
public final class HexSignature {

    private HexSignature() {
    }

    /**
     * Decodes 64 hex digits into the 32 signature bytes.
     *
     * @param hex the digits
     * @return the signature bytes
     * @throws WebhookVerificationException with {@link FailureReason#MALFORMED_SIGNATURE} when not 64 hex digits
     */
    public static byte[] decode(String hex) throws WebhookVerificationException {
        return decode(hex, 0, hex.length());
    }

    /**
     * Decodes the 64 hex digits between {@code from} (inclusive) and {@code to} (exclusive) of a
     * header value, without copying them out first.
     *
     * <pre>{@code
     * byte[] signature = HexSignature.decode(value, "sha256=".length(), value.length());
     * }</pre>
     *
     * @param text the header value
     * @param from the index of the first digit
     * @param to the index after the last digit
     * @return the signature bytes
     * @throws WebhookVerificationException with {@link FailureReason#MALFORMED_SIGNATURE} when the
     *     range is not 64 ASCII hex digits
     * @throws IndexOutOfBoundsException when the range is not within {@code text}
     */
    public static byte[] decode(String text, int from, int to) throws WebhookVerificationException {
        Objects.checkFromToIndex(from, to, text.length());
        int length = to - from;
        if (length != 2 * HmacSha256.LENGTH) {
            throw new WebhookVerificationException(FailureReason.MALFORMED_SIGNATURE,
                    "expected " + 2 * HmacSha256.LENGTH + " hex digits, got " + length + " characters");
        }
        byte[] bytes = new byte[HmacSha256.LENGTH];
        int invalid = 0;
        for (int i = 0; i < bytes.length; i++) {
            char highChar = text.charAt(from + 2 * i);
            char lowChar = text.charAt(from + 2 * i + 1);
            // ASCII only: Character.digit alone also takes other scripts' digits
            int high = highChar < 128 ? Character.digit(highChar, 16) : -1;
            int low = lowChar < 128 ? Character.digit(lowChar, 16) : -1;
            invalid |= high | low;
            bytes[i] = (byte) (high << 4 | low);
        }
        if (invalid < 0) {
            throw new WebhookVerificationException(FailureReason.MALFORMED_SIGNATURE, "signature is not hex");
        }
        return bytes;
    }
}
