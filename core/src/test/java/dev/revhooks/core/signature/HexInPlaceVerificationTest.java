package dev.revhooks.core.signature;

import static dev.revhooks.core.testing.ByteGen.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@link HmacSha256Verifier#verifyHex} and {@link HmacSha256Verifier#verifyAnyHex}: the hex digits
 * read in place, every rejection with its reason, and nothing carried from one call to the next.
 */
class HexInPlaceVerificationTest {

    private static final Secret CURRENT = Secret.of("current", "whsec_current");
    private static final Secret PREVIOUS = Secret.of("previous", "whsec_previous");
    private static final byte[] BODY = utf8("{\"event\":\"summary.ready\"}");
    private static final byte[] DOT = {'.'};
    private static final HmacSha256Verifier.HexCandidates V1 = (value, from) -> {
        int at = value.indexOf("v1=", from);
        return at < 0 ? -1 : at + 3;
    };

    private final HmacSha256Verifier verifier = HmacSha256Verifier.of(List.of(CURRENT, PREVIOUS));

    @Test
    void verifyHexAcceptsTheDigitsInPlaceInEitherCaseAndNamesTheSecret() throws Exception {
        String header = "sha256=" + HmacSha256Signer.hex(PREVIOUS, BODY);
        assertThat(verifier.verifyHex(header, 7, header.length(), BODY).credentialId()).isEqualTo("previous");
        String upper = header.toUpperCase(Locale.ROOT);
        assertThat(verifier.verifyHex(upper, 7, upper.length(), BODY).credentialId()).isEqualTo("previous");
        String first = HmacSha256Signer.hex(CURRENT, BODY) + ";rest";
        assertThat(verifier.verifyHex(first, 0, 64, BODY).credentialId()).isEqualTo("current");
    }

    @Test
    void verifyHexRejectsMalformedDigitsWrongLengthsAndOtherMessages() {
        String hex = HmacSha256Signer.hex(CURRENT, BODY);
        assertRejected(() -> verifier.verifyHex(hex, 0, 63, BODY), FailureReason.MALFORMED_SIGNATURE);
        assertRejected(() -> verifier.verifyHex(hex + "0", 0, 65, BODY), FailureReason.MALFORMED_SIGNATURE);
        assertRejected(() -> verifier.verifyHex("g" + hex.substring(1), 0, 64, BODY), FailureReason.MALFORMED_SIGNATURE);
        // another script's digit is not hex
        assertRejected(() -> verifier.verifyHex(hex.substring(0, 63) + "\u0661", 0, 64, BODY),
                FailureReason.MALFORMED_SIGNATURE);
        assertRejected(() -> verifier.verifyHex(hex, 0, 64, utf8("{}")), FailureReason.SIGNATURE_MISMATCH);
        assertThatThrownBy(() -> verifier.verifyHex(hex, 1, 65, BODY)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aRejectedCallAfterAnAcceptedOneOnTheSameThreadIsRejected() throws Exception {
        String hex = HmacSha256Signer.hex(CURRENT, BODY);
        verifier.verifyHex(hex, 0, 64, BODY);
        // the thread's buffer still holds the accepted signature: a malformed one must not reach it
        assertRejected(() -> verifier.verifyHex(hex.substring(0, 63) + "x", 0, 64, BODY),
                FailureReason.MALFORMED_SIGNATURE);
        String header = "t=17,v1=" + HmacSha256Signer.hex(CURRENT, utf8("17"), DOT, BODY);
        verifier.verifyAnyHex(header, V1, 2, 4, (byte) '.', BODY);
        // no candidate at all: nothing is compared, nothing is accepted
        assertRejected(() -> verifier.verifyAnyHex("t=17", V1, 2, 4, (byte) '.', BODY), FailureReason.SIGNATURE_MISMATCH);
        assertRejected(() -> verifier.verifyAnyHex(header, V1, 2, 4, (byte) '.', utf8("{}")),
                FailureReason.SIGNATURE_MISMATCH);
    }

    @Test
    void verifyAnyHexSignsTheAsciiPartTheSeparatorAndTheBody() throws Exception {
        byte[] t = "1700000000".getBytes(StandardCharsets.US_ASCII);
        String header = "t=1700000000,v1=" + HmacSha256Signer.hex(Secret.of("other", "x"), t, DOT, BODY)
                + ",v1=" + HmacSha256Signer.hex(PREVIOUS, t, DOT, BODY);
        assertThat(verifier.verifyAnyHex(header, V1, 2, 12, (byte) '.', BODY).credentialId()).isEqualTo("previous");
        // another separator, another ASCII range, another body: another message
        assertRejected(() -> verifier.verifyAnyHex(header, V1, 2, 12, (byte) ':', BODY), FailureReason.SIGNATURE_MISMATCH);
        assertRejected(() -> verifier.verifyAnyHex(header, V1, 2, 11, (byte) '.', BODY), FailureReason.SIGNATURE_MISMATCH);
        assertRejected(() -> verifier.verifyAnyHex(header, V1, 3, 12, (byte) '.', BODY), FailureReason.SIGNATURE_MISMATCH);
        assertRejected(() -> verifier.verifyAnyHex(header, V1, 2, 12, (byte) '.', new byte[0]),
                FailureReason.SIGNATURE_MISMATCH);
        String current = "t=1700000000,v1=" + HmacSha256Signer.hex(CURRENT, t, DOT, BODY);
        assertThat(verifier.verifyAnyHex(current, V1, 2, 12, (byte) '.', BODY).credentialId()).isEqualTo("current");
    }

    @Test
    void aCandidateAtTheStartOfTheValueCounts() throws Exception {
        String value = HmacSha256Signer.hex(CURRENT, utf8("42"), DOT, BODY) + ";t=42";
        HmacSha256Verifier.HexCandidates first = (text, from) -> from == 0 ? 0 : -1;
        assertThat(verifier.verifyAnyHex(value, first, 67, 69, (byte) '.', BODY).credentialId()).isEqualTo("current");
    }

    @Test
    void verifyAnyHexRejectsAMalformedCandidateEvenAfterAMatch() throws Exception {
        byte[] t = utf8("5");
        String good = HmacSha256Signer.hex(CURRENT, t, DOT, BODY);
        String header = "t=5,v1=" + good + ",v1=" + good.substring(0, 63) + "z";
        assertRejected(() -> verifier.verifyAnyHex(header, V1, 2, 3, (byte) '.', BODY), FailureReason.MALFORMED_SIGNATURE);
        assertThatThrownBy(() -> verifier.verifyAnyHex("t=5,v1=abc", V1, 2, 3, (byte) '.', BODY))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> verifier.verifyAnyHex(header, V1, 2, header.length() + 1, (byte) '.', BODY))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> verifier.verifyAnyHex(header, V1, 3, 2, (byte) '.', BODY))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void checkAcceptsExactlyWhatDecodeAccepts() throws Exception {
        String hex = HmacSha256Signer.hex(CURRENT, BODY);
        HexSignature.check("sha256=" + hex, 7, 71);
        assertRejected(() -> HexSignature.check(hex, 0, 63), FailureReason.MALFORMED_SIGNATURE);
        assertRejected(() -> HexSignature.check(hex.replace(hex.charAt(10), '-'), 0, 64), FailureReason.MALFORMED_SIGNATURE);
        assertThatThrownBy(() -> HexSignature.check(hex, 1, 65)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, FailureReason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
