package dev.revhooks.core.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is removed from any text an API answered before the library quotes it (an excerpt of a body,
 * a parser's complaint about it, a network error): three kinds of run, each replaced by
 * {@code <redacted>}.
 * <ul>
 *   <li>Any run of at least {@value #MIN_KEY_RUN} characters that also occurs in the API key,
 *       ignoring ASCII case: an API that echoes part of the key, or the key in another case, shows
 *       none of it.</li>
 *   <li>The path, query and fragment of every absolute {@code http(s)} URL in the text: a webhook
 *       URL's path token is a credential.</li>
 *   <li>The URLs the client itself sent in the request body, wherever they are echoed without their
 *       scheme and host: their path and query as a whole, and each path segment and query value of at
 *       least {@value #MIN_KEY_RUN} characters, raw and percent-decoded, ignoring case.</li>
 * </ul>
 */
final class Redaction {

    static final String REDACTED = "<redacted>";
    /** The shortest run of the key's characters that is redacted. */
    static final int MIN_KEY_RUN = 8;

    private static final Pattern URL = Pattern.compile("(?i)https?://[^/?#\\s\"'<>\\\\]*([/?#][^\\s\"'<>\\\\]*)?");

    private final String key;
    private final List<String> sent;

    private Redaction(String key, List<String> sent) {
        this.key = key;
        this.sent = sent;
    }

    /** Redacts the key only. */
    static Redaction ofKey(String apiKey) {
        return new Redaction(apiKey, List.of());
    }

    /**
     * Redacts the key and the URLs found in the request body.
     *
     * @param apiKey the API key's characters
     * @param requestBody the JSON the client sent, or null
     */
    static Redaction of(String apiKey, byte[] requestBody) {
        if (requestBody == null) {
            return ofKey(apiKey);
        }
        Set<String> pieces = new LinkedHashSet<>();
        Matcher urls = URL.matcher(new String(requestBody, StandardCharsets.UTF_8));
        while (urls.find()) {
            String tail = urls.group(1);
            if (tail == null || tail.length() <= 1) {
                continue;
            }
            pieces.add(tail);
            String rawPath = tail;
            String rawQuery = "";
            int query = tail.indexOf('?');
            if (query >= 0) {
                rawPath = tail.substring(0, query);
                rawQuery = tail.substring(query + 1);
            }
            for (String segment : rawPath.split("[/#]")) {
                addLong(pieces, segment);
            }
            for (String parameter : rawQuery.split("[&#;]")) {
                int eq = parameter.indexOf('=');
                addLong(pieces, eq < 0 ? parameter : parameter.substring(eq + 1));
            }
        }
        return new Redaction(apiKey, List.copyOf(pieces));
    }

    private static void addLong(Set<String> pieces, String raw) {
        if (raw.length() >= MIN_KEY_RUN) {
            pieces.add(raw);
            try {
                String decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
                if (decoded.length() >= MIN_KEY_RUN) {
                    pieces.add(decoded);
                }
            } catch (IllegalArgumentException notEncoded) {
                // kept raw only
            }
        }
    }

    /**
     * The text with every redacted run replaced by one {@code <redacted>}.
     *
     * @param text the text to quote
     * @return the redacted text; {@code text} itself when nothing is redacted
     */
    String apply(String text) {
        boolean[] hidden = new boolean[text.length()];
        boolean any = markKeyRuns(text, hidden);
        for (String piece : sent) {
            any |= markOccurrences(text, piece, hidden);
        }
        Matcher urls = URL.matcher(text);
        while (urls.find()) {
            if (urls.group(1) != null) {
                for (int i = urls.start(1); i < urls.end(1); i++) {
                    hidden[i] = true;
                }
                any = true;
            }
        }
        if (!any) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!hidden[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !hidden[i - 1]) {
                out.append(REDACTED);
            }
        }
        return out.toString();
    }

    /**
     * Marks every run of at least {@link #MIN_KEY_RUN} characters that also occurs in the key,
     * ignoring ASCII case: the longest common substring ending at each position, by dynamic
     * programming over the key (time text length times key length).
     */
    private boolean markKeyRuns(String text, boolean[] hidden) {
        int keyLength = key.length();
        int[] run = new int[keyLength + 1]; // run[j + 1]: common run ending at the text's i and the key's j
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = fold(text.charAt(i));
            int longest = 0;
            for (int j = keyLength - 1; j >= 0; j--) {
                run[j + 1] = c == fold(key.charAt(j)) ? run[j] + 1 : 0;
                longest = Math.max(longest, run[j + 1]);
            }
            if (longest >= MIN_KEY_RUN) {
                for (int k = i - longest + 1; k <= i; k++) {
                    hidden[k] = true;
                }
                any = true;
            }
        }
        return any;
    }

    private static boolean markOccurrences(String text, String piece, boolean[] hidden) {
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            if (text.regionMatches(true, i, piece, 0, piece.length())) {
                for (int k = i; k < i + piece.length(); k++) {
                    hidden[k] = true;
                }
                any = true;
            }
        }
        return any;
    }

    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
