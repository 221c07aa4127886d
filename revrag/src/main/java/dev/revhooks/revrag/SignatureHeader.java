package dev.revhooks.revrag;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.HttpWhiteSpace;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.signature.HexSignature;
import java.nio.charset.StandardCharsets;
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
    private static final String V1_PREFIX = SIGNATURE_ENTRY + "=";
    /** What {@code indexOf} returns when nothing is found; also "no {@code t} yet". */
    private static final int ABSENT = -1;
    /** The byte signed between {@code t}'s digits and the body. */
    static final byte SEPARATOR = '.';

    private SignatureHeader() {
    }

    /**
     * Checks the signature header's value and the timestamp header in place, as listed on the
     * class, and finds {@code t}: no substring, no list, nothing decoded.
     *
     * @param value the signature header's value
     * @param headers the request headers
     * @param timestampHeader {@link #TIMESTAMP} with the receiver's length limit
     * @return {@code t}'s digits as {@code value[timestampFrom(r), timestampTo(r))}
     * @throws WebhookVerificationException as listed on the class
     */
    static long check(String value, WebhookHeaders headers, RequiredHeader timestampHeader)
            throws WebhookVerificationException {
        int timestampFrom = ABSENT;
        int timestampTo = ABSENT;
        boolean signed = false;
        // One pass over the entries by index: no split, no substrings.
        int entryStart = 0;
        while (true) {
            int comma = value.indexOf(',', entryStart);
            int entryEnd = comma == ABSENT ? value.length() : comma;
            int from = skipOws(value, entryStart, entryEnd);
            int to = entryEnd;
            while (to > from && HttpWhiteSpace.isOws(value.charAt(to - 1))) {
                to--;
            }
            int eq = value.indexOf('=', from);
            if (eq < 0 || eq >= to) {
                throw malformed(SIGNATURE_HEADER + " has an entry without '='");
            }
            if (isName(value, from, eq, TIMESTAMP_ENTRY)) {
                if (timestampFrom != ABSENT) {
                    throw malformed(SIGNATURE_HEADER + " has more than one t= entry");
                }
                timestampFrom = eq + 1;
                timestampTo = to;
            } else if (isName(value, from, eq, SIGNATURE_ENTRY)) {
                HexSignature.check(value, eq + 1, to);
                signed = true;
            }
            if (comma == ABSENT) {
                break;
            }
            entryStart = comma + 1;
        }
        if (timestampFrom == ABSENT) {
            throw new WebhookVerificationException(FailureReason.MISSING_TIMESTAMP, SIGNATURE_HEADER + " has no t= entry");
        }
        if (!isDigits(value, timestampFrom, timestampTo)) {
            throw malformed("t= is not a whole number of seconds");
        }
        if (!signed) {
            throw new WebhookVerificationException(FailureReason.MISSING_SIGNATURE, SIGNATURE_HEADER + " has no v1= entry");
        }
        String sentTimestamp = timestampHeader.readIfPresent(headers);
        if (sentTimestamp != null && !(sentTimestamp.length() == timestampTo - timestampFrom
                && value.startsWith(sentTimestamp, timestampFrom))) {
            throw malformed(TIMESTAMP_HEADER + " differs from the signed t= value");
        }
        return (long) timestampFrom << 32 | timestampTo;
    }

    /**
     * The index of {@code t}'s first digit in a {@link #check} result.
     *
     * @param timestamp what {@link #check} returned
     * @return the index in the header value
     */
    static int timestampFrom(long timestamp) {
        return (int) (timestamp >>> 32);
    }

    /**
     * The index after {@code t}'s last digit in a {@link #check} result.
     *
     * @param timestamp what {@link #check} returned
     * @return the index in the header value
     */
    static int timestampTo(long timestamp) {
        return (int) timestamp;
    }

    /**
     * The first of the 64 digits of the next {@code v1} entry of a {@linkplain #check checked}
     * value that starts at or after {@code from}: 0 for the first, then the index after the last
     * candidate's digits (still inside that entry). The {@code HexCandidates} of RevRag's header.
     *
     * @param value a checked header value
     * @param from 0, or the index after a {@code v1} entry's digits
     * @return the index, or -1 when no {@code v1} entry is left
     */
    static int nextV1(String value, int from) {
        int entryStart = from;
        while (true) {
            // An entry's name starts after its spaces and tabs; after a v1's digits, only spaces,
            // tabs and the comma are left of that entry, so the same step passes them.
            int name = skipOws(value, entryStart, value.length());
            if (value.startsWith(V1_PREFIX, name)) {
                return name + V1_PREFIX.length();
            }
            int comma = value.indexOf(',', name);
            if (comma == ABSENT) {
                return ABSENT;
            }
            entryStart = comma + 1;
        }
    }

    private static int skipOws(String value, int from, int to) {
        int at = from;
        while (at < to && HttpWhiteSpace.isOws(value.charAt(at))) {
            at++;
        }
        return at;
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
     * fed in order: what RevRag signs, for the signer (the receiver feeds the same bytes in place:
     * {@code t}'s digits from the header, {@link #SEPARATOR}, the body). The body is not copied.
     *
     * @param timestamp {@code t}, ASCII digits
     * @param body the raw body
     * @return the parts, in order
     */
    static byte[][] signedMessage(String timestamp, byte[] body) {
        return new byte[][] {timestamp.getBytes(StandardCharsets.US_ASCII), {SEPARATOR}, body};
    }

    /**
     * The Unix seconds of the digits {@code text[from, to)}, read in place.
     *
     * @param text holds {@code t}'s digits, checked
     * @param from the index of the first digit
     * @param to the index after the last digit
     * @return the seconds
     * @throws WebhookVerificationException with {@link FailureReason#TIMESTAMP_OUT_OF_TOLERANCE} when
     *     the digits do not fit a {@code long}, which is outside every window
     */
    static long epochSeconds(String text, int from, int to) throws WebhookVerificationException {
        try {
            return Long.parseLong(text, from, to, 10);
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException(FailureReason.TIMESTAMP_OUT_OF_TOLERANCE, "timestamp out of range");
        }
    }

    private static boolean isDigits(String text, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
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
