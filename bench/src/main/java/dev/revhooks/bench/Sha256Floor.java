package dev.revhooks.bench;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The floor under every HMAC-SHA256 verifier of a scheme: the SHA-256 of exactly the bytes the
 * scheme signs, with the thread's own {@link MessageDigest} into a reused buffer, and nothing else
 * (no key blocks, no outer hash, no header, no hex, no comparison). An HMAC of the same bytes needs
 * at least one compression more (the outer hash); {@code javax.crypto.Mac} spends three more.
 */
final class Sha256Floor {

    private static final ThreadLocal<Sha256Floor> THREAD = ThreadLocal.withInitial(Sha256Floor::new);

    private final MessageDigest digest;
    private final byte[] out = new byte[32];

    private Sha256Floor() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 of the concatenated parts, in the thread's buffer (valid until its next call). */
    static byte[] of(byte[][] parts) {
        Sha256Floor floor = THREAD.get();
        for (byte[] part : parts) {
            floor.digest.update(part);
        }
        try {
            floor.digest.digest(floor.out, 0, floor.out.length);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        return floor.out;
    }
}
