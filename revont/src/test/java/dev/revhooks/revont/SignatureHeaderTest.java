package dev.revhooks.revont;

import static dev.revhooks.revont.Fixtures.EXAMPLE_SECRET;
import static dev.revhooks.revont.Fixtures.GUIDE_EXAMPLE;
import static dev.revhooks.revont.Fixtures.SIGNER;
import static dev.revhooks.revont.Fixtures.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.signature.HexSignature;
import dev.revhooks.core.signature.HmacSha256Signer;
import org.junit.jupiter.api.Test;

/** The header as the receiver reads it, which the fuzz test compares against: the value checked, then the digits decoded. */
class SignatureHeaderTest {

    /** The receiver's reading: {@link SignatureHeader#value}, then the digits after the prefix as the verifier decodes them. */
    static byte[] read(WebhookHeaders headers) throws WebhookVerificationException {
        String value = SignatureHeader.value(SignatureHeader.HEADER, headers);
        return HexSignature.decode(value, SignatureHeader.PREFIX.length(), value.length());
    }

    @Test
    void readDecodesTheDigitsAfterThePrefix() throws Exception {
        WebhookHeaders headers = WebhookHeaders.builder()
                .add(SignatureHeader.NAME, SIGNER.signatureHeader(GUIDE_EXAMPLE)).build();
        assertThat(SignatureHeaderTest.read(headers))
                .isEqualTo(HmacSha256Signer.sign(EXAMPLE_SECRET, GUIDE_EXAMPLE));
        assertThat(SignatureHeader.value(SignatureHeader.HEADER, headers)).isEqualTo(SIGNER.signatureHeader(GUIDE_EXAMPLE));
    }

    @Test
    void readRejectsAMissingPrefixAndBadDigits() {
        WebhookHeaders noPrefix = WebhookHeaders.builder().add(SignatureHeader.NAME, "sha1=00").build();
        assertRejected(() -> SignatureHeaderTest.read(noPrefix), FailureReason.MALFORMED_SIGNATURE);
        WebhookHeaders shortDigits = WebhookHeaders.builder().add(SignatureHeader.NAME, "sha256=00").build();
        assertRejected(() -> SignatureHeaderTest.read(shortDigits), FailureReason.MALFORMED_SIGNATURE);
    }
}
