package dev.revhooks.core.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.HttpWhiteSpace;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of the request guards' parsers: address literals, CIDR ranges and
 * {@code X-Forwarded-For} chains ({@link #addresses}), and the path and query token
 * ({@link #tokens}). Input layouts are in fuzz/README.md.
 */
class GuardFuzzTest {

    private static final String TOKEN_VALUE = "t0k3n-9f8e7d6c";
    private static final PathTokenGuard QUERY_GUARD = PathTokenGuard.queryParameter("token", Secret.of(TOKEN_VALUE));
    private static final PathTokenGuard PATH_GUARD = PathTokenGuard.lastPathSegment(Secret.of(TOKEN_VALUE));

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    /**
     * Mode 0, free text: {@link IpLiteral#parse} never throws, accepts a text without a colon
     * exactly when it is a dotted quad (the model is a regular expression) and returns an address
     * whose own literal parses back to it; {@link CidrRange#parse} throws only
     * {@link IllegalArgumentException}. Mode 1, a range built from fuzzed bytes and prefix length,
     * and a fuzzed address: {@link CidrRange#contains} and {@link SourceAddressGuard} agree with a
     * bit-by-bit model. Mode 2, the same range behind 1-3 trusted proxies and fuzzed
     * {@code X-Forwarded-For} lines: the guard judges the entry the model picks from the right.
     */
    @FuzzTest(maxDuration = "5m")
    void addresses(FuzzedDataProvider data) throws UnknownHostException {
        switch (data.consumeInt(0, 2)) {
            case 0:
                freeText(data.consumeRemainingAsString());
                break;
            case 1:
                rangeAndPeer(data);
                break;
            default:
                rangeBehindProxies(data);
                break;
        }
    }

    private static void freeText(String text) {
        InetAddress address = IpLiteral.parse(text);
        String literal = HttpWhiteSpace.trim(text);
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.indexOf(':') < 0) {
            assertThat(address != null).as("IPv4 literal %s", text).isEqualTo(DOTTED_QUAD.matcher(literal).matches());
        }
        if (address != null) {
            assertThat(IpLiteral.parse(address.getHostAddress())).isEqualTo(address);
        }
        try {
            CidrRange range = CidrRange.parse(text);
            assertThat(range.toString()).isEqualTo(text.strip());
        } catch (IllegalArgumentException expected) {
            // the documented failure for a text that is not a range
        }
    }

    private static void rangeAndPeer(FuzzedDataProvider data) throws UnknownHostException {
        InetAddress network = address(data);
        int prefix = data.consumeInt(0, network.getAddress().length * 8);
        InetAddress peer = address(data);
        String cidr = network.getHostAddress() + "/" + prefix;
        boolean inside = sameLeadingBits(network.getAddress(), peer.getAddress(), prefix);

        assertThat(CidrRange.parse(cidr).contains(peer)).as("%s contains %s", cidr, peer).isEqualTo(inside);
        SourceAddressGuard guard = SourceAddressGuard.allowing(List.of(cidr));
        assertGuard(guard, WebhookRequest.builder(new byte[0]).remoteAddress(peer.getHostAddress()).build(), inside);
    }

    private static void rangeBehindProxies(FuzzedDataProvider data) throws UnknownHostException {
        InetAddress network = address(data);
        int prefix = data.consumeInt(0, network.getAddress().length * 8);
        int hops = data.consumeInt(1, 3);
        int lines = data.consumeInt(0, 3);
        String cidr = network.getHostAddress() + "/" + prefix;
        WebhookRequest.Builder request = WebhookRequest.builder(new byte[0]).remoteAddress("198.51.100.1");
        List<String> chain = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            String line = data.consumeString(60);
            request.header(i % 2 == 0 ? "X-Forwarded-For" : "x-forwarded-for", line);
            // As the guard reads a line; String.split drops a line's trailing empty entries.
            for (String entry : line.split(",")) {
                chain.add(HttpWhiteSpace.trim(entry));
            }
        }
        boolean inside = false;
        if (chain.size() >= hops) {
            InetAddress client = IpLiteral.parse(chain.get(chain.size() - hops));
            inside = client != null && sameLeadingBits(network.getAddress(), client.getAddress(), prefix);
        }
        assertGuard(SourceAddressGuard.allowing(List.of(cidr)).trustingProxyHops(hops), request.build(), inside);
    }

    /**
     * Mode 0 puts fuzzed text in the query, mode 1 in the path. Only
     * {@link FailureReason#REQUEST_GUARD_FAILED} may escape, its message never shows the token, and
     * a request passes only if it carries the token (the percent-decoded text contains it).
     */
    @FuzzTest(maxDuration = "5m")
    void tokens(FuzzedDataProvider data) {
        boolean inQuery = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        WebhookRequest request = inQuery
                ? WebhookRequest.builder(new byte[0]).query(text).build()
                : WebhookRequest.builder(new byte[0]).path(text).build();
        try {
            (inQuery ? QUERY_GUARD : PATH_GUARD).check(request);
            assertThat(lenientlyDecoded(text)).as("passed without the token").contains(TOKEN_VALUE);
        } catch (WebhookVerificationException e) {
            assertThat(e.reason()).isEqualTo(FailureReason.REQUEST_GUARD_FAILED);
            assertThat(e.getMessage()).doesNotContain(TOKEN_VALUE);
        }
    }

    private static void assertGuard(RequestGuard guard, WebhookRequest request, boolean passes) {
        if (passes) {
            assertThatCode(() -> guard.check(request)).doesNotThrowAnyException();
        } else {
            try {
                guard.check(request);
                throw new AssertionError("the guard let through " + request.remoteAddress() + " "
                        + request.headers().all("X-Forwarded-For"));
            } catch (WebhookVerificationException e) {
                assertThat(e.reason()).isEqualTo(FailureReason.REQUEST_GUARD_FAILED);
            }
        }
    }

    /** An IPv4 or IPv6 address from 4 or 16 fuzzed bytes (an IPv4-mapped IPv6 address becomes IPv4). */
    private static InetAddress address(FuzzedDataProvider data) throws UnknownHostException {
        byte[] bytes = new byte[data.consumeBoolean() ? 16 : 4];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = data.consumeByte();
        }
        return InetAddress.getByAddress(bytes);
    }

    private static boolean sameLeadingBits(byte[] a, byte[] b, int bits) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** Percent-decodes every well-formed escape and '+', keeping everything else; never fails. */
    private static String lenientlyDecoded(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
