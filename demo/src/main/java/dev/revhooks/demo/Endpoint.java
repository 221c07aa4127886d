package dev.revhooks.demo;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.util.Objects;

/**
 * One webhook URL of the demo receiver: a {@code WebhookFilter} around one vendor receiver, and the
 * demo app behind it.
 *
 * @param path the URL path; a trailing {@code /{token}} stands for a secret path segment
 * @param vendor the vendor's name
 * @param webhook which of the vendor's webhooks the URL receives
 * @param authentication how a delivery must authenticate, in words
 * @param filter the filter verifying and parsing each delivery
 * @param app the app behind the filter
 */
record Endpoint(String path, String vendor, String webhook, String authentication, Filter filter, HttpServlet app) {

    /** The placeholder for a secret last path segment. */
    static final String TOKEN = "{token}";

    Endpoint {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(app, "app");
    }

    /**
     * The servlet path spec the filter and the app are mapped to: the path itself, or every path
     * under it when the last segment is a secret token (so a wrong token reaches the filter's guard
     * and is refused there, not answered 404).
     *
     * @return the path spec
     */
    String pathSpec() {
        return path.endsWith("/" + TOKEN) ? path.substring(0, path.length() - TOKEN.length()) + "*" : path;
    }
}
