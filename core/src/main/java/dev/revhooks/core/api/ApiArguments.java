package dev.revhooks.core.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Support for the vendor modules' management API clients: checks of a caller's arguments, made
 * before any request is sent. Each failure is an {@link IllegalArgumentException} whose message
 * starts with the name the caller gives ({@code what}) but never echoes a URL (a webhook URL may
 * carry a secret path token).
 *
 * <pre>{@code
 * ApiArguments.httpsUrl("the webhook url", url);
 * String segment = ApiArguments.pathSegment("the webhook id", id);  // "a/b" -> "a%2Fb"
 * Call delete = new Call("DELETE", "/webhooks/" + segment, null, Set.of(204), false, null);
 * }</pre>
 *
 * <p>Public only because the vendor clients live in other packages; it is not meant for use
 * outside this library.
 */
public final class ApiArguments {

    private static final String UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ApiArguments() {
    }

    /**
     * Checks an absolute {@code https://} URL with a host (the scheme matched case-insensitively).
     * Plain {@code http}, even to {@code localhost}, is refused: webhook endpoints must be https.
     *
     * @param what the argument's name in messages, such as {@code "the webhook url"}
     * @param url the URL
     * @return {@code url}, unchanged
     * @throws IllegalArgumentException when {@code url} is null, does not parse, is not https or names
     *     no host
     */
    public static String httpsUrl(String what, String url) {
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
     * Checks a name or id given as text: not null, not blank, without leading or trailing white space.
     *
     * @param what the argument's name in messages, such as {@code "an event name"}
     * @param value the text
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException when {@code value} breaks one of these rules
     */
    public static String text(String what, String value) {
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
     * Checks an optional name or id: null, or as {@link #text(String, String)}.
     *
     * @param what the argument's name in messages
     * @param value the text, or null
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException when {@code value} is not null and breaks a rule of
     *     {@link #text(String, String)}
     */
    public static String optionalText(String what, String value) {
        return value == null ? null : text(what, value);
    }

    /**
     * Checks an id and encodes it as one path segment: checked as {@link #text(String, String)}, then
     * every byte of its UTF-8 form outside RFC 3986's unreserved characters percent-encoded;
     * {@code "."} and {@code ".."} are refused, as they would name another path.
     *
     * @param what the argument's name in messages, such as {@code "the webhook id"}
     * @param id the id
     * @return the encoded segment, without a slash
     * @throws IllegalArgumentException when {@code id} breaks a rule of {@link #text(String, String)}
     *     or is {@code "."} or {@code ".."}
     */
    public static String pathSegment(String what, String id) {
        text(what, id);
        if (id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException(what + " must not be \".\" or \"..\"");
        }
        StringBuilder out = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (UNRESERVED.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
