package dev.revhooks.core.signature;

import static dev.revhooks.core.testing.ByteGen.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookVerificationException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.codec.binary.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HmacSha256VerifierTest {

    /**
     * RFC 4231's test cases through the verifier; a truncated MAC (case 5) is never accepted: the
     * verifier compares all 32 bytes.
     */
    @ParameterizedTest(name = "RFC 4231 test case {0}")
    @MethodSource("dev.revhooks.core.signature.HmacSha256Test#rfc4231")
    void rfc4231KnownAnswersInOneAndInSeveralParts(int testCase, byte[] key, byte[] data, String expectedHex)
            throws Exception {
        Secret secret = Secret.ofBytes("rfc", key);
        byte[] expected = Hex.decodeHex(expectedHex);
        HmacSha256Verifier verifier = HmacSha256Verifier.of(secret);
        if (expected.length < HmacSha256.LENGTH) {
            assertThat(HmacSha256Signer.hex(secret, data)).startsWith(expectedHex);
            assertThatThrownBy(() -> verifier.verify(expected, data))
                    .isInstanceOfSatisfying(WebhookVerificationException.class,
                            e -> assertThat(e.reason()).isEqualTo(FailureReason.SIGNATURE_MISMATCH));
            return;
        }

        assertThat(HmacSha256Signer.hex(secret, data)).isEqualTo(expectedHex);
        assertThat(verifier.verify(expected, data).credentialId()).isEqualTo("rfc");
        for (int cut = 0; cut <= data.length; cut++) {
            byte[] head = Arrays.copyOfRange(data, 0, cut);
            byte[] tail = Arrays.copyOfRange(data, cut, data.length);
            assertThat(HmacSha256Signer.sign(secret, head, tail)).isEqualTo(expected);
            verifier.verify(expected, head, tail);
        }
        int third = data.length / 3;
        verifier.verify(expected, Arrays.copyOfRange(data, 0, third), Arrays.copyOfRange(data, third, 2 * third),
                new byte[0], Arrays.copyOfRange(data, 2 * third, data.length));
    }

    @Test
    void githubsDocumentedExample() throws Exception {
        Secret secret = Secret.of("It's a Secret to Everybody");
        String hex = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        assertThat(HmacSha256Signer.hex(secret, utf8("Hello, World!"))).isEqualTo(hex);
        Authentication auth = HmacSha256Verifier.of(secret).verify(HexSignature.decode(hex), utf8("Hello, World!"));
        assertThat(auth).isEqualTo(Authentication.hmacSignature("secret-1"));
    }

    @Test
    void mismatchIsTyped() {
        HmacSha256Verifier verifier = HmacSha256Verifier.of(Secret.of("right"));
        byte[] forged = HmacSha256Signer.sign(Secret.of("wrong"), utf8("body"));
        assertThatThrownBy(() -> verifier.verify(forged, utf8("body")))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.SIGNATURE_MISMATCH));
        assertThatThrownBy(() -> verifier.verify(new byte[5], utf8("body")))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.SIGNATURE_MISMATCH));
    }

    @Test
    void rotationReportsWhichSecretMatched() throws Exception {
        Secret current = Secret.of("current", "new-secret");
        Secret previous = Secret.of("previous", "old-secret");
        Secret unnamed = Secret.of("third-secret");
        HmacSha256Verifier verifier = HmacSha256Verifier.of(List.of(current, previous, unnamed));
        byte[] body = utf8("{}");
        assertThat(verifier.verify(HmacSha256Signer.sign(current, body), body).credentialId()).isEqualTo("current");
        assertThat(verifier.verify(HmacSha256Signer.sign(previous, body), body).credentialId()).isEqualTo("previous");
        assertThat(verifier.verify(HmacSha256Signer.sign(unnamed, body), body).credentialId()).isEqualTo("secret-3");
        assertThat(verifier.secretCount()).isEqualTo(3);
        assertThat(verifier.toString()).contains("current", "previous", "secret-3").doesNotContain("new-secret");
    }

    @Test
    void anyOfSeveralCandidateSignaturesMayMatch() throws Exception {
        Secret secret = Secret.of("s");
        byte[] body = utf8("{}");
        HmacSha256Verifier verifier = HmacSha256Verifier.of(secret);
        byte[] good = HmacSha256Signer.sign(secret, body);
        assertThat(verifier.verifyAny(List.of(new byte[32], good), body).credentialId()).isEqualTo("secret-1");
        assertThatThrownBy(() -> verifier.verifyAny(List.of(new byte[32], new byte[32]), body))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> verifier.verifyAny(List.of(), body)).isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aFailedVerificationLeavesNoStateBehind() throws Exception {
        Secret secret = Secret.of("s");
        HmacSha256Verifier verifier = HmacSha256Verifier.of(secret);
        assertThatThrownBy(() -> verifier.verify(new byte[32], utf8("x"))).isInstanceOf(WebhookVerificationException.class);
        verifier.verify(HmacSha256Signer.sign(secret, utf8("y")), utf8("y"));
    }

    @Test
    void sharedAcrossThreads() throws Exception {
        Secret secret = Secret.of("s");
        HmacSha256Verifier verifier = HmacSha256Verifier.of(secret);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        byte[] body = utf8("body-" + seed + "-" + i);
                        byte[] sig = HmacSha256Signer.sign(secret, body);
                        verifier.verify(sig, body);
                        try {
                            verifier.verify(sig, utf8("other-" + i));
                            return false;
                        } catch (WebhookVerificationException expected) {
                            // forged: rejected
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requiresASecret() {
        assertThatThrownBy(() -> HmacSha256Verifier.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
