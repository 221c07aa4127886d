package dev.revhooks.demo;

import dev.revhooks.core.WebhookRequest;
import java.util.Objects;

/**
 * One delivery the demo sends, and what must become of it.
 *
 * @param vendor the vendor's name
 * @param event the event or webhook the body is
 * @param description what kind of delivery it is, e.g. {@code body tampered after signing}
 * @param path the URL path it is sent to
 * @param request the body and headers sent
 * @param expected what the receiver must do with it
 */
record DemoDelivery(String vendor, String event, String description, String path, WebhookRequest request,
                    Verdict expected) {

    DemoDelivery {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(expected, "expected");
    }
}
