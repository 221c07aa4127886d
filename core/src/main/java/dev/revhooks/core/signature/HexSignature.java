package dev.revhooks.core.signature;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WebhookVerificationException;
import org.apache.commons.codec.DecoderException;
import org.apache.commons.codec.binary.Hex;

/**
 * Decodes a hex-encoded HMAC-SHA256 signature from a header value.
 *
 * <p>Upper- and lowercase digits are both accepted (the case carries no information, and
 * rejecting one would only break senders that change case); anything that is not exactly 64 hex
 * digits is {@link FailureReason#MALFORMED_SIGNATURE}.
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
        if (hex.length() != 2 * HmacSha256.LENGTH) {
            throw new WebhookVerificationException(FailureReason.MALFORMED_SIGNATURE,
                    "expected " + 2 * HmacSha256.LENGTH + " hex digits, got " + hex.length() + " characters");
        }
        try {
            return Hex.decodeHex(hex);
        } catch (DecoderException e) {
            throw new WebhookVerificationException(FailureReason.MALFORMED_SIGNATURE, "signature is not hex");
        }
    }
}
