package dev.revhooks.core.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 digests, from the JDK.
 *
 * <pre>{@code
 * byte[] digest = Sha256.digest(rawBody);
 * }</pre>
 */
public final class Sha256 {

    private Sha256() {
    }

    /**
     * The SHA-256 digest of {@code bytes}.
     *
     * @param bytes the input
     * @return 32 bytes
     */
    public static byte[] digest(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    /** A new SHA-256 {@link MessageDigest} from the JDK's providers. */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
