package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.HeaderLimit;
import dev.revhooks.core.ReceiverSettings;
import dev.revhooks.core.Secret;
import dev.revhooks.core.observe.WebhookObserver;
import java.util.List;
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

    /**
     * The settings every receiver shares: the limits from the properties, the app's
     * {@link WebhookObserver} bean when it has one, the library's JSON set-up and the system clock.
     */
    static ReceiverSettings shared(RevhooksProperties properties, WebhookObserver observer) {
        ReceiverSettings defaults = ReceiverSettings.DEFAULTS;
        BodyLimit bodyLimit = properties.getBodyLimit() == null ? defaults.bodyLimit()
                : BodyLimit.ofBytes(positiveInt("revhooks.body-limit", properties.getBodyLimit()));
        HeaderLimit headerLimit = properties.getHeaderLimit() == null ? defaults.headerLimit()
                : HeaderLimit.ofChars(positiveInt("revhooks.header-limit", properties.getHeaderLimit()));
        return new ReceiverSettings(List.of(), defaults.clock(), bodyLimit, headerLimit, defaults.json(),
                observer == null ? defaults.observer() : observer);
    }

    /**
     * The shared settings with one vendor's secrets: the one entry every vendor builder takes.
     *
     * @param property the secrets' property, named if two share an id
     */
    static ReceiverSettings withSecrets(ReceiverSettings shared, List<Secret> secrets, String property) {
        try {
            return new ReceiverSettings(secrets, shared.clock(), shared.bodyLimit(), shared.headerLimit(), shared.json(),
                    shared.observer());
        } catch (IllegalArgumentException e) {
            // "two secrets share the id ...": names the id, never a value.
            throw new InvalidWebhookPropertyException(property, e.getMessage());
        }
    }

    private static int positiveInt(String property, DataSize size) {
        long bytes = size.toBytes();
        if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
            throw new InvalidWebhookPropertyException(property, "must be between 1B and 2GB");
        }
        return (int) bytes;
    }
}
