package dev.revhooks.core.signature;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * HMAC-SHA256 (RFC 2104) over the JDK's SHA-256 {@link MessageDigest}, with the key's inner and
 * outer blocks absorbed once per key.
 *
 * <p>HMAC(K, m) = H((K' ^ opad) || H((K' ^ ipad) || m)), where K' is the key padded with zeros to
 * the 64-byte block (a longer key is hashed first). The two pad blocks depend only on the key, so
 * they are absorbed once into two digests at construction; each MAC starts from copies of those
 * digests ({@link MessageDigest#clone()}, which copies the absorbed state). An n-block message then
 * costs n compressions for the inner hash and one for the outer, where {@code javax.crypto.Mac}
 * absorbs both pad blocks again on every call. A SHA-256 that cannot be cloned (some providers'
 * digests) falls back to absorbing the pad blocks per call: the same MAC, as slowly as
 * {@code Mac}.
 *
 * <p>Immutable after construction and shared by all threads: a MAC is computed from clones, never
 * by updating the absorbed digests. The pads are key material; {@link #toString()} shows none of
 * it.
 */
final class HmacSha256 {

    static final int LENGTH = 32;
    static final int BLOCK_SIZE = 64;
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    /** SHA-256 with {@code key ^ ipad} absorbed; never updated after construction. */
    private final MessageDigest inner;
    /** SHA-256 with {@code key ^ opad} absorbed; never updated after construction. */
    private final MessageDigest outer;
    /** The pad blocks, kept only when the digests cannot be cloned (the fallback); null otherwise. */
    private final byte[] innerPad;
    private final byte[] outerPad;

    private HmacSha256(MessageDigest inner, MessageDigest outer, byte[] innerPad, byte[] outerPad) {
        this.inner = inner;
        this.outer = outer;
        this.innerPad = innerPad;
        this.outerPad = outerPad;
    }

    /**
     * The HMAC-SHA256 for {@code key}, with its pad blocks absorbed.
     *
     * @param key the key, any length (longer than a block: hashed first, as RFC 2104 says)
     * @return the precomputed HMAC
     */
    static HmacSha256 of(byte[] key) {
        byte[] block = new byte[BLOCK_SIZE];
        byte[] shortKey = key.length > BLOCK_SIZE ? Sha256.newDigest().digest(key) : key;
        System.arraycopy(shortKey, 0, block, 0, shortKey.length);
        byte[] innerPad = new byte[BLOCK_SIZE];
        byte[] outerPad = new byte[BLOCK_SIZE];
        for (int i = 0; i < BLOCK_SIZE; i++) {
            innerPad[i] = (byte) (block[i] ^ IPAD);
            outerPad[i] = (byte) (block[i] ^ OPAD);
        }
        MessageDigest inner = Sha256.newDigest();
        inner.update(innerPad);
        MessageDigest outer = Sha256.newDigest();
        outer.update(outerPad);
        if (copyOf(inner) != null && copyOf(outer) != null) {
            return new HmacSha256(inner, outer, null, null);
        }
        return new HmacSha256(inner, outer, innerPad, outerPad);
    }

    /**
     * A per-thread computation of this HMAC. Not thread-safe: one per thread.
     *
     * @return a fresh computation
     */
    Computation computation() {
        if (innerPad == null) {
            return new Computation(this, null, null);
        }
        return new Computation(this, Sha256.newDigest(), Sha256.newDigest());
    }

    /**
     * The MAC of the concatenation of {@code parts}, on a fresh computation. For one-off use; a
     * verifier keeps a {@link Computation} per thread.
     *
     * @param parts the message, in order
     * @return the 32-byte MAC
     */
    byte[] mac(byte[]... parts) {
        byte[] out = new byte[LENGTH];
        computation().mac(parts, out);
        return out;
    }

    /**
     * The construction in use, never the key.
     *
     * @return {@code HmacSha256[key=<redacted>, pads=precomputed]}, or {@code pads=per call} for the
     *     fallback
     */
    @Override
    public String toString() {
        return "HmacSha256[key=<redacted>, pads=" + (innerPad == null ? "precomputed" : "per call") + "]";
    }

    /**
     * One thread's state for an {@link HmacSha256}: the inner hash's output buffer and, for a
     * SHA-256 that cannot be cloned, the thread's own digests.
     */
    static final class Computation {
        private final HmacSha256 key;
        private final byte[] innerHash = new byte[LENGTH];
        private final MessageDigest innerFallback;
        private final MessageDigest outerFallback;

        private Computation(HmacSha256 key, MessageDigest innerFallback, MessageDigest outerFallback) {
            this.key = key;
            this.innerFallback = innerFallback;
            this.outerFallback = outerFallback;
        }

        /**
         * The MAC of the concatenation of {@code parts}, written into {@code out[0, 32)}; the parts
         * are fed in order, never concatenated.
         *
         * @param parts the message, in order
         * @param out at least 32 bytes
         */
        void mac(byte[][] parts, byte[] out) {
            MessageDigest inner = start(key.inner, innerFallback, key.innerPad);
            for (byte[] part : parts) {
                inner.update(part);
            }
            finish(inner, innerHash);
            MessageDigest outer = start(key.outer, outerFallback, key.outerPad);
            outer.update(innerHash);
            finish(outer, out);
        }

        private static MessageDigest start(MessageDigest absorbed, MessageDigest fallback, byte[] pad) {
            if (fallback == null) {
                return copyOf(absorbed);
            }
            // digest() reset the fallback at the end of the previous MAC
            fallback.update(pad);
            return fallback;
        }

        private static void finish(MessageDigest digest, byte[] out) {
            try {
                digest.digest(out, 0, LENGTH);
            } catch (DigestException e) {
                throw new IllegalStateException("the output buffer holds a SHA-256 digest", e);
            }
        }
    }

    /** A copy of an absorbed digest, or null when its provider cannot clone it. */
    static MessageDigest copyOf(MessageDigest absorbed) {
        try {
            return (MessageDigest) absorbed.clone();
        } catch (CloneNotSupportedException e) {
            return null;
        }
    }
}
