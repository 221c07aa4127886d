package dev.revhooks.core.sharedkey;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.HeaderLimit;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a static key sent in a header (for vendors that authenticate with an API key instead of
 * a signature), against one or more active keys.
 *
 * <p>The sent value's UTF-8 bytes are compared with each configured key in the manner of
 * {@link MessageDigest#isEqual}{@code (sent, key)}, visiting every byte of the sent value whatever
 * the key's length and the position of the first difference: the time depends only on what the
 * sender sent, never on the key. Every configured key is compared. An ASCII value (the usual case)
 * is compared char by char without being encoded, so a verification allocates nothing. Absent header:
 * {@link FailureReason#MISSING_SIGNATURE}; empty value: {@link FailureReason#MALFORMED_SIGNATURE};
 * wrong key: {@link FailureReason#SIGNATURE_MISMATCH}. The header name is case-insensitive. Only
 * spaces and tabs around the value are removed; a value holding any other white space, control or
 * format character is {@link FailureReason#MALFORMED_SIGNATURE} before any key is compared
 * ({@link RequiredHeader}), so a key with a stray character is never accepted.
 *
 * <pre>{@code
 * SharedKeyVerifier verifier = SharedKeyVerifier.of("x-api-key", List.of(Secret.of(System.getenv("KEY"))));
 * Authentication auth = verifier.verify(request.headers());
 * }</pre>
 */
public final class SharedKeyVerifier {

    private final RequiredHeader header;
    private final byte[][] keys;
    private final Authentication[] results;

    private SharedKeyVerifier(String headerName, List<Secret> keys, HeaderLimit headerLimit) {
        this.header = headerLimit.applyTo(
                RequiredHeader.of(Objects.requireNonNull(headerName, "headerName"), FailureReason.MISSING_SIGNATURE));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key is required");
        }
        this.keys = new byte[keys.size()][];
        this.results = new Authentication[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            Secret key = Objects.requireNonNull(keys.get(i), "key");
            this.keys[i] = key.bytes();
            results[i] = Authentication.sharedKey(key.idAt(i));
        }
    }

    /**
     * A verifier of the header {@code headerName} against the given keys.
     *
     * @param headerName the header carrying the key, any case
     * @param keys one or more active keys
     * @return the verifier
     */
    public static SharedKeyVerifier of(String headerName, List<Secret> keys) {
        return of(headerName, keys, HeaderLimit.DEFAULT);
    }

    /**
     * A verifier of the header {@code headerName} against the given keys, refusing a header value
     * longer than {@code headerLimit} with {@link FailureReason#HEADER_TOO_LARGE}.
     *
     * <pre>{@code
     * SharedKeyVerifier verifier = SharedKeyVerifier.of("x-api-key", keys, HeaderLimit.ofChars(256));
     * }</pre>
     *
     * @param headerName the header carrying the key, any case
     * @param keys one or more active keys
     * @param headerLimit the longest accepted header value
     * @return the verifier
     */
    public static SharedKeyVerifier of(String headerName, List<Secret> keys, HeaderLimit headerLimit) {
        return new SharedKeyVerifier(headerName, List.copyOf(keys), Objects.requireNonNull(headerLimit, "headerLimit"));
    }

    /**
     * The header this verifier reads.
     *
     * @return the header definition
     */
    public RequiredHeader header() {
        return header;
    }

    /**
     * Checks the key header.
     *
     * @param headers the request headers
     * @return the authentication naming the matching key
     * @throws WebhookVerificationException when the header is absent, empty, duplicated, too long or wrong
     */
    public Authentication verify(WebhookHeaders headers) throws WebhookVerificationException {
        String sent = header.read(headers);
        if (sent.isEmpty()) {
            throw new WebhookVerificationException(FailureReason.MALFORMED_SIGNATURE, header.name() + " header is empty");
        }
        Authentication matched = null;
        byte[] encoded = null;
        for (int i = 0; i < keys.length; i++) {
            int verdict = compareAscii(sent, keys[i]);
            if (verdict == NOT_ASCII) {
                // Rare: a non-ASCII value is compared on its UTF-8 bytes, encoded once.
                encoded = encoded == null ? sent.getBytes(StandardCharsets.UTF_8) : encoded;
                verdict = MessageDigest.isEqual(encoded, keys[i]) ? EQUAL : DIFFERENT;
            }
            if (verdict == EQUAL && matched == null) {
                matched = results[i];
            }
        }
        if (matched == null) {
            throw new WebhookVerificationException(FailureReason.SIGNATURE_MISMATCH, header.name() + " matches no configured key");
        }
        return matched;
    }

    private static final int EQUAL = 0;
    private static final int DIFFERENT = 1;
    private static final int NOT_ASCII = 2;

    /**
     * {@code MessageDigest.isEqual(sent.getBytes(UTF_8), key)} without the encoding when the sent
     * value is ASCII (its UTF-8 bytes are then its chars): visits every char of the sent value
     * whatever the key's length and contents, without a branch on either.
     *
     * @return {@link #EQUAL}, {@link #DIFFERENT}, or {@link #NOT_ASCII} when a char is not ASCII
     */
    private static int compareAscii(String sent, byte[] key) {
        int length = sent.length();
        int keyLength = key.length;
        int diff = length ^ keyLength;
        int seen = 0;
        for (int i = 0; i < length; i++) {
            char c = sent.charAt(i);
            seen |= c;
            diff |= c ^ key[((i - keyLength) >>> 31) * i]; // key[i] while i < keyLength, else key[0]
        }
        return seen >= 0x80 ? NOT_ASCII : diff == 0 ? EQUAL : DIFFERENT;
    }

    @Override
    public String toString() {
        StringBuilder ids = new StringBuilder();
        for (Authentication result : results) {
            ids.append(ids.length() == 0 ? "" : ", ").append(result.credentialId());
        }
        return "SharedKeyVerifier[header=" + header.name() + ", keys=[" + ids + "]]";
    }
}
