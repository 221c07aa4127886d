package dev.revhooks.core.signature;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * HMAC-SHA256 (RFC 2104) over the JDK's SHA-256 {@link MessageDigest}, with the key's pad blocks
 * computed once per key and nothing allocated per MAC.
 *
 * <p>HMAC(K, m) = H((K' ^ opad) || H((K' ^ ipad) || m)), where K' is the key padded with zeros to
 * the 64-byte block (a longer key is hashed first). The two pad blocks depend only on the key and
 * are computed here, once; each thread's {@link Computation} feeds them, the message parts and the
 * inner hash to its own two digests. An n-block message costs n + 3 compressions, as in
 * {@code javax.crypto.Mac}, without {@code Mac}'s dispatch and without its 32-byte array per MAC.
 *
 * <p>Absorbing the pad blocks once and starting each MAC from {@link MessageDigest#clone() clones}
 * of the absorbed digests (n + 1 compressions) was built and measured (issue 31; BENCHMARKS.md,
 * {@code HmacStrategiesBench}): the JDK restores a digest's state only by cloning it, which
 * allocated 448 bytes per MAC at 1 KiB and about 1 KB at 1 MiB and cost about as much time as the
 * two compressions it saved. So the pads are absorbed per call.
 *
 * <p>Immutable after construction and shared by all threads. The pads are key material;
 * {@link #toString()} shows none of it.
 */
final class HmacSha256 {

    static final int LENGTH = 32;
    static final int BLOCK_SIZE = 64;
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    private final byte[] innerPad;
    private final byte[] outerPad;

    private HmacSha256(byte[] innerPad, byte[] outerPad) {
        this.innerPad = innerPad;
        this.outerPad = outerPad;
    }

    /**
     * The HMAC-SHA256 for {@code key}, with its pad blocks computed.
     *
     * @param key the key, any length (longer than a block: hashed first, as RFC 2104 says)
     * @return the HMAC
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
        return new HmacSha256(innerPad, outerPad);
    }

    /**
     * A per-thread computation of this HMAC. Not thread-safe: one per thread.
     *
     * @return a fresh computation
     */
    Computation computation() {
        return new Computation(this);
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

    @Override
    public String toString() {
        return "HmacSha256[key=<redacted>]";
    }

    /** One thread's digests and inner-hash buffer for an {@link HmacSha256}. */
    static final class Computation {
        private final HmacSha256 key;
        private final MessageDigest inner = Sha256.newDigest();
        private final MessageDigest outer = Sha256.newDigest();
        private final byte[] innerHash = new byte[LENGTH];
        /** The text before the body (a timestamp and its separator), gathered for one update; not secret. */
        private final byte[] prefix = new byte[32];

        private Computation(HmacSha256 key) {
            this.key = key;
        }

        /**
         * The MAC of the concatenation of {@code parts}, written into {@code out[0, 32)}; the parts
         * are fed in order, never concatenated. Allocates nothing.
         *
         * @param parts the message, in order
         * @param out at least 32 bytes
         */
        void mac(byte[][] parts, byte[] out) {
            begin();
            for (byte[] part : parts) {
                inner.update(part);
            }
            end(out);
        }

        /**
         * The MAC of the one-part message {@code message}, into {@code out[0, 32)}. Allocates nothing
         * (not even the parts array of {@link #mac(byte[][], byte[])}).
         *
         * @param message the message
         * @param out at least 32 bytes
         */
        void mac(byte[] message, byte[] out) {
            begin();
            inner.update(message);
            end(out);
        }

        /**
         * The MAC of {@code text[from, to)} as ASCII bytes (every char below 128), then
         * {@code separator}, then {@code body}, into {@code out[0, 32)}: the timestamp, a dot and
         * the body, with the timestamp read from its header in place. Allocates nothing.
         *
         * @param text holds the ASCII part
         * @param from the index of the first char of the ASCII part
         * @param to the index after its last char
         * @param separator the byte between the ASCII part and the body
         * @param body the body
         * @param out at least 32 bytes
         */
        void mac(String text, int from, int to, byte separator, byte[] body, byte[] out) {
            begin();
            // The text and the separator go to the digest through the prefix buffer, a buffer-full at a
            // time (one update for a timestamp): a MessageDigest call per byte costs more than the bytes.
            int gathered = 0;
            for (int i = from; i < to; i++) {
                if (gathered == prefix.length) {
                    inner.update(prefix, 0, gathered);
                    gathered = 0;
                }
                prefix[gathered++] = (byte) text.charAt(i);
            }
            if (gathered == prefix.length) {
                inner.update(prefix, 0, gathered);
                gathered = 0;
            }
            prefix[gathered++] = separator;
            inner.update(prefix, 0, gathered);
            inner.update(body);
            end(out);
        }

        private void begin() {
            // digest() resets; this reset (free on a reset digest) clears what a MAC that failed
            // half-way, on a null part, left behind. The outer digest cannot fail half-way.
            inner.reset();
            inner.update(key.innerPad);
        }

        private void end(byte[] out) {
            finish(inner, innerHash);
            outer.update(key.outerPad);
            outer.update(innerHash);
            finish(outer, out);
        }

        private static void finish(MessageDigest digest, byte[] out) {
            try {
                digest.digest(out, 0, LENGTH);
            } catch (DigestException e) {
                throw new IllegalStateException("the output buffer holds a SHA-256 digest", e);
            }
        }
    }
}
