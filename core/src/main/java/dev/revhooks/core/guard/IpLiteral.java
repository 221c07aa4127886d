package dev.revhooks.core.guard;

import dev.revhooks.core.HttpWhiteSpace;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IP address literals without ever resolving a host name.
 *
 * <pre>{@code
 * InetAddress a = IpLiteral.parse("2001:db8::1");
 * }</pre>
 */
public final class IpLiteral {

    private IpLiteral() {
    }

    /**
     * Parses a dotted-quad IPv4 literal or an IPv6 literal (optionally in brackets; no zone id).
     *
     * @param text the literal
     * @return the address (an IPv4-mapped IPv6 literal gives the IPv4 address), or null when not a literal
     */
    public static InetAddress parse(String text) {
        if (text == null) {
            return null;
        }
        String s = HttpWhiteSpace.trim(text);
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > 45) {
            return null;
        }
        if (s.indexOf(':') >= 0) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean ok = c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!ok) {
                    return null;
                }
            }
            return byLiteral(s);
        }
        return ipv4(s);
    }

    private static InetAddress ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                char c = part.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                value = value * 10 + (c - '0');
            }
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static InetAddress byLiteral(String ipv6) {
        char first = ipv6.charAt(0);
        if (first != ':' && Character.digit(first, 16) < 0) {
            // The JDK parses a text as a literal only when it starts with a hex digit or ':'; anything
            // else (".:1") would go to the name service.
            return null;
        }
        try {
            // Only hex digits, ':' and '.', starting with a hex digit or ':': the JDK parses it as an
            // IPv6 literal or refuses it, and never resolves a name.
            return InetAddress.getByName(ipv6);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
