package dev.revhooks.core.signature;

import static dev.revhooks.core.testing.ByteGen.bytes;
import static dev.revhooks.core.testing.ByteGen.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Core's HMAC-SHA256 over {@code MessageDigest} against its definitions: every RFC 4231 test case, and a
 * differential property test against {@code javax.crypto.Mac} over keys of every length class
 * (shorter than, one short of, exactly, one over and well over the 64-byte block), random messages
 * and random splits of the message into parts.
 */
class HmacSha256Test {

    static byte[] repeat(int value, int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    static byte[] oneTo25() {
        byte[] key = new byte[25];
        for (int i = 0; i < 25; i++) {
            key[i] = (byte) (i + 1);
        }
        return key;
    }

    /** RFC 4231 section 4, HMAC-SHA-256 of all seven test cases; case 5's output is truncated to 128 bits. */
    static Stream<Arguments> rfc4231() {
        return Stream.of(
                Arguments.of(1, repeat(0x0b, 20), utf8("Hi There"),
                        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
                Arguments.of(2, utf8("Jefe"), utf8("what do ya want for nothing?"),
                        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
                Arguments.of(3, repeat(0xaa, 20), repeat(0xdd, 50),
                        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
                Arguments.of(4, oneTo25(), repeat(0xcd, 50),
                        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
                Arguments.of(5, repeat(0x0c, 20), utf8("Test With Truncation"),
                        "a3b6167473100ee06e0c796c2955552b"),
                Arguments.of(6, repeat(0xaa, 131), utf8("Test Using Larger Than Block-Size Key - Hash Key First"),
                        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
                Arguments.of(7, repeat(0xaa, 131), utf8("This is a test using a larger than block-size key and a larger "
                                + "than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
                        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"));
    }

    /** Compared on the expected output's length: all 32 bytes, or the 16-byte prefix of the truncated case. */
    @ParameterizedTest(name = "RFC 4231 test case {0}")
    @MethodSource("rfc4231")
    void rfc4231TestCasesInOneAndInSeveralParts(int testCase, byte[] key, byte[] data, String expectedHex) {
        HmacSha256 hmac = HmacSha256.of(key);
        HmacSha256.Computation computation = hmac.computation();
        byte[] out = new byte[HmacSha256.LENGTH];
        int compared = expectedHex.length() / 2;

        assertThat(Hex.encodeHexString(hmac.mac(data)).substring(0, 2 * compared)).isEqualTo(expectedHex);
        for (int cut = 0; cut <= data.length; cut++) {
            computation.mac(new byte[][] {Arrays.copyOfRange(data, 0, cut), Arrays.copyOfRange(data, cut, data.length)},
                    out);
            assertThat(Hex.encodeHexString(out).substring(0, 2 * compared)).isEqualTo(expectedHex);
        }
    }

    @Test
    void githubsKnownAnswer() {
        assertThat(Hex.encodeHexString(HmacSha256.of(utf8("It's a Secret to Everybody")).mac(utf8("Hello, World!"))))
                .isEqualTo("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    /** The key lengths the RFC 2104 construction treats differently, around the 64-byte block. */
    private static final int[] KEY_LENGTHS = {1, 2, 31, 32, 63, 64, 65, 128, 129, 200};

    @Test
    void everyKeyLengthClassAndEveryMessageLengthAroundTheBlockBoundariesEqualsMac() throws Exception {
        Random random = new Random(20261207);
        for (int keyLength : KEY_LENGTHS) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            HmacSha256.Computation computation = HmacSha256.of(key).computation();
            byte[] out = new byte[HmacSha256.LENGTH];
            for (int length = 0; length <= 3 * HmacSha256.BLOCK_SIZE + 1; length++) {
                byte[] message = new byte[length];
                random.nextBytes(message);
                computation.mac(new byte[][] {message}, out);
                assertThat(out).as("key of %d bytes, message of %d", keyLength, length).isEqualTo(jdkMac(key, message));
            }
        }
    }

    @Test
    void equalsJavaxCryptoMacForRandomKeysMessagesAndSplits() {
        qt().withExamples(400)
                .forAll(integers().between(0, 5), longs().all(), bytes(0, 1500),
                        lists().of(integers().between(0, 1500)).ofSizeBetween(0, 5))
                .checkAssert((lengthClass, seed, message, cuts) -> {
                    byte[] key = key(lengthClass, new Random(seed));
                    byte[] expected = jdkMac(key, message);
                    HmacSha256 hmac = HmacSha256.of(key);
                    HmacSha256.Computation computation = hmac.computation();
                    byte[] out = new byte[HmacSha256.LENGTH];

                    assertThat(hmac.mac(message)).isEqualTo(expected);
                    computation.mac(split(message, cuts), out);
                    assertThat(out).isEqualTo(expected);
                    // the same computation again: each MAC starts from the absorbed key, not from the last message
                    computation.mac(new byte[][] {message}, out);
                    assertThat(out).isEqualTo(expected);
                });
    }

    /** Length class 0: 1 byte; 1: 63; 2: 64; 3: 65; 4: 128 to 300 (hashed first); 5: 1 to 200. */
    private static byte[] key(int lengthClass, Random random) {
        int length = switch (lengthClass) {
            case 0 -> 1;
            case 1 -> HmacSha256.BLOCK_SIZE - 1;
            case 2 -> HmacSha256.BLOCK_SIZE;
            case 3 -> HmacSha256.BLOCK_SIZE + 1;
            case 4 -> 2 * HmacSha256.BLOCK_SIZE + random.nextInt(173);
            default -> 1 + random.nextInt(200);
        };
        byte[] key = new byte[length];
        random.nextBytes(key);
        return key;
    }

    /** The message cut at the given positions (clamped, sorted): empty parts included. */
    static byte[][] split(byte[] message, List<Integer> cuts) {
        int[] points = cuts.stream().mapToInt(c -> Math.min(c, message.length)).sorted().toArray();
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int point : points) {
            parts.add(Arrays.copyOfRange(message, from, point));
            from = point;
        }
        parts.add(Arrays.copyOfRange(message, from, message.length));
        return parts.toArray(new byte[0][]);
    }

    static byte[] jdkMac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aMacThatFailedHalfWayLeavesNothingBehind() {
        byte[] key = utf8("k");
        HmacSha256.Computation computation = HmacSha256.of(key).computation();
        byte[] out = new byte[HmacSha256.LENGTH];
        assertThatThrownBy(() -> computation.mac(new byte[][] {utf8("absorbed"), null}, out))
                .isInstanceOf(NullPointerException.class);
        computation.mac(new byte[][] {utf8("body")}, out);
        assertThat(out).isEqualTo(jdkMac(key, utf8("body")));
    }

    @Test
    void theTextBeforeTheBodyIsSignedAsJavaxCryptoMacSignsItWhateverItsLength() {
        // Texts shorter and longer than the 32-byte gathering buffer, and exact multiples of it, all equal Mac.
        qt().forAll(integers().between(0, 80), integers().between(0, 5), integers().between(0, 300), longs().all())
                .checkAssert((length, offset, bodyLength, seed) -> {
                    Random random = new Random(seed);
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < offset + length + 3; i++) {
                        text.append((char) (' ' + random.nextInt(95)));
                    }
                    byte[] key = new byte[1 + random.nextInt(100)];
                    random.nextBytes(key);
                    byte[] body = new byte[bodyLength];
                    random.nextBytes(body);
                    byte[] out = new byte[HmacSha256.LENGTH];
                    HmacSha256.of(key).computation().mac(text.toString(), offset, offset + length, (byte) '.', body, out);
                    byte[] signed = new byte[length + 1 + bodyLength];
                    for (int i = 0; i < length; i++) {
                        signed[i] = (byte) text.charAt(offset + i);
                    }
                    signed[length] = '.';
                    System.arraycopy(body, 0, signed, length + 1, bodyLength);
                    assertThat(out).as("text length %d", length).isEqualTo(jdkMac(key, signed));
                });
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        byte[] key = utf8("very-secret-key");
        assertThat(HmacSha256.of(key)).hasToString("HmacSha256[key=<redacted>]");
    }
}
