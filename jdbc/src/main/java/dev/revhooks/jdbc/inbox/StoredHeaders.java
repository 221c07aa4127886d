package dev.revhooks.jdbc.inbox;

import dev.revhooks.core.WebhookHeaders;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kept request headers as one text column: one {@code name: value} line per value, in the
 * order received, with backslash, CR and LF escaped ({@code \\}, {@code \r}, {@code \n}) so that
 * any value reads back exactly.
 */
final class StoredHeaders {

    private StoredHeaders() {
    }

    /** The lines of the headers named in {@code keep} (case-insensitive); the others are not stored. */
    static String encode(WebhookHeaders headers, Set<String> keep) {
        StringBuilder out = new StringBuilder();
        for (String name : headers.names()) {
            if (!keep.contains(name)) {
                continue;
            }
            for (String value : headers.all(name)) {
                escape(out, name);
                out.append(": ");
                escape(out, value);
                out.append('\n');
            }
        }
        return out.toString();
    }

    static WebhookHeaders decode(String text) {
        WebhookHeaders.Builder builder = WebhookHeaders.builder();
        if (text == null || text.isEmpty()) {
            return builder.build();
        }
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                builder.add(unescape(line.substring(0, colon)), unescape(line.substring(colon + 2)));
            }
        }
        return builder.build();
    }

    /** A case-insensitive set of header names. */
    static Set<String> names(List<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
