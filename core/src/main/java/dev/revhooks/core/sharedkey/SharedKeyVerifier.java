package dev.revhooks.core.sharedkey;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.signature.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a static key sent in a header (for vendors that authenticate with an API key instead of
 * a signature), against one or more active keys.
 *
 * <p>Both the sent value and each configured key are reduced to their SHA-256 digests, which are
 * compared with {@link MessageDigest#isEqual}: the comparison takes the same time whatever the
 * sent value's length or the position of its first wrong byte. Absent header:
 * {@link FailureReason#MISSING_SIGNATURE}; empty value: {@link FailureReason#MALFORMED_SIGNATURE};
 * wrong key: {@link FailureReason#SIGNATURE_MISMATCH}. The header name is case-insensitive.
 *
 * <pre>{@code
 * SharedKeyVerifier verifier = SharedKeyVerifier.of("x-api-key", List.of(Secret.of(System.getenv("KEY"))));
 * Authentication auth = verifier.verify(request.headers());
 * }</pre>
 */
public final class SharedKeyVerifier {

    private final RequiredHeader header;
    private final byte[][] keyDigests;
    private final String[] ids;

    private SharedKeyVerifier(String headerName, List<Secret> keys) {
        this.header = RequiredHeader.of(Objects.requireNonNull(headerName, "headerName"), FailureReason.MISSING_SIGNATURE);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key is required");
        }
        this.keyDigests = new byte[keys.size()][];
        this.ids = new String[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            Secret key = Objects.requireNonNull(keys.get(i), "key");
            keyDigests[i] = Sha256.digest(key.bytes());
            ids[i] = key.idAt(i);
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
        return new SharedKeyVerifier(headerName, List.copyOf(keys));
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
        byte[] sentDigest = Sha256.digest(sent.getBytes(StandardCharsets.UTF_8));
        int matchedIndex = -1;
        for (int i = 0; i < keyDigests.length; i++) {
            if (MessageDigest.isEqual(keyDigests[i], sentDigest) && matchedIndex < 0) {
                matchedIndex = i;
            }
        }
        if (matchedIndex < 0) {
            throw new WebhookVerificationException(FailureReason.SIGNATURE_MISMATCH, header.name() + " matches no configured key");
        }
        return Authentication.sharedKey(ids[matchedIndex]);
    }

    @Override
    public String toString() {
        return "SharedKeyVerifier[header=" + header.name() + ", keys=" + List.of(ids) + "]";
    }
}
