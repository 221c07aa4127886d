package dev.revhooks.revont;

import static dev.revhooks.revont.Fixtures.GUIDE_EXAMPLE;
import static dev.revhooks.revont.Fixtures.SIGNER;
import static dev.revhooks.revont.Fixtures.assertRejected;
import static dev.revhooks.revont.Fixtures.receiver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.testing.StrayCharacters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only spaces and tabs are trimmed from {@code X-Revont-Signature}; any other white space, control or format character rejects. */
class StrayCharacterTest {

    private final RevontWebhooks receiver = receiver();
    private final String valid = SIGNER.signatureHeader(GUIDE_EXAMPLE);

    private static WebhookRequest withSignature(String value) {
        return WebhookRequest.of(GUIDE_EXAMPLE, Map.of(SignatureHeader.NAME, value));
    }

    @Test
    void everyStrayCharacterBeforeOrAfterAValidSignatureIsMalformed() {
        assertThat(StrayCharacters.codePoints()).contains(0x3000, 0x2003, 0x1F, 0xFEFF, 0x200B);
        for (String stray : StrayCharacters.strings()) {
            assertRejected(() -> receiver.verify(withSignature(valid + stray)), FailureReason.MALFORMED_SIGNATURE);
            assertRejected(() -> receiver.verify(withSignature(stray + valid)), FailureReason.MALFORMED_SIGNATURE);
            assertRejected(() -> receiver.receive(withSignature(" " + valid + stray + "\t")),
                    FailureReason.MALFORMED_SIGNATURE);
        }
    }

    @Test
    void spacesAndTabsAroundAValidSignatureAreStillAccepted() throws Exception {
        for (String pad : StrayCharacters.optionalWhiteSpace()) {
            assertThat(receiver.verify(withSignature(pad + valid + pad))).isEqualTo(Authentication.hmacSignature("secret-1"));
        }
    }
}
