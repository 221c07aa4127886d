package dev.revhooks.core.signature;

import static dev.revhooks.core.testing.ByteGen.bytes;
import static dev.revhooks.core.testing.ByteGen.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential properties: reading the hex digits in place ({@link HmacSha256Verifier#verifyHex},
 * {@link HmacSha256Verifier#verifyAnyHex}, {@link HexSignature#check}) gives exactly what decoding
 * them into an array first and comparing with {@code MessageDigest.isEqual}
 * ({@link HexSignature#decode(String, int, int)}, {@link HmacSha256Verifier#verify},
 * {@link HmacSha256Verifier#verifyAny}) gives: the same secret, or the same exception with the same
 * reason and message, on right, tampered, malformed and wrong-length signatures.
 */
class HexInPlacePropertiesTest {

    private static final List<Secret> SECRETS = List.of(Secret.of("a", "whsec_a"), Secret.of("b", "whsec_b"));
    private static final Secret STRANGER = Secret.of("c", "whsec_c");
    private static final byte[] DOT = {'.'};
    private static final char[] TRICKY = {'0', '9', 'a', 'f', 'A', 'F', 'g', 'G', '/', ':', '@', '`', ' ', '\t', ',',
        '=', '\u0661', '\uff10', '\uff41', '\u00e9', '\ud83d'};
    private static final HmacSha256Verifier.HexCandidates V1 = (value, from) -> {
        int at = value.indexOf("v1=", from);
        return at < 0 ? -1 : at + 3;
    };

    private final HmacSha256Verifier verifier = HmacSha256Verifier.of(SECRETS);

    @Test
    void verifyHexAgreesWithDecodeThenVerify() {
        qt().forAll(bytes(0, 300), longs().all(), text(8), text(8)).checkAssert((body, seed, prefix, suffix) -> {
            String signature = candidate(new Random(seed), body);
            String header = prefix + signature + suffix;
            int from = prefix.length();
            int to = from + signature.length();
            assertThat(outcome(() -> verifier.verifyHex(header, from, to, body).credentialId()))
                    .isEqualTo(outcome(() -> verifier.verify(HexSignature.decode(header, from, to), body).credentialId()));
        });
    }

    @Test
    void verifyAnyHexAgreesWithDecodeThenVerifyAny() {
        qt().forAll(bytes(0, 300), longs().all(), longs().between(0, 9_999_999_999L), integers().between(0, 4))
                .checkAssert((body, seed, seconds, count) -> {
                    Random random = new Random(seed);
                    byte[] t = Long.toString(seconds).getBytes(StandardCharsets.US_ASCII);
                    byte[] signed = concat(t, DOT, body);
                    StringBuilder value = new StringBuilder("t=").append(seconds);
                    for (int i = 0; i < count; i++) {
                        value.append(",v1=").append(candidate(random, signed));
                    }
                    String header = value.toString();
                    int to = 2 + t.length;
                    assertThat(outcome(() -> verifier.verifyAnyHex(header, V1, 2, to, (byte) '.', body).credentialId()))
                            .isEqualTo(outcome(() -> {
                                List<byte[]> decoded = new ArrayList<>();
                                for (int at = V1.next(header, 0); at >= 0; at = V1.next(header, at + 64)) {
                                    decoded.add(HexSignature.decode(header, at, at + 64));
                                }
                                return verifier.verifyAny(decoded, t, DOT, body).credentialId();
                            }));
                });
    }

    @Test
    void checkAndDecodeIntoABufferAgreeWithDecode() {
        qt().forAll(text(80), integers().between(0, 80), integers().between(0, 80)).checkAssert((text, a, b) -> {
            int from = Math.min(a, b);
            int to = Math.max(a, b);
            assertThat(outcome(() -> {
                HexSignature.check(text, from, to);
                return "valid";
            })).isEqualTo(outcome(() -> {
                HexSignature.decode(text, from, to);
                return "valid";
            }));
            byte[] buffer = new byte[HmacSha256.LENGTH];
            Arrays.fill(buffer, (byte) 0x5a);
            assertThat(outcome(() -> {
                HexSignature.decode(text, from, to, buffer);
                return Arrays.toString(buffer);
            })).isEqualTo(outcome(() -> Arrays.toString(HexSignature.decode(text, from, to))));
        });
    }

    /** A signature's text: right (by a configured secret or not), tampered, malformed or of another length. */
    private static String candidate(Random random, byte[] message) {
        Secret signer = random.nextInt(3) == 2 ? STRANGER : SECRETS.get(random.nextInt(2));
        char[] hex = HmacSha256Signer.hex(signer, message).toCharArray();
        for (int i = 0; i < hex.length; i++) {
            if (random.nextBoolean()) {
                hex[i] = Character.toUpperCase(hex[i]);
            }
        }
        String text = new String(hex);
        switch (random.nextInt(5)) {
            case 0:
                return text;
            case 1: // one digit replaced by anything, a hex digit included
                int at = random.nextInt(64);
                return text.substring(0, at) + TRICKY[random.nextInt(TRICKY.length)] + text.substring(at + 1);
            case 2: // shorter
                return text.substring(0, random.nextInt(64));
            case 3: // longer
                return text + text.substring(0, 1 + random.nextInt(8));
            default: // anything at all
                StringBuilder any = new StringBuilder();
                for (int i = random.nextInt(70); i > 0; i--) {
                    any.append(TRICKY[random.nextInt(TRICKY.length)]);
                }
                return any.toString();
        }
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private interface Call {
        String run() throws WebhookVerificationException;
    }

    /** The credential id, or the exception's type, reason and message. */
    private static String outcome(Call call) {
        try {
            return "accepted " + call.run();
        } catch (WebhookVerificationException e) {
            return "rejected " + e.reason() + ": " + e.getMessage();
        } catch (IndexOutOfBoundsException e) {
            return "out of bounds";
        }
    }
}
