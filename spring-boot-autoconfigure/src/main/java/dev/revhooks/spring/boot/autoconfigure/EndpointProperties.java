package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.BodyLimit;
import org.springframework.util.unit.DataSize;

/** Checks of the settings every vendor shares, each naming its property. */
final class EndpointProperties {

    private EndpointProperties() {
    }

    /** A webhook path: starts with '/', no wildcard, query, fragment, white space or trailing '/'. */
    static String path(String property, String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidWebhookPropertyException(property, "is missing: set the path the vendor posts to, e.g. /hooks/vendor");
        }
        boolean valid = path.startsWith("/") && path.length() > 1 && !path.endsWith("/") && !path.contains("//");
        for (int i = 0; valid && i < path.length(); i++) {
            char c = path.charAt(i);
            valid = c > ' ' && c != '*' && c != '?' && c != '#' && c != ';' && c != 0x7f;
        }
        if (!valid) {
            throw new InvalidWebhookPropertyException(property,
                    "is not a plain path: start with '/', no trailing '/', no wildcard, query, ';' or white space");
        }
        return path;
    }

    /** The shared body limit, or the library's default. */
    static BodyLimit bodyLimit(DataSize size) {
        if (size == null) {
            return BodyLimit.DEFAULT;
        }
        long bytes = size.toBytes();
        if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
            throw new InvalidWebhookPropertyException("revhooks.body-limit", "must be between 1B and 2GB");
        }
        return BodyLimit.ofBytes((int) bytes);
    }
}
