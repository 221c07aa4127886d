package dev.revhooks.revrag;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.HttpWhiteSpace;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.signature.HexSignature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RevRag's signature header {@code X-Webhook-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]},
 * cross-checked with {@code X-Webhook-Timestamp}; reads and writes the format.
 *
 * <p>Reading, in this order (the first failed check decides the reason):
 * <ol>
 *   <li>{@code X-Webhook-Signature} exactly once, at most 8 KiB: absent is
 *       {@link FailureReason#MISSING_SIGNATURE}, repeated {@link FailureReason#MALFORMED_SIGNATURE},
 *       too long {@link FailureReason#HEADER_TOO_LARGE}; white space other than spaces and tabs, a
 *       control or a format character anywhere in it {@link FailureReason#MALFORMED_SIGNATURE}
 *       ({@link RequiredHeader}).</li>
 *   <li>Entries separated by commas, each with optional spaces or tabs around it, each
 *       {@code name=value} with a case-sensitive name: an entry without {@code '='} (an empty one
 *       too), a second {@code t}, or a {@code v1} that is not 64 hex digits is
 *       {@link FailureReason#MALFORMED_SIGNATURE}. Other names ({@code v0}, {@code v2}, …) are
 *       ignored.</li>
 *   <li>No {@code t}: {@link FailureReason#MISSING_TIMESTAMP}. A {@code t} that is not ASCII digits:
 *       {@link FailureReason#MALFORMED_SIGNATURE}.</li>
 *   <li>No {@code v1}: {@link FailureReason#MISSING_SIGNATURE}.</li>
 *   <li>{@code X-Webhook-Timestamp}, when sent, exactly once, at most 8 KiB and character for
 *       character equal to {@code t} once spaces and tabs around it are removed; otherwise
 *       {@link FailureReason#MALFORMED_SIGNATURE}. When it is
 *       absent, {@code t} alone is used: {@code t} is what the HMAC covers.</li>
 * </ol>
 */
final class SignatureHeader {

    static final String SIGNATURE_HEADER = "X-Webhook-Signature";
    static final String TIMESTAMP_HEADER = "X-Webhook-Timestamp";

    /** The headers with the default length limit; a receiver applies its own {@code HeaderLimit}. */
    static final RequiredHeader SIGNATURE = RequiredHeader.of(SIGNATURE_HEADER, FailureReason.MISSING_SIGNATURE);
    static final RequiredHeader TIMESTAMP = RequiredHeader.of(TIMESTAMP_HEADER, FailureReason.MISSING_TIMESTAMP);
    private static final String TIMESTAMP_ENTRY = "t";
    private static final String SIGNATURE_ENTRY = "v1";

    private final String timestamp;
    private final List<byte[]> signatures;

    private SignatureHeader(String timestamp, List<byte[]> signatures) {
        this.timestamp = timestamp;
        this.signatures = signatures;
    }

    /**
     * Reads and checks the signature header and the timestamp header.
     *
     * @param headers the request headers
     * @param signatureHeader {@link #SIGNATURE} with the receiver's length limit
     * @param timestampHeader {@link #TIMESTAMP} with the receiver's length limit
     * @return the signed timestamp and the candidate signatures
     * @throws WebhookVerificationException as listed on the class
     */
    static SignatureHeader read(WebhookHeaders headers, RequiredHeader signatureHeader, RequiredHeader timestampHeader)
            throws WebhookVerificationException {
        String value = signatureHeader.read(headers);
        String timestamp = null;
        List<byte[]> signatures = new ArrayList<>(2);
        // One pass over the entries by index: no split, no substrings but t's digits.
        int entryStart = 0;
        while (true) {
            int comma = value.indexOf(',', entryStart);
            int entryEnd = comma < 0 ? value.length() : comma;
            int from = entryStart;
            int to = entryEnd;
            while (from < to && HttpWhiteSpace.isOws(value.charAt(from))) {
                from++;
            }
            while (to > from && HttpWhiteSpace.isOws(value.charAt(to - 1))) {
                to--;
            }
            int eq = value.indexOf('=', from);
            if (eq < 0 || eq >= to) {
                throw malformed(SIGNATURE_HEADER + " has an entry without '='");
            }
            if (isName(value, from, eq, TIMESTAMP_ENTRY)) {
                if (timestamp != null) {
                    throw malformed(SIGNATURE_HEADER + " has more than one t= entry");
                }
                timestamp = value.substring(eq + 1, to);
            } else if (isName(value, from, eq, SIGNATURE_ENTRY)) {
                signatures.add(HexSignature.decode(value, eq + 1, to));
            }
            if (comma < 0) {
                break;
            }
            entryStart = comma + 1;
        }
        if (timestamp == null) {
            throw new WebhookVerificationException(FailureReason.MISSING_TIMESTAMP, SIGNATURE_HEADER + " has no t= entry");
        }
        if (!isDigits(timestamp)) {
            throw malformed("t= is not a whole number of seconds");
        }
        if (signatures.isEmpty()) {
            throw new WebhookVerificationException(FailureReason.MISSING_SIGNATURE, SIGNATURE_HEADER + " has no v1= entry");
        }
        String sentTimestamp = timestampHeader.readIfPresent(headers);
        if (sentTimestamp != null && !sentTimestamp.equals(timestamp)) {
            throw malformed(TIMESTAMP_HEADER + " differs from the signed t= value");
        }
        // Never modified after this point and never handed out beyond this package.
        return new SignatureHeader(timestamp, signatures);
    }

    /** Whether {@code value[from, to)} is exactly {@code name} (entry names are case-sensitive). */
    private static boolean isName(String value, int from, int to, String name) {
        return to - from == name.length() && value.startsWith(name, from);
    }

    /**
     * Writes the header value.
     *
     * @param timestamp the Unix seconds, as signed
     * @param hexSignatures one or more signatures, 64 hex digits each
     * @return {@code t=<timestamp>,v1=<hex>[,v1=<hex>…]}
     */
    static String format(String timestamp, List<String> hexSignatures) {
        StringBuilder value = new StringBuilder(TIMESTAMP_ENTRY).append('=').append(timestamp);
        for (String hex : hexSignatures) {
            value.append(',').append(SIGNATURE_ENTRY).append('=').append(hex);
        }
        return value.toString();
    }

    /**
     * The signed message in parts, {@code t}'s digits, {@code "."} and the raw body, for a MAC to be
     * fed in order: the one definition of what RevRag signs, for the receiver and the signer alike.
     * The body is not copied.
     *
     * @param timestamp {@code t}, ASCII digits
     * @param body the raw body
     * @return the parts, in order
     */
    static byte[][] signedMessage(String timestamp, byte[] body) {
        return new byte[][] {timestamp.getBytes(StandardCharsets.US_ASCII), {'.'}, body};
    }

    /**
     * The signed message of this header's {@code t} and {@code body}.
     *
     * @param body the raw body
     * @return the parts, in order
     */
    byte[][] signedMessage(byte[] body) {
        return signedMessage(timestamp, body);
    }

    /**
     * The signed timestamp as Unix seconds.
     *
     * @return the seconds
     * @throws WebhookVerificationException with {@link FailureReason#TIMESTAMP_OUT_OF_TOLERANCE} when
     *     the digits do not fit a {@code long}, which is outside every window
     */
    long epochSeconds() throws WebhookVerificationException {
        try {
            return Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException(FailureReason.TIMESTAMP_OUT_OF_TOLERANCE, "timestamp out of range");
        }
    }

    /**
     * The decoded {@code v1} signatures, in the order sent.
     *
     * @return one or more 32-byte candidates
     */
    List<byte[]> signatures() {
        return signatures;
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static WebhookVerificationException malformed(String detail) {
        return new WebhookVerificationException(FailureReason.MALFORMED_SIGNATURE, detail);
    }
}
