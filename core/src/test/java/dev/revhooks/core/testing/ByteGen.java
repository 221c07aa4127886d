package dev.revhooks.core.testing;

import java.nio.charset.StandardCharsets;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** QuickTheories generators for raw request material, shared with the vendor modules' tests. */
public final class ByteGen {

    private ByteGen() {
    }

    /**
     * Arbitrary bytes.
     *
     * @param minLength shortest array
     * @param maxLength longest array
     * @return the generator
     */
    public static Gen<byte[]> bytes(int minLength, int maxLength) {
        return Generate.byteArrays(SourceDSL.integers().between(minLength, maxLength),
                Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    }

    /**
     * Arbitrary strings of any code points, as the UTF-8 bytes a header or body could carry.
     *
     * @param maxLength longest string in code points
     * @return the generator
     */
    public static Gen<String> text(int maxLength) {
        return SourceDSL.strings().allPossible().ofLengthBetween(0, maxLength);
    }

    /**
     * Printable ASCII strings, as header values usually are.
     *
     * @param minLength shortest
     * @param maxLength longest
     * @return the generator
     */
    public static Gen<String> ascii(int minLength, int maxLength) {
        return SourceDSL.strings().ascii().ofLengthBetween(minLength, maxLength);
    }

    /**
     * A copy of {@code bytes} with one bit flipped.
     *
     * @param bytes the original, not modified; must not be empty
     * @param bitIndex any non-negative number; reduced modulo the number of bits
     * @return the tampered copy
     */
    public static byte[] flipBit(byte[] bytes, int bitIndex) {
        byte[] copy = bytes.clone();
        int bit = Math.floorMod(bitIndex, copy.length * 8);
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    /**
     * UTF-8 bytes of a string.
     *
     * @param s the string
     * @return its bytes
     */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
