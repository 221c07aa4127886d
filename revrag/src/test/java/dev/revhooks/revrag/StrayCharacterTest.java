package dev.revhooks.revrag;

import static dev.revhooks.revrag.Fixtures.EVENT;
import static dev.revhooks.revrag.Fixtures.RECEIVER;
import static dev.revhooks.revrag.Fixtures.SIGNATURE;
import static dev.revhooks.revrag.Fixtures.TIMESTAMP;
import static dev.revhooks.revrag.Fixtures.WEBHOOK_ID;
import static dev.revhooks.revrag.Fixtures.exampleBody;
import static dev.revhooks.revrag.Fixtures.signed;
import static dev.revhooks.revrag.Fixtures.withHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.testing.StrayCharacters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Only spaces and tabs are trimmed from RevRag's {@code t=..,v1=..} header and its timestamp header;
 * any other white space, control or format character rejects, and voids an unauthenticated hint.
 */
class StrayCharacterTest {

    private static final byte[] BODY = exampleBody();
    private static final WebhookRequest VALID = signed(BODY);
    private static final String SIGNATURE_VALUE = VALID.headers().all(SIGNATURE).get(0);
    private static final String TIMESTAMP_VALUE = VALID.headers().all(TIMESTAMP).get(0);

    @Test
    void everyStrayCharacterInTheSignatureHeaderIsMalformed() {
        assertThat(StrayCharacters.codePoints()).contains(0x3000, 0x2003, 0x1F, 0xFEFF, 0x200B);
        int comma = SIGNATURE_VALUE.indexOf(',');
        for (String stray : StrayCharacters.strings()) {
            assertMalformed(withHeader(VALID, SIGNATURE, SIGNATURE_VALUE + stray));
            assertMalformed(withHeader(VALID, SIGNATURE, stray + SIGNATURE_VALUE));
            // around an entry, where spaces and tabs are allowed
            assertMalformed(withHeader(VALID, SIGNATURE,
                    SIGNATURE_VALUE.substring(0, comma + 1) + stray + SIGNATURE_VALUE.substring(comma + 1)));
        }
    }

    @Test
    void everyStrayCharacterInTheTimestampHeaderIsMalformed() {
        for (String stray : StrayCharacters.strings()) {
            assertMalformed(withHeader(VALID, TIMESTAMP, TIMESTAMP_VALUE + stray));
            assertMalformed(withHeader(VALID, TIMESTAMP, stray + TIMESTAMP_VALUE));
        }
    }

    @Test
    void spacesAndTabsAroundTheHeadersAndTheirEntriesAreStillAccepted() throws Exception {
        String spaced = SIGNATURE_VALUE.replace(",", " \t, \t");
        for (String pad : StrayCharacters.optionalWhiteSpace()) {
            WebhookRequest padded = withHeader(withHeader(VALID, SIGNATURE, pad + spaced + pad),
                    TIMESTAMP, pad + TIMESTAMP_VALUE + pad);
            assertThat(RECEIVER.verify(padded).credentialId()).isEqualTo("current");
        }
    }

    @Test
    void aHintWithAStrayCharacterIsNullAndOneWithSpacesIsTrimmed() throws Exception {
        WebhookRequest hinted = withHeader(withHeader(VALID, EVENT, "call.ended\u3000"), WEBHOOK_ID, "\u200Bevt_1");
        UnauthenticatedHints hints = UnauthenticatedHints.from(hinted.headers());
        assertThat(hints.event()).isNull();
        assertThat(hints.webhookId()).isNull();
        WebhookRequest spaced = withHeader(withHeader(VALID, EVENT, " call.ended\t"), WEBHOOK_ID, "\tevt_1 ");
        assertThat(UnauthenticatedHints.from(spaced.headers())).isEqualTo(new UnauthenticatedHints("evt_1", "call.ended"));
    }

    private static void assertMalformed(WebhookRequest request) {
        for (Executable call : new Executable[] {() -> RECEIVER.verify(request), () -> RECEIVER.receive(request)}) {
            assertThatThrownBy(call::execute).isInstanceOfSatisfying(WebhookVerificationException.class,
                    e -> assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_SIGNATURE));
        }
    }
}
