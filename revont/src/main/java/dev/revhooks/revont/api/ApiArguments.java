package dev.revhooks.revont.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Checks of caller arguments, made before any request is sent; each failure is an
 * {@link IllegalArgumentException} whose message names the argument but never echoes a URL (a
 * webhook URL may carry a secret path token).
 *
 * <p>The same class serves {@code dev.revhooks.revdesk.api}; it belongs in {@code core} once core
 * has a place for it.
 */
final class ApiArguments {

    private static final String UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ApiArguments() {
    }

    /**
     * An absolute {@code https://} URL with a host. Plain {@code http}, even to {@code localhost},
     * is refused: the vendor documents accept only https endpoints.
     *
     * @return {@code url}, unchanged
     */
    static String httpsUrl(String what, String url) {
        if (url == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(what + " must be an https:// URL"
                    + (uri.getScheme() == null ? "" : ", not " + uri.getScheme() + "://"));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(what + " must name a host (a DNS name or an IP address)");
        }
        return url;
    }

    /**
     * A name or id given as text: not null, not empty, without leading or trailing white space.
     *
     * @return {@code value}, unchanged
     */
    static String text(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.strip().length() != value.length()) {
            throw new IllegalArgumentException(what + " must not have leading or trailing white space");
        }
        return value;
    }

    /**
     * An optional name or id: null, or as {@link #text(String, String)}.
     *
     * @return {@code value}, unchanged
     */
    static String optionalText(String what, String value) {
        return value == null ? null : text(what, value);
    }

    /**
     * An id as one path segment: checked as {@link #text(String, String)}, then every byte of its UTF-8
     * form outside RFC 3986's unreserved characters percent-encoded; {@code "."} and {@code ".."} are
     * refused, as they would name another path.
     *
     * @return the encoded segment, without a slash
     */
    static String pathSegment(String what, String id) {
        text(what, id);
        if (id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException(what + " must not be \".\" or \"..\"");
        }
        StringBuilder out = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
