package dev.revhooks.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.characters;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

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
        // digits of other scripts are digits to Character.digit, not hex digits here
        "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662\u0663\u0664\u0665"
            + "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662\u0663\u0664\u0665"
            + "0123456789abcdef0123456789abcdef",
        "\uff10\uff11" + "07ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17" + "\uff10\uff11",
    })
    void anythingButSixtyFourHexDigitsIsMalformed(String value) {
        assertThatThrownBy(() -> HexSignature.decode(value))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_SIGNATURE));
    }

    @Test
    void aRangeOfAHeaderValueDecodesWithoutCopying() throws Exception {
        String value = "t=1,v1=" + HEX + ",v0=x";
        assertThat(HexSignature.decode(value, 7, 7 + 64)).isEqualTo(HexSignature.decode(HEX));
        assertThatThrownBy(() -> HexSignature.decode(value, 6, 6 + 64))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_SIGNATURE));
        assertThatThrownBy(() -> HexSignature.decode(value, 7, 7 + 63))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_SIGNATURE));
        assertThatThrownBy(() -> HexSignature.decode(value, 7, value.length() + 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> HexSignature.decode(value, 8, 7))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void anyBytesInEitherCaseRoundTripAndAnyCharacterOutsideHexIsMalformed() {
        qt().withExamples(3_000).forAll(lists().of(integers().between(0, 255)).ofSize(32), integers().between(0, 63),
                        characters().basicMultilingualPlane())
                .checkAssert((values, at, replacement) -> {
                    byte[] bytes = new byte[32];
                    StringBuilder hex = new StringBuilder("sha256=");
                    for (int i = 0; i < 32; i++) {
                        bytes[i] = (byte) (int) values.get(i);
                        String pair = String.format("%02x", values.get(i));
                        hex.append(i % 2 == 0 ? pair : pair.toUpperCase(java.util.Locale.ROOT));
                    }
                    String value = hex.toString();
                    assertThat(decodes(value, 7)).isEqualTo(bytes);
                    char c = replacement;
                    boolean isHex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                    String tampered = value.substring(0, 7 + at) + c + value.substring(8 + at);
                    if (isHex) {
                        assertThat(decodes(tampered, 7)).isNotNull();
                    } else {
                        assertThatThrownBy(() -> HexSignature.decode(tampered, 7, tampered.length()))
                                .isInstanceOfSatisfying(WebhookVerificationException.class,
                                        e -> assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_SIGNATURE));
                    }
                });
    }

    private static byte[] decodes(String value, int from) {
        try {
            return HexSignature.decode(value, from, value.length());
        } catch (WebhookVerificationException e) {
            throw new AssertionError(value, e);
        }
    }
}
