package dev.revhooks.core.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of {@link HexSignature#decode} and {@link HmacSha256Verifier}: a fuzzed
 * body, and either the body's true signature with a fuzzed mix of letter cases or any fuzzed text.
 * Decoding must accept exactly 64 ASCII hex digits (a regular expression is the model) and return
 * their bytes; verification must accept exactly the signature made with the secret, naming the
 * secret, and its messages must show neither the secret nor the expected signature.
 *
 * <p>Input layout (fuzz/README.md): from the end, "signed?" and (when signed) a 64-bit case mask;
 * from the start, the body (backslash-terminated), then the remaining bytes as the header text.
 */
class HexSignatureFuzzTest {

    private static final String SECRET_VALUE = "fuzz-secret-8c1d7e";
    private static final Secret SECRET = Secret.of("fuzz", SECRET_VALUE);
    private static final HmacSha256Verifier VERIFIER =
            HmacSha256Verifier.of(List.of(Secret.of("other", "another-secret-0b9a"), SECRET));
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

    @FuzzTest(maxDuration = "5m")
    void decodeAndVerify(FuzzedDataProvider data) {
        boolean signed = data.consumeBoolean();
        long caseMask = signed ? data.consumeLong() : 0;
        byte[] body = data.consumeString(300).getBytes(StandardCharsets.UTF_8);
        byte[] expected = HmacSha256Signer.sign(SECRET, body);
        String hex = signed ? mixCase(HexFormat.of().formatHex(expected), caseMask) : data.consumeRemainingAsString();

        byte[] decoded;
        try {
            decoded = HexSignature.decode(hex);
            assertThat(HEX64.matcher(hex).matches()).as("decoded %s", hex).isTrue();
            assertThat(decoded).isEqualTo(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
        } catch (WebhookVerificationException e) {
            assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_SIGNATURE);
            assertThat(HEX64.matcher(hex).matches()).as("refused %s", hex).isFalse();
            assertThat(signed).as("the true signature was refused").isFalse();
            return;
        }
        try {
            Authentication authentication = VERIFIER.verify(decoded, body);
            assertThat(decoded).as("accepted a signature not made with the secret").isEqualTo(expected);
            assertThat(authentication).isEqualTo(Authentication.hmacSignature("fuzz"));
            assertThat(VERIFIER.verifyAny(List.of(new byte[32], decoded), body)).isEqualTo(authentication);
        } catch (WebhookVerificationException e) {
            assertThat(e.reason()).isEqualTo(FailureReason.SIGNATURE_MISMATCH);
            assertThat(Arrays.equals(decoded, expected)).as("the true signature was refused").isFalse();
            assertThat(e.getMessage()).doesNotContain(SECRET_VALUE).doesNotContainIgnoringCase(HexFormat.of().formatHex(expected));
        }
    }

    /** Upper-cases the hex letters whose position is set in {@code mask} (positions 0-63). */
    private static String mixCase(String hex, long mask) {
        char[] chars = hex.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if ((mask >>> i & 1) != 0) {
                chars[i] = Character.toUpperCase(chars[i]);
            }
        }
        return new String(chars);
    }
}
