package dev.revhooks.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WebhookVerificationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HexSignatureTest {

    private static final String HEX = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void decodesLowerAndUpperCase() throws Exception {
        assertThat(HexSignature.decode(HEX)).hasSize(32).isEqualTo(HexSignature.decode(HEX.toUpperCase()));
        assertThat(HexSignature.decode(HEX)[0]).isEqualTo((byte) 0x75);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "75",
        "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1",
        "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e170",
        "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1g",
        "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1 ",
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b04",
    })
    void anythingButSixtyFourHexDigitsIsMalformed(String value) {
        assertThatThrownBy(() -> HexSignature.decode(value))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_SIGNATURE));
    }
}
