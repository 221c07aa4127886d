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
        byte[] bytes = new byte[HmacSha256.LENGTH];
        decode(text, from, to, bytes);
        return bytes;
    }

    /**
     * Checks that {@code text[from, to)} is 64 ASCII hex digits, exactly as
     * {@link #decode(String, int, int)} does, without decoding them anywhere: for a parser that
     * checks a header's signatures first and lets {@link HmacSha256Verifier} decode them later.
     *
     * <pre>{@code
     * HexSignature.check(value, "sha256=".length(), value.length());
     * }</pre>
     *
     * @param text the header value
     * @param from the index of the first digit
     * @param to the index after the last digit
     * @throws WebhookVerificationException with {@link FailureReason#MALFORMED_SIGNATURE} when the
     *     range is not 64 ASCII hex digits
     * @throws IndexOutOfBoundsException when the range is not within {@code text}
     */
    public static void check(String text, int from, int to) throws WebhookVerificationException {
        decode(text, from, to, null);
    }

    /**
     * Decodes (or, when {@code out} is null, only checks) 64 hex digits into {@code out[0, 32)}.
     * Every byte of {@code out} is written when the digits are valid; when they are not, the
     * exception is thrown after the whole range was read, whatever the position of the bad digit.
     */
    static void decode(String text, int from, int to, byte[] out) throws WebhookVerificationException {
        Objects.checkFromToIndex(from, to, text.length());
        int length = to - from;
        if (length != 2 * HmacSha256.LENGTH) {
            throw new WebhookVerificationException(FailureReason.MALFORMED_SIGNATURE,
                    "expected " + 2 * HmacSha256.LENGTH + " hex digits, got " + length + " characters");
        }
        int invalid = 0;
        for (int i = 0; i < HmacSha256.LENGTH; i++) {
            char highChar = text.charAt(from + 2 * i);
            char lowChar = text.charAt(from + 2 * i + 1);
            // ASCII only: Character.digit alone also takes other scripts' digits
            int high = highChar < 128 ? Character.digit(highChar, 16) : -1;
            int low = lowChar < 128 ? Character.digit(lowChar, 16) : -1;
            invalid |= high | low;
            if (out != null) {
                out[i] = (byte) (high << 4 | low);
            }
        }
        if (invalid < 0) {
            throw new WebhookVerificationException(FailureReason.MALFORMED_SIGNATURE, "signature is not hex");
        }
    }
}
