package dev.revhooks.demo;

import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.servlet.WebhookFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The demo's app behind one endpoint's {@link WebhookFilter}: it reads the verified delivery the
 * filter attached, records the typed event, and answers {@code 204}, or {@code 200} with a JSON
 * body when the vendor expects an answer (RevRing's pre-call).
 *
 * @param <E> the vendor's event type
 */
final class AppServlet<E> extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final String vendor;
    private final Class<E> eventType;
    private final Function<E, String> typedFields;
    private final Function<E, byte[]> answer;
    private final Consumer<AppRecord> app;

    /**
     * An app servlet.
     *
     * @param vendor the vendor's name
     * @param eventType the vendor's event interface
     * @param typedFields shows an event's type and a few typed fields
     * @param answer the JSON body to answer an event with, or null to answer 204
     * @param app receives what the app got
     */
    AppServlet(String vendor, Class<E> eventType, Function<E, String> typedFields, Function<E, byte[]> answer,
               Consumer<AppRecord> app) {
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.typedFields = Objects.requireNonNull(typedFields, "typedFields");
        this.answer = Objects.requireNonNull(answer, "answer");
        this.app = Objects.requireNonNull(app, "app");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        VerifiedDelivery<E> delivery = WebhookFilter.delivery(request, eventType);
        E event = delivery.event();
        app.accept(AppRecord.event(vendor, typedFields.apply(event), delivery.authentication()));
        byte[] body = answer.apply(event);
        if (body == null) {
            response.setStatus(204);
            return;
        }
        response.setStatus(200);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
