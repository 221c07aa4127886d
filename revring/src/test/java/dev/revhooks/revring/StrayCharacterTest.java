package dev.revhooks.revring;

import static dev.revhooks.revring.Fixtures.COMPLETED;
import static dev.revhooks.revring.Fixtures.KEY_VALUE;
import static dev.revhooks.revring.Fixtures.assertRejected;
import static dev.revhooks.revring.Fixtures.receiver;
import static dev.revhooks.revring.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.testing.StrayCharacters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A key with a stray character is never accepted: any white space, control or format character other
 * than surrounding spaces and tabs is malformed; a stray visible character is a mismatch.
 */
class StrayCharacterTest {

    private static final byte[] BODY = resource(COMPLETED);

    private final RevRingWebhooks receiver = receiver();

    private static WebhookRequest withKey(String value) {
        return WebhookRequest.of(BODY, Map.of("x-api-key", value));
    }

    @Test
    void everyStrayCharacterBeforeInsideOrAfterAValidKeyIsMalformed() {
        assertThat(StrayCharacters.codePoints()).contains(0x3000, 0x2003, 0x1F, 0xFEFF, 0x200B);
        String middle = KEY_VALUE.substring(0, 8);
        String rest = KEY_VALUE.substring(8);
        for (String stray : StrayCharacters.strings()) {
            assertRejected(() -> receiver.verify(withKey(KEY_VALUE + stray)), FailureReason.MALFORMED_SIGNATURE);
            assertRejected(() -> receiver.verify(withKey(stray + KEY_VALUE)), FailureReason.MALFORMED_SIGNATURE);
            assertRejected(() -> receiver.verify(withKey(middle + stray + rest)), FailureReason.MALFORMED_SIGNATURE);
            assertRejected(() -> receiver.receive(withKey("\t" + KEY_VALUE + stray + " ")),
                    FailureReason.MALFORMED_SIGNATURE);
        }
    }

    @Test
    void aStrayVisibleCharacterIsAMismatch() {
        for (String stray : new String[] {"x", "=", "\u00e9", "\u3001"}) {
            assertRejected(() -> receiver.verify(withKey(KEY_VALUE + stray)), FailureReason.SIGNATURE_MISMATCH);
        }
    }

    @Test
    void spacesAndTabsAroundAValidKeyAreStillAccepted() throws Exception {
        for (String pad : StrayCharacters.optionalWhiteSpace()) {
            assertThat(receiver.verify(withKey(pad + KEY_VALUE + pad)).credentialId()).isEqualTo("current");
        }
    }
}
