package dev.revhooks.spring.boot.autoconfigure;

import java.util.List;
import org.springframework.beans.factory.BeanInitializationException;

/** Startup checks of the listeners against the configured endpoints. */
final class ListenerCheck {

    private ListenerCheck() {
    }

    /**
     * Each listener must take an event some configured endpoint delivers, and return nothing or
     * an answer that endpoint writes.
     */
    static void check(List<ListenerMethod> listeners, List<WebhookEndpoint> endpoints) {
        for (ListenerMethod listener : listeners) {
            List<WebhookEndpoint> serving = endpoints.stream()
                    .filter(endpoint -> endpoint.eventType().isAssignableFrom(listener.eventType()))
                    .toList();
            if (serving.isEmpty()) {
                throw new BeanInitializationException(listener + " waits for an event no configured webhook"
                        + " endpoint delivers: configure its vendor under revhooks.* (or take the vendor's event type)");
            }
            Class<?> returned = listener.returnType();
            if (returned != void.class) {
                for (WebhookEndpoint endpoint : serving) {
                    if (endpoint.answer().answerTypes().stream().noneMatch(type -> type.isAssignableFrom(returned))) {
                        throw new BeanInitializationException(listener + " returns " + returned.getName()
                                + ", which " + endpoint.receiver().vendor() + " cannot be answered with; return void"
                                + (endpoint.answer().answerTypes().isEmpty() ? "" : " or " + endpoint.answer().answerTypes()));
                    }
                }
            }
        }
    }
}
