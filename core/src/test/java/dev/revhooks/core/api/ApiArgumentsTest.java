package dev.revhooks.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The argument checks: exact messages, which name the argument and never echo a URL. */
class ApiArgumentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/x", "HTTPS://hooks.example.com", "https://127.0.0.1:8443/x?q=1"})
    void acceptsAnHttpsUrlWithAHostUnchanged(String url) {
        assertThat(ApiArguments.httpsUrl("the webhook url", url)).isSameAs(url);
    }

    static Stream<Arguments> invalidUrls() {
        return Stream.of(
                Arguments.of(null, "the webhook url must not be null"),
                Arguments.of("http://hooks.example.com/tok3n-SECRET-path", "the webhook url must be an https:// URL, not http://"),
                Arguments.of("http://localhost:8080/tok3n-SECRET-path", "the webhook url must be an https:// URL, not http://"),
                Arguments.of("ftp://hooks.example.com/tok3n-SECRET-path", "the webhook url must be an https:// URL, not ftp://"),
                Arguments.of("hooks.example.com/tok3n-SECRET-path", "the webhook url must be an https:// URL"),
                Arguments.of("", "the webhook url must be an https:// URL"),
                Arguments.of("https:///tok3n-SECRET-path",
                        "the webhook url must name a host (a DNS name or an IP address)"),
                Arguments.of("https:// hooks.example.com/tok3n-SECRET-path",
                        "the webhook url is not a valid URL: Illegal character in authority at index 8"),
                Arguments.of(" https://hooks.example.com/tok3n-SECRET-path",
                        "the webhook url is not a valid URL: Illegal character in scheme name at index 0"));
    }

    @ParameterizedTest
    @MethodSource("invalidUrls")
    void refusesAnythingButAnHttpsUrlWithAHostWithoutEchoingIt(String url, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> ApiArguments.httpsUrl("the webhook url", url))
                .withMessage(message)
                .withNoCause();
    }

    @Test
    void acceptsTextAndOptionalTextUnchanged() {
        assertThat(ApiArguments.text("an event name", "call.ended")).isEqualTo("call.ended");
        assertThat(ApiArguments.optionalText("the workflow id", "wf 1")).isEqualTo("wf 1");
        assertThat(ApiArguments.optionalText("the workflow id", null)).isNull();
    }

    static Stream<Arguments> invalidText() {
        return Stream.of(
                Arguments.of(null, "the id must not be null"),
                Arguments.of("", "the id must not be blank"),
                Arguments.of(" \t", "the id must not be blank"),
                Arguments.of(" a", "the id must not have leading or trailing white space"),
                Arguments.of("a\n", "the id must not have leading or trailing white space"));
    }

    @ParameterizedTest
    @MethodSource("invalidText")
    void refusesMissingBlankOrPaddedText(String value, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> ApiArguments.text("the id", value)).withMessage(message);
        if (value != null) {
            assertThatIllegalArgumentException().isThrownBy(() -> ApiArguments.optionalText("the id", value))
                    .withMessage(message);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> ApiArguments.pathSegment("the id", value))
                .withMessage(message);
    }

    static Stream<Arguments> encodedIds() {
        return Stream.of(
                Arguments.of("wh_01HX9ABCDE", "wh_01HX9ABCDE"),
                Arguments.of("a/../../admin", "a%2F..%2F..%2Fadmin"),
                Arguments.of("wh 1?x=1#f", "wh%201%3Fx%3D1%23f"),
                Arguments.of("wh-é~_.", "wh-%C3%A9~_."),
                Arguments.of("whk_…", "whk_%E2%80%A6"),
                Arguments.of("%2F", "%252F"),
                Arguments.of("...", "..."));
    }

    @ParameterizedTest
    @MethodSource("encodedIds")
    void encodesAnIdAsOnePathSegment(String id, String segment) {
        assertThat(ApiArguments.pathSegment("the id", id)).isEqualTo(segment);
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void refusesAnIdThatWouldNameAnotherPath(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> ApiArguments.pathSegment("the id", id))
                .withMessage("the id must not be \".\" or \"..\"");
    }
}
