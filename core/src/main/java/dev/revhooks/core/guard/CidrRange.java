package dev.revhooks.core.guard;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 address range in CIDR notation, e.g. {@code 203.0.113.0/24} or
 * {@code 2001:db8::/32}; a bare address is a range of one. IPv4-mapped IPv6 addresses
 * ({@code ::ffff:203.0.113.7}) are treated as the IPv4 address they carry, in ranges and in
 * requests alike.
 *
 * <pre>{@code
 * CidrRange range = CidrRange.parse("203.0.113.0/24");
 * range.contains(IpLiteral.parse("203.0.113.255")); // true
 * }</pre>
 */
public final class CidrRange {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private CidrRange(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses a range.
     *
     * @param cidr {@code address/prefix} or a bare address; no host names
     * @return the range
     * @throws IllegalArgumentException when the text is not a range
     */
    public static CidrRange parse(String cidr) {
        if (cidr == null) {
            throw new IllegalArgumentException("CIDR range must not be null");
        }
        String trimmed = cidr.strip();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress address = IpLiteral.parse(addressPart);
        if (address == null) {
            throw new IllegalArgumentException("not an IP address literal: " + addressPart);
        }
        byte[] bytes = address.getAddress();
        int bits = bytes.length * 8;
        int prefix;
        if (slash < 0) {
            prefix = bits;
        } else {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a prefix length: " + trimmed.substring(slash + 1), e);
            }
            if (bytes.length == 4 && addressPart.contains(":")) {
                prefix -= 96; // an IPv4-mapped IPv6 range, written with an IPv6 prefix length
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix length out of range in " + trimmed);
            }
        }
        return new CidrRange(mask(bytes, prefix), prefix, trimmed);
    }

    /**
     * Whether the address lies in this range.
     *
     * @param address an address; an IPv4 address never lies in an IPv6 range, and vice versa
     * @return true when inside
     */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            out[i] &= (byte) (0xFF << (8 - keep));
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
