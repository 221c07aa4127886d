package dev.revhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretValueTest {

    private static SecretValue of(String value) throws UsageException {
        return SecretValue.fromEnvironment(Map.of("S", value), "S");
    }

    @Test
    void keepsTheValueExactlyAsGivenWhiteSpaceIncluded() throws UsageException {
        SecretValue secret = of(" abc\n");

        assertThat(secret.asGiven().bytes()).isEqualTo(" abc\n".getBytes(StandardCharsets.UTF_8));
        assertThat(secret.stripped().bytes()).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
        assertThat(secret.asGiven().id()).isEqualTo("S");
        assertThat(secret.hasSurroundingWhiteSpace()).isTrue();
        assertThat(of("abc").hasSurroundingWhiteSpace()).isFalse();
    }

    static Stream<Arguments> whiteSpace() {
        return Stream.of(
                Arguments.of("abc\n", "a trailing line feed"),
                Arguments.of("abc\r\n", "a trailing carriage return + line feed"),
                Arguments.of("  abc", "2 leading spaces"),
                Arguments.of("\tabc ", "a leading tab and a trailing space"),
                Arguments.of("abc \n", "2 trailing white-space characters (space, line feed)"),
                Arguments.of("abc\u2003\u2003", "2 trailing U+2003 characters"),
                Arguments.of("abc", ""));
    }

    @ParameterizedTest
    @MethodSource("whiteSpace")
    void describesTheWhiteSpaceWithoutShowingTheValue(String value, String description) throws UsageException {
        assertThat(of(value).describeWhiteSpace()).isEqualTo(description);
    }

    @Test
    void derivesThePrefixFormsFromTheValueWithoutWhiteSpace() throws UsageException {
        SecretValue secret = of("whsec_QUJD\n");

        assertThat(secret.startsWith("whsec_")).isTrue();
        assertThat(secret.withoutPrefix("whsec_").orElseThrow().bytes()).isEqualTo("QUJD".getBytes(StandardCharsets.UTF_8));
        assertThat(secret.base64DecodedAfter("whsec_", Base64.getDecoder()).orElseThrow().bytes())
                .isEqualTo("ABC".getBytes(StandardCharsets.UTF_8));
        assertThat(of("QUJD").withPrefix("whsec_").bytes()).isEqualTo("whsec_QUJD".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hasNoPrefixOrDecodedFormWhenNothingUsableFollowsThePrefix() throws UsageException {
        assertThat(of("whsec_").withoutPrefix("whsec_")).isEmpty();
        assertThat(of("whsec_").base64DecodedAfter("whsec_", Base64.getDecoder())).isEmpty();
        assertThat(of("whsec_not base64!").base64DecodedAfter("whsec_", Base64.getDecoder())).isEmpty();
    }

    @Test
    void isRedacted() throws UsageException {
        assertThat(of("hunter2-hunter2")).hasToString("SecretValue[S, value=<redacted>]");
    }

    @Test
    void refusesAnUnsetEmptyOrBlankVariable() {
        assertThatThrownBy(() -> SecretValue.fromEnvironment(Map.of(), "S")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("the environment variable S is not set");
        assertThatThrownBy(() -> of("")).isInstanceOf(UsageException.class)
                .hasMessage("the environment variable S is empty");
        assertThatThrownBy(() -> of(" \r\n")).isInstanceOf(UsageException.class)
                .hasMessage("the environment variable S holds only white space");
    }
}
