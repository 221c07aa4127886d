package dev.revhooks.revont;

import static dev.revhooks.revont.Fixtures.EXAMPLE_SECRET;
import static dev.revhooks.revont.Fixtures.GUIDE_EXAMPLE;
import static dev.revhooks.revont.Fixtures.SIGNER;
import static dev.revhooks.revont.Fixtures.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.signature.HmacSha256Signer;
import org.junit.jupiter.api.Test;

/** The header reader the fuzz test compares against: the value checked, then the digits decoded. */
class SignatureHeaderTest {

    @Test
    void readDecodesTheDigitsAfterThePrefix() throws Exception {
        WebhookHeaders headers = WebhookHeaders.builder()
                .add(SignatureHeader.NAME, SIGNER.signatureHeader(GUIDE_EXAMPLE)).build();
        assertThat(SignatureHeader.read(SignatureHeader.HEADER, headers))
                .isEqualTo(HmacSha256Signer.sign(EXAMPLE_SECRET, GUIDE_EXAMPLE));
        assertThat(SignatureHeader.value(SignatureHeader.HEADER, headers)).isEqualTo(SIGNER.signatureHeader(GUIDE_EXAMPLE));
    }

    @Test
    void readRejectsAMissingPrefixAndBadDigits() {
        WebhookHeaders noPrefix = WebhookHeaders.builder().add(SignatureHeader.NAME, "sha1=00").build();
        assertRejected(() -> SignatureHeader.read(SignatureHeader.HEADER, noPrefix), FailureReason.MALFORMED_SIGNATURE);
        WebhookHeaders shortDigits = WebhookHeaders.builder().add(SignatureHeader.NAME, "sha256=00").build();
        assertRejected(() -> SignatureHeader.read(SignatureHeader.HEADER, shortDigits), FailureReason.MALFORMED_SIGNATURE);
    }
}
