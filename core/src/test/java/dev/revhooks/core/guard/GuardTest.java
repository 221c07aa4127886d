package dev.revhooks.core.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuardTest {

    private static final Secret TOKEN = Secret.of("t0k3n-9f8e7d6c");

    private static WebhookRequest.Builder request() {
        return WebhookRequest.builder(new byte[0]);
    }

    private static void assertRefused(RequestGuard guard, WebhookRequest request) {
        assertThatThrownBy(() -> guard.check(request)).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(FailureReason.REQUEST_GUARD_FAILED))
                .hasMessageNotContaining("t0k3n");
    }

    @Test
    void queryTokenMustAppearOnceAndMatch() {
        RequestGuard guard = PathTokenGuard.queryParameter("token", TOKEN);
        assertThatCode(() -> guard.check(request().query("a=1&token=t0k3n-9f8e7d6c").build())).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(request().query("token=t0k3n%2D9f8e7d6c").build())).doesNotThrowAnyException();
        assertRefused(guard, request().build());
        assertRefused(guard, request().query("a=1").build());
        assertRefused(guard, request().query("token=t0k3n-9f8e7d6").build());
        assertRefused(guard, request().query("token").build());
        assertRefused(guard, request().query("token=t0k3n-9f8e7d6c&token=x").build());
        assertRefused(guard, request().query("token=%zz").build());
    }

    @Test
    void pathTokenIsTheLastNonEmptySegment() {
        RequestGuard guard = PathTokenGuard.lastPathSegment(TOKEN);
        assertThatCode(() -> guard.check(request().path("/hooks/revdesk/t0k3n-9f8e7d6c").build())).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(request().path("/hooks/t0k3n-9f8e7d6c/").build())).doesNotThrowAnyException();
        assertRefused(guard, request().path("/hooks/revdesk").build());
        assertRefused(guard, request().path("/t0k3n-9f8e7d6c/hooks").build());
        assertRefused(guard, request().path("/").build());
        assertRefused(guard, request().build());
        assertThat(guard.toString()).doesNotContain("t0k3n");
    }

    @ParameterizedTest
    @CsvSource({
        "203.0.113.0/24, 203.0.113.0, true",
        "203.0.113.0/24, 203.0.113.255, true",
        "203.0.113.0/24, 203.0.112.255, false",
        "203.0.113.0/24, 203.0.114.0, false",
        "203.0.113.7, 203.0.113.7, true",
        "203.0.113.7, 203.0.113.8, false",
        "0.0.0.0/0, 198.51.100.1, true",
        "10.0.0.0/8, 10.255.255.255, true",
        "10.0.0.0/8, 11.0.0.0, false",
        "203.0.113.0/24, ::ffff:203.0.113.9, true",
        "203.0.113.0/24, ::ffff:203.0.114.9, false",
        "::ffff:203.0.113.0/120, 203.0.113.200, true",
        "2001:db8::/32, 2001:db8::, true",
        "2001:db8::/32, 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, true",
        "2001:db8::/32, 2001:db9::, false",
        "2001:db8::/32, 2001:db7:ffff:ffff:ffff:ffff:ffff:ffff, false",
        "2001:db8::/32, 203.0.113.1, false",
        "203.0.113.0/24, 2001:db8::1, false",
        "[2001:db8::1], [2001:db8::1], true",
        "203.0.113.5/30, 203.0.113.7, true",
        "203.0.113.5/30, 203.0.113.8, false",
    })
    void cidrEdges(String range, String address, boolean inside) {
        assertThat(CidrRange.parse(range).contains(IpLiteral.parse(address))).isEqualTo(inside);
    }

    @Test
    void rangesAndAddressesAreLiteralsOnly() {
        assertThatThrownBy(() -> CidrRange.parse("example.com/24")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CidrRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CidrRange.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CidrRange.parse("2001:db8::/129")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CidrRange.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(IpLiteral.parse("localhost")).isNull();
        assertThat(IpLiteral.parse("1.2.3")).isNull();
        assertThat(IpLiteral.parse("1.2.3.256")).isNull();
        assertThat(IpLiteral.parse("01.2.3.4")).isNull();
        assertThat(IpLiteral.parse("1.2.3.4.5")).isNull();
        assertThat(IpLiteral.parse("fe80::1%eth0")).isNull();
        assertThat(IpLiteral.parse("abc:xyz")).isNull();
        assertThat(IpLiteral.parse("::g")).isNull();
        assertThat(IpLiteral.parse("")).isNull();
        assertThat(IpLiteral.parse(null)).isNull();
        assertThat(CidrRange.parse("10.0.0.0/8").toString()).isEqualTo("10.0.0.0/8");
    }

    @Test
    void sourceAddressUsesThePeerAndIgnoresForwardedForByDefault() {
        SourceAddressGuard guard = SourceAddressGuard.allowing(List.of("203.0.113.0/24", "2001:db8::/32"));
        assertThatCode(() -> guard.check(request().remoteAddress("203.0.113.10").build())).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(request().remoteAddress("2001:db8::5").build())).doesNotThrowAnyException();
        assertRefused(guard, request().remoteAddress("198.51.100.1").header("X-Forwarded-For", "203.0.113.10").build());
        assertRefused(guard, request().build());
        assertRefused(guard, request().remoteAddress("not-an-ip").build());
    }

    @Test
    void trustedProxyHopsPickTheirEntryFromTheRight() {
        SourceAddressGuard guard = SourceAddressGuard.allowing(List.of("203.0.113.0/24")).trustingProxyHops(1);
        // the client can prepend anything; the rightmost entry was written by our own proxy
        assertThatCode(() -> guard.check(request().remoteAddress("10.0.0.1")
                .header("X-Forwarded-For", "198.51.100.1, 203.0.113.10").build())).doesNotThrowAnyException();
        assertRefused(guard, request().remoteAddress("10.0.0.1")
                .header("X-Forwarded-For", "203.0.113.10, 198.51.100.1").build());
        assertRefused(guard, request().remoteAddress("203.0.113.10").build());

        SourceAddressGuard twoHops = SourceAddressGuard.allowing(List.of("203.0.113.0/24")).trustingProxyHops(2);
        assertThatCode(() -> twoHops.check(request().header("X-Forwarded-For", "1.1.1.1, 203.0.113.10")
                .header("x-forwarded-for", "10.0.0.2").build())).doesNotThrowAnyException();
        assertRefused(twoHops, request().header("X-Forwarded-For", "203.0.113.10").build());
        assertThatThrownBy(() -> guard.trustingProxyHops(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceAddressGuard.allowing(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allOfRequiresEveryGuard() {
        RequestGuard both = RequestGuard.allOf(List.of(PathTokenGuard.queryParameter("token", TOKEN),
                SourceAddressGuard.allowing(List.of("203.0.113.0/24"))));
        assertThatCode(() -> both.check(request().query("token=t0k3n-9f8e7d6c").remoteAddress("203.0.113.1").build()))
                .doesNotThrowAnyException();
        assertRefused(both, request().query("token=t0k3n-9f8e7d6c").remoteAddress("198.51.100.1").build());
        assertRefused(both, request().query("token=wrong").remoteAddress("203.0.113.1").build());
        assertThatThrownBy(() -> RequestGuard.allOf(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forwardedForEntriesAreTrimmedOfSpacesAndTabsOnly() {
        SourceAddressGuard guard = SourceAddressGuard.allowing(List.of("203.0.113.0/24")).trustingProxyHops(1);
        assertThatCode(() -> guard.check(request().header("X-Forwarded-For", "1.1.1.1,\t203.0.113.10 \t").build()))
                .doesNotThrowAnyException();
        for (String stray : dev.revhooks.core.testing.StrayCharacters.strings()) {
            assertRefused(guard, request().header("X-Forwarded-For", "1.1.1.1, 203.0.113.10" + stray).build());
            assertRefused(guard, request().header("X-Forwarded-For", "1.1.1.1," + stray + "203.0.113.10").build());
        }
        assertThat(IpLiteral.parse(" 203.0.113.10\t")).isNotNull();
        assertThat(IpLiteral.parse("203.0.113.10\u3000")).isNull();
        assertThat(IpLiteral.parse("\u00A0::1")).isNull();
    }
}
