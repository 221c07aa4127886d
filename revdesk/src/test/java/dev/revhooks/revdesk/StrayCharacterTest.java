package dev.revhooks.revdesk;

import static dev.revhooks.revdesk.Fixtures.NUMBER_LIFECYCLE;
import static dev.revhooks.revdesk.Fixtures.SECRET;
import static dev.revhooks.revdesk.Fixtures.SIGNER;
import static dev.revhooks.revdesk.Fixtures.assertRejected;
import static dev.revhooks.revdesk.Fixtures.withSignature;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.testing.StrayCharacters;
import org.junit.jupiter.api.Test;

/** Only spaces and tabs are trimmed from {@code X-revdesk-Signature-256}; any other white space, control or format character rejects. */
class StrayCharacterTest {

    private static final RevDeskEventType PURCHASED = RevDeskEventType.NUMBER_PURCHASED;
    private static final RevDeskEventType SMS = RevDeskEventType.SMS_SENT;
    private static final RevDeskWebhooks SIGNED = RevDeskWebhooks.builder().secret(SECRET).build();
    private static final RevDeskWebhooks LENIENT = RevDeskWebhooks.builder().secret(SECRET)
            .acceptUnauthenticatedUnsignedEvents().acceptUnauthenticatedNoSecretProvided().build();

    private final String valid = SIGNER.signature(NUMBER_LIFECYCLE);

    @Test
    void everyStrayCharacterBeforeOrAfterAValidSignatureIsMalformed() {
        assertThat(StrayCharacters.codePoints()).contains(0x3000, 0x2003, 0x1F, 0xFEFF, 0x200B);
        for (String stray : StrayCharacters.strings()) {
            assertRejected(() -> SIGNED.verify(PURCHASED, withSignature(NUMBER_LIFECYCLE, valid + stray)),
                    FailureReason.MALFORMED_SIGNATURE);
            assertRejected(() -> SIGNED.verify(PURCHASED, withSignature(NUMBER_LIFECYCLE, stray + valid)),
                    FailureReason.MALFORMED_SIGNATURE);
            assertRejected(() -> SIGNED.receive(PURCHASED, withSignature(NUMBER_LIFECYCLE, " " + valid + stray + "\t")),
                    FailureReason.MALFORMED_SIGNATURE);
        }
    }

    @Test
    void theNoSecretMarkerWithAStrayCharacterIsMalformedEvenWhereItWouldBeAccepted() {
        for (String stray : StrayCharacters.strings()) {
            assertRejected(() -> LENIENT.verify(SMS, withSignature(NUMBER_LIFECYCLE, "no-secret-provided" + stray)),
                    FailureReason.MALFORMED_SIGNATURE);
        }
    }

    @Test
    void spacesAndTabsAroundAValidSignatureAreStillAccepted() throws Exception {
        for (String pad : StrayCharacters.optionalWhiteSpace()) {
            assertThat(SIGNED.verify(PURCHASED, withSignature(NUMBER_LIFECYCLE, pad + valid + pad)))
                    .isEqualTo(Authentication.hmacSignature("current"));
        }
        assertThat(LENIENT.verify(SMS, withSignature(NUMBER_LIFECYCLE, "\tno-secret-provided ")).method())
                .isEqualTo(Authentication.Method.NONE);
    }
}
