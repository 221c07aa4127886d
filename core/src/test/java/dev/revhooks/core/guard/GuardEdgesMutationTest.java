package dev.revhooks.core.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of the request guards: the largest and smallest prefix lengths, a path or a
 * forwarded-for chain holding exactly what is needed, and the detail each refusal names.
 */
class GuardEdgesMutationTest {

    private static final Secret TOKEN = Secret.of("t0k3n-9f8e7d6c");

    private static WebhookRequest.Builder request() {
        return WebhookRequest.builder(new byte[0]);
    }

    private static void assertRefused(RequestGuard guard, WebhookRequest request, String detail) {
        assertThatThrownBy(() -> guard.check(request)).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(FailureReason.REQUEST_GUARD_FAILED))
                .hasMessageContaining(detail).hasMessageNotContaining("t0k3n");
    }

    @ParameterizedTest
    @CsvSource({
        "203.0.113.7/32, 203.0.113.7, true",
        "203.0.113.7/32, 203.0.113.6, false",
        "2001:db8::1/128, 2001:db8::1, true",
        "2001:db8::1/128, 2001:db8::2, false",
        "::ffff:203.0.113.7/128, 203.0.113.7, true",
        "::ffff:203.0.113.7/128, 203.0.113.6, false",
        "::ffff:0.0.0.0/96, 198.51.100.1, true",
        "::/0, 2001:db8::1, true",
    })
    void thePrefixLengthsAtEitherEndAreRanges(String range, String address, boolean inside) {
        assertThat(CidrRange.parse(range).contains(IpLiteral.parse(address))).isEqualTo(inside);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/-1", "::ffff:203.0.113.0/95", "::ffff:203.0.113.0/129", "2001:db8::/-1"})
    void prefixLengthsOutsideTheAddressAreRefused(String range) {
        assertThatIllegalArgumentException().isThrownBy(() -> CidrRange.parse(range))
                .withMessage("prefix length out of range in " + range);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0:0:0:0:0:0:0:1",
        "9:0:0:0:0:0:0:1",
        "a:0:0:0:0:0:0:1",
        "f:0:0:0:0:0:0:1",
        "A:0:0:0:0:0:0:1",
        "F:0:0:0:0:0:0:1",
        "::9:a:f:A:F:0",
        "0000:0000:0000:0000:0000:0000:192.168.100.200",
    })
    void everyHexDigitAndTheLongestLiteralParse(String literal) {
        assertThat(literal.length()).isLessThanOrEqualTo(45);
        assertThat(IpLiteral.parse(literal)).as(literal).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/:0:0:0:0:0:0:1", "g::1", "G::1", "@::1", "`::1", "::1/", "::g", "::G", "::@", "::`",
        "0000:0000:0000:0000:0000:0000:192.168.100.2001"})
    void charactersJustOutsideTheHexRangesAndLongerTextsAreNotLiterals(String text) {
        assertThat(IpLiteral.parse(text)).as(text).isNull();
    }

    @Test
    void refusalsNameThePartThatIsWrong() {
        assertThatIllegalArgumentException().isThrownBy(() -> CidrRange.parse("/24"))
                .withMessage("not an IP address literal: ");
        assertThatIllegalArgumentException().isThrownBy(() -> CidrRange.parse("10.0.0.0/x"))
                .withMessage("not a prefix length: x");
    }

    @Test
    void aPathThatIsOnlyTheTokenIsItsLastSegment() {
        RequestGuard guard = PathTokenGuard.lastPathSegment(TOKEN);
        assertThatCode(() -> guard.check(request().path("t0k3n-9f8e7d6c").build())).doesNotThrowAnyException();
        assertRefused(guard, request().path("wrong").build(), "path token does not match");
        assertRefused(guard, request().path("//").build(), "the request path has no token segment");
        assertRefused(guard, request().build(), "the request path was not supplied");
    }

    @Test
    void queryRefusalsSayWhatWasWrong() {
        RequestGuard guard = PathTokenGuard.queryParameter("token", TOKEN);
        assertRefused(guard, request().query("token=wrong").build(), "query token does not match");
        assertRefused(guard, request().query("other=t0k3n-9f8e7d6c").build(), "no token query parameter");
        assertRefused(guard, request().query("token=a&token=b").build(), "token query parameter sent 2 times");
        assertRefused(guard, request().build(), "no query string");
        assertRefused(guard, request().query("token=%zz").build(), "malformed percent-encoding");
    }

    @Test
    void guardsDescribeThemselvesWithoutTheToken() {
        assertThat(PathTokenGuard.lastPathSegment(TOKEN)).hasToString("PathTokenGuard[last path segment]");
        assertThat(PathTokenGuard.queryParameter("token", TOKEN)).hasToString("PathTokenGuard[query parameter token]");
        SourceAddressGuard peer = SourceAddressGuard.allowing(List.of("203.0.113.0/24", "2001:db8::/32"));
        assertThat(peer).hasToString("SourceAddressGuard[203.0.113.0/24, 2001:db8::/32]");
        assertThat(peer.trustingProxyHops(2)).hasToString("SourceAddressGuard[203.0.113.0/24, 2001:db8::/32][proxy hops 2]");
    }

    @Test
    void aChainAsLongAsTheTrustedHopsGivesItsFirstEntry() {
        SourceAddressGuard guard = SourceAddressGuard.allowing(List.of("203.0.113.0/24")).trustingProxyHops(2);
        assertThatCode(() -> guard.check(request().header("X-Forwarded-For", "203.0.113.10, 10.0.0.1").build()))
                .doesNotThrowAnyException();
        assertRefused(guard, request().header("X-Forwarded-For", "10.0.0.1").build(),
                "X-Forwarded-For has fewer entries than the trusted proxy hops");
    }

    @Test
    void zeroTrustedHopsIsThePeerAddress() {
        SourceAddressGuard guard = SourceAddressGuard.allowing(List.of("203.0.113.0/24")).trustingProxyHops(0);
        assertThatCode(() -> guard.check(request().remoteAddress("203.0.113.10").build())).doesNotThrowAnyException();
        assertRefused(guard, request().remoteAddress("198.51.100.1").header("X-Forwarded-For", "203.0.113.10").build(),
                "source address not allowed");
        assertRefused(guard, request().build(), "remote address was not supplied");
        assertRefused(guard, request().remoteAddress("not-an-ip").build(), "client address is not an IP literal");
    }
}
