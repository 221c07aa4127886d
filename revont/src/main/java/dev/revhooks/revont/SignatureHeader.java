package dev.revhooks.revont;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookVerificationException;
import org.apache.commons.codec.binary.Hex;

/**
 * The {@code X-Revont-Signature: sha256=<hex>} header: read by the receiver, written by the signer.
 *
 * <p>The {@code sha256=} prefix must match exactly (lowercase, as the guide's reference code
 * compares the whole header value); the 64 hex digits may be in either case.
 */
final class SignatureHeader {

    static final String NAME = "X-Revont-Signature";
    static final String PREFIX = "sha256=";

    /** The header with the default length limit; a receiver applies its own {@code HeaderLimit}. */
    static final RequiredHeader HEADER = RequiredHeader.of(NAME, FailureReason.MISSING_SIGNATURE);

    private SignatureHeader() {
    }

    /**
     * Reads the one signature header and checks its prefix; its hex digits, from
     * {@code PREFIX.length()} to the end, are left to the verifier, which decodes them in place.
     *
     * @param header the header definition, with the receiver's length limit
     * @param headers the request headers
     * @return the header value, starting with {@link #PREFIX}
     * @throws WebhookVerificationException MISSING_SIGNATURE when absent; MALFORMED_SIGNATURE when
     *     duplicated or without the exact prefix; HEADER_TOO_LARGE
     */
    static String value(RequiredHeader header, WebhookHeaders headers) throws WebhookVerificationException {
        String value = header.read(headers);
        if (!value.startsWith(PREFIX)) {
            throw new WebhookVerificationException(FailureReason.MALFORMED_SIGNATURE,
                    NAME + " header does not start with " + PREFIX);
        }
        return value;
    }

    /**
     * The header value for a signature.
     *
     * @param signature the 32 MAC bytes
     * @return {@code sha256=} and 64 lowercase hex digits
     */
    static String format(byte[] signature) {
        return PREFIX + Hex.encodeHexString(signature);
    }
}
