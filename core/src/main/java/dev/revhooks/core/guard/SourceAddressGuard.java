package dev.revhooks.core.guard;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.HttpWhiteSpace;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepts requests only from allowlisted address ranges (IPv4 and IPv6, CIDR notation).
 *
 * <p>By default the client is the connection's peer ({@link WebhookRequest#remoteAddress()}) and
 * {@code X-Forwarded-For} is ignored, since any client can send it. Behind proxies, say how many
 * proxy hops to trust with {@link #trustingProxyHops(int)}: with {@code n} trusted hops, the client
 * is the {@code n}-th address from the right of {@code X-Forwarded-For} (all its headers taken in
 * order), the part written by your own proxies.
 *
 * <pre>{@code
 * RequestGuard guard = SourceAddressGuard.allowing(List.of("203.0.113.0/24", "2001:db8::/32"))
 *         .trustingProxyHops(1); // one load balancer in front of the app
 * }</pre>
 */
public final class SourceAddressGuard implements RequestGuard {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<CidrRange> ranges;
    private final int trustedProxyHops;

    private SourceAddressGuard(List<CidrRange> ranges, int trustedProxyHops) {
        this.ranges = ranges;
        this.trustedProxyHops = trustedProxyHops;
    }

    /**
     * A guard allowing the given ranges, trusting no proxy.
     *
     * @param cidrRanges ranges such as {@code 203.0.113.0/24}, {@code 2001:db8::/32} or single addresses
     * @return the guard
     * @throws IllegalArgumentException when a range does not parse, or none is given
     */
    public static SourceAddressGuard allowing(List<String> cidrRanges) {
        if (cidrRanges.isEmpty()) {
            throw new IllegalArgumentException("at least one address range is required");
        }
        List<CidrRange> parsed = new ArrayList<>();
        for (String range : cidrRanges) {
            parsed.add(CidrRange.parse(range));
        }
        return new SourceAddressGuard(List.copyOf(parsed), 0);
    }

    /**
     * The same guard, reading the client address from {@code X-Forwarded-For} behind {@code hops} trusted proxies.
     *
     * @param hops the number of proxies you run in front of the app; 0 ignores the header
     * @return a new guard
     */
    public SourceAddressGuard trustingProxyHops(int hops) {
        if (hops < 0) {
            throw new IllegalArgumentException("proxy hops must not be negative");
        }
        return new SourceAddressGuard(ranges, hops);
    }

    @Override
    public void check(WebhookRequest request) throws WebhookVerificationException {
        String client = clientAddress(request);
        InetAddress address = IpLiteral.parse(client);
        if (address == null) {
            throw new WebhookVerificationException(FailureReason.REQUEST_GUARD_FAILED, "client address is not an IP literal");
        }
        for (CidrRange range : ranges) {
            if (range.contains(address)) {
                return;
            }
        }
        throw new WebhookVerificationException(FailureReason.REQUEST_GUARD_FAILED, "source address not allowed");
    }

    private String clientAddress(WebhookRequest request) throws WebhookVerificationException {
        if (trustedProxyHops == 0) {
            if (request.remoteAddress() == null) {
                throw new WebhookVerificationException(FailureReason.REQUEST_GUARD_FAILED, "remote address was not supplied");
            }
            return request.remoteAddress();
        }
        List<String> chain = new ArrayList<>();
        for (String header : request.headers().all(FORWARDED_FOR)) {
            for (String entry : header.split(",")) {
                chain.add(HttpWhiteSpace.trim(entry));
            }
        }
        if (chain.size() < trustedProxyHops) {
            throw new WebhookVerificationException(FailureReason.REQUEST_GUARD_FAILED,
                    "X-Forwarded-For has fewer entries than the trusted proxy hops");
        }
        return chain.get(chain.size() - trustedProxyHops);
    }

    @Override
    public String toString() {
        return "SourceAddressGuard" + ranges + (trustedProxyHops == 0 ? "" : "[proxy hops " + trustedProxyHops + "]");
    }
}
