package dev.revhooks.core.sharedkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.HttpWhiteSpace;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.testing.ByteGen;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class SharedKeyVerifierTest {

    private static final String KEY = "rr_live_4f8a2b1c9d3e7f6a";
    private final SharedKeyVerifier verifier = SharedKeyVerifier.of("x-api-key",
            List.of(Secret.of("current", KEY), Secret.of("rr_live_previous")));

    private static WebhookHeaders key(String name, String value) {
        return WebhookHeaders.builder().add(name, value).build();
    }

    @Test
    void acceptsAnyConfiguredKeyInAnyHeaderCase() throws Exception {
        assertThat(verifier.verify(key("X-API-KEY", KEY)).credentialId()).isEqualTo("current");
        assertThat(verifier.verify(key("x-api-key", "rr_live_previous")).credentialId()).isEqualTo("secret-2");
        assertThat(verifier.header().name()).isEqualTo("x-api-key");
    }

    @Test
    void missingEmptyAndWrongKeysHaveDistinctReasons() {
        assertReason(WebhookHeaders.empty(), FailureReason.MISSING_SIGNATURE);
        assertReason(key("x-api-key", ""), FailureReason.MALFORMED_SIGNATURE);
        assertReason(key("x-api-key", "   "), FailureReason.MALFORMED_SIGNATURE);
        assertReason(key("x-api-key", KEY + "x"), FailureReason.SIGNATURE_MISMATCH);
        assertReason(key("x-api-key", KEY.substring(1)), FailureReason.SIGNATURE_MISMATCH);
        assertReason(WebhookHeaders.builder().add("x-api-key", KEY).add("X-Api-Key", KEY).build(),
                FailureReason.MALFORMED_SIGNATURE);
        assertReason(key("x-api-key", "k".repeat(8193)), FailureReason.HEADER_TOO_LARGE);
    }

    @Test
    void messagesAndToStringNeverShowAKey() {
        assertThatThrownBy(() -> verifier.verify(key("x-api-key", "rr_live_guess"))).hasMessageNotContaining("rr_live");
        assertThat(verifier.toString()).doesNotContain("rr_live").contains("current");
    }

    @Test
    void anyKeyDifferingInAnyByteOrLengthIsRejected() {
        qt().forAll(ByteGen.ascii(0, 40), ByteGen.ascii(0, 3)).checkAssert((prefix, suffix) -> {
            String candidate = prefix + suffix;
            if (candidate.strip().equals(KEY) || candidate.strip().equals("rr_live_previous")) {
                return;
            }
            assertThatThrownBy(() -> verifier.verify(key("x-api-key", candidate)))
                    .isInstanceOf(WebhookVerificationException.class);
        });
    }

    /** Short strings over a few ASCII and non-ASCII chars (and a lone surrogate), so equal pairs are common. */
    private static Gen<String> fewChars() {
        String alphabet = "ab?\u00e9\ud800\u20ac";
        return SourceDSL.lists().of(SourceDSL.integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 4)
                .map(indexes -> indexes.stream().map(alphabet::charAt).map(String::valueOf).reduce("", String::concat));
    }

    @Test
    void acceptsExactlyWhatMessageDigestIsEqualAcceptsOnTheUtf8Bytes() {
        Gen<byte[]> keys = fewChars().map(k -> k.isEmpty() ? "a" : k).map(ByteGen::utf8)
                .mix(ByteGen.bytes(1, 4), 30);
        qt().forAll(fewChars(), keys).checkAssert((sent, key) -> {
            SharedKeyVerifier one = SharedKeyVerifier.of("x-api-key", List.of(Secret.ofBytes("k", key)));
            // A lone surrogate would encode as '?': it is refused as malformed before any comparison.
            boolean stray = HttpWhiteSpace.firstForbidden(sent) >= 0;
            boolean expected = !sent.isEmpty() && !stray && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), key);
            if (expected) {
                assertThatCode(() -> assertThat(one.verify(key("x-api-key", sent)).credentialId()).isEqualTo("k"))
                        .doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> one.verify(key("x-api-key", sent)))
                        .isInstanceOfSatisfying(WebhookVerificationException.class, e -> assertThat(e.reason())
                                .isEqualTo(sent.isEmpty() || stray ? FailureReason.MALFORMED_SIGNATURE : FailureReason.SIGNATURE_MISMATCH));
            }
        });
    }

    @Test
    void anAsciiValueThatIsAPrefixOrExtensionOfTheKeyIsRejected() {
        SharedKeyVerifier one = SharedKeyVerifier.of("x-api-key", List.of(Secret.of("abcd")));
        for (String sent : List.of("abc", "abcde", "abcdabcd", "a", "bcd", "abce")) {
            assertThatThrownBy(() -> one.verify(key("x-api-key", sent))).isInstanceOfSatisfying(
                    WebhookVerificationException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.SIGNATURE_MISMATCH));
        }
    }

    @Test
    void aNonAsciiKeyMatchesItsOwnTextAndNotItsAsciiLookalike() throws Exception {
        SharedKeyVerifier one = SharedKeyVerifier.of("x-api-key", List.of(Secret.of("cl\u00e9")));
        assertThat(one.verify(key("x-api-key", "cl\u00e9")).credentialId()).isEqualTo("secret-1");
        assertReason(one, key("x-api-key", "cle"), FailureReason.SIGNATURE_MISMATCH);
        assertReason(one, key("x-api-key", "cl\u00c3\u00a9"), FailureReason.SIGNATURE_MISMATCH);
    }

    @Test
    void theFirstNonAsciiCharIsComparedOnItsUtf8Bytes() throws Exception {
        // U+00FF is C3 BF in UTF-8: compared as one char it would match neither key.
        SharedKeyVerifier one = SharedKeyVerifier.of("x-api-key", List.of(Secret.of("\u00ff")));
        assertThat(one.verify(key("x-api-key", "\u00ff")).credentialId()).isEqualTo("secret-1");
        SharedKeyVerifier raw = SharedKeyVerifier.of("x-api-key", List.of(Secret.ofBytes(null, new byte[] {(byte) 0xFF})));
        assertReason(raw, key("x-api-key", "\u00ff"), FailureReason.SIGNATURE_MISMATCH);
        // U+0080 is a control character: malformed, whatever the keys.
        SharedKeyVerifier control = SharedKeyVerifier.of("x-api-key", List.of(Secret.of("\u0080")));
        assertReason(control, key("x-api-key", "\u0080"), FailureReason.MALFORMED_SIGNATURE);
    }

    @Test
    void requiresAKey() {
        assertThatThrownBy(() -> SharedKeyVerifier.of("x-api-key", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertReason(WebhookHeaders headers, FailureReason reason) {
        assertReason(verifier, headers, reason);
    }

    private static void assertReason(SharedKeyVerifier verifier, WebhookHeaders headers, FailureReason reason) {
        assertThatThrownBy(() -> verifier.verify(headers)).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
