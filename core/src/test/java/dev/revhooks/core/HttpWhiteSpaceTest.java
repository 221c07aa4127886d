package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.testing.StrayCharacters;
import org.junit.jupiter.api.Test;

class HttpWhiteSpaceTest {

    private static final RequiredHeader SIGNATURE = RequiredHeader.of("X-Sig", FailureReason.MISSING_SIGNATURE);

    @Test
    void trimsSpacesAndTabsOnlyAndReturnsTheSameStringWhenThereAreNone() {
        assertThat(HttpWhiteSpace.trim(" \t a b \t ")).isEqualTo("a b");
        assertThat(HttpWhiteSpace.trim("\t")).isEmpty();
        assertThat(HttpWhiteSpace.trim("")).isEmpty();
        String plain = "abc";
        assertThat(HttpWhiteSpace.trim(plain)).isSameAs(plain);
        assertThat(HttpWhiteSpace.trim("\u3000abc\u3000")).isEqualTo("\u3000abc\u3000");
        assertThat(HttpWhiteSpace.trim("\nabc\r")).isEqualTo("\nabc\r");
        assertThat(HttpWhiteSpace.isOws(' ')).isTrue();
        assertThat(HttpWhiteSpace.isOws('\t')).isTrue();
        assertThat(HttpWhiteSpace.isOws('\n')).isFalse();
        assertThat(HttpWhiteSpace.isOws('\u00A0')).isFalse();
    }

    @Test
    void everyStrayCodePointIsForbiddenAndVisibleCharactersAreNot() {
        for (int codePoint : StrayCharacters.codePoints()) {
            assertThat(HttpWhiteSpace.isForbidden(codePoint)).as("U+%04X", codePoint).isTrue();
        }
        assertThat(StrayCharacters.codePoints()).contains(0x3000, 0x2003, 0x1F, 0x7F, 0x85, 0xA0, 0x200B, 0xFEFF,
                0x2028, 0x0A, 0x0D, 0x00);
        for (int c = 0x21; c < 0x7F; c++) {
            assertThat(HttpWhiteSpace.isForbidden(c)).isFalse();
        }
        assertThat(HttpWhiteSpace.isForbidden(' ')).isFalse();
        assertThat(HttpWhiteSpace.isForbidden('\t')).isFalse();
        assertThat(HttpWhiteSpace.isForbidden('é')).isFalse();
        assertThat(HttpWhiteSpace.isForbidden(0x1F600)).isFalse();
        assertThat(HttpWhiteSpace.isForbidden(0xE0001)).isTrue(); // LANGUAGE TAG, a format character
    }

    @Test
    void firstForbiddenGivesTheCharIndexOrMinusOne() {
        assertThat(HttpWhiteSpace.firstForbidden("abc")).isEqualTo(-1);
        assertThat(HttpWhiteSpace.firstForbidden("")).isEqualTo(-1);
        assertThat(HttpWhiteSpace.firstForbidden("a b\tc")).isEqualTo(-1);
        assertThat(HttpWhiteSpace.firstForbidden("ab\u3000")).isEqualTo(2);
        assertThat(HttpWhiteSpace.firstForbidden("\uD83D\uDE00x\u200B")).isEqualTo(3);
        assertThat(HttpWhiteSpace.firstForbidden("x\uD800")).isEqualTo(1);
        assertThat(HttpWhiteSpace.firstForbidden("\uDB40\uDC01")).isEqualTo(0);
    }

    @Test
    void aRequiredHeaderRejectsEveryStrayCharacterBeforeInsideOrAfterTheValue() {
        for (String stray : StrayCharacters.strings()) {
            for (String value : new String[] {"abc" + stray, stray + "abc", "a" + stray + "bc", " abc" + stray + " "}) {
                assertThatThrownBy(() -> SIGNATURE.read(headers(value)))
                        .as("U+%04X", value.codePointAt(value.indexOf(stray)))
                        .isInstanceOfSatisfying(WebhookVerificationException.class, e -> {
                            assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_SIGNATURE);
                            assertThat(e.getMessage()).contains("X-Sig header holds U+").doesNotContain("abc");
                        });
            }
        }
    }

    @Test
    void theMessageNamesTheCodePointAndItsIndex() {
        assertThatThrownBy(() -> SIGNATURE.read(headers(" ab\u3000")))
                .hasMessageContaining("X-Sig header holds U+3000 at index 2: white space, a control or a format"
                        + " character other than space and tab");
        assertThatThrownBy(() -> SIGNATURE.readIfPresent(headers("\u000Bab")))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_SIGNATURE))
                .hasMessageContaining("U+000B at index 0");
    }

    @Test
    void spacesAndTabsAroundAndInsideAreStillAccepted() throws Exception {
        for (String pad : StrayCharacters.optionalWhiteSpace()) {
            assertThat(SIGNATURE.read(headers(pad + "a b" + pad))).isEqualTo("a b");
            assertThat(SIGNATURE.readIfPresent(headers(pad + "a\tb" + pad))).isEqualTo("a\tb");
        }
        assertThat(SIGNATURE.read(headers(" \t "))).isEmpty();
    }

    private static WebhookHeaders headers(String value) {
        return WebhookHeaders.builder().add("X-Sig", value).build();
    }
}
