package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.WebhookReceiver;
import dev.revhooks.core.WireValue;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One webhook URL: the receiver serving it, the vendor's event interface and how the vendor is
 * answered once the listeners ran. The only vendor-specific part of the starter is building these.
 *
 * @param property the property naming the path, for startup messages
 * @param path the path, without the context path
 * @param tokenSegment true when the vendor calls {@code path/<token>} (a path-token guard checks it)
 * @param receiver the vendor receiver
 * @param eventType the vendor's event interface, e.g. {@code RevontEvent.class}
 * @param eventTypeOf an event's type constant, for the observer (e.g. {@code RevontEvent::type})
 * @param answer writes the response after the listeners ran
 */
record WebhookEndpoint(String property, String path, boolean tokenSegment, WebhookReceiver<?> receiver,
                       Class<?> eventType, Function<Object, WireValue> eventTypeOf, Answer answer) {

    /** The servlet URL pattern serving this endpoint. */
    String urlPattern() {
        return tokenSegment ? path + "/*" : path;
    }

    /** True when this endpoint serves {@code requestPath} (context path removed). */
    boolean serves(String requestPath) {
        if (!tokenSegment) {
            return requestPath.equals(path);
        }
        return requestPath.length() > path.length() + 1 && requestPath.startsWith(path)
                && requestPath.charAt(path.length()) == '/' && requestPath.indexOf('/', path.length() + 1) < 0;
    }

    /** How the vendor is answered after its listeners ran. */
    interface Answer {

        /** Listeners return nothing; the vendor gets {@code 204}. */
        Answer NO_CONTENT = new Answer() {
            @Override
            public Set<Class<?>> answerTypes() {
                return Set.of();
            }

            @Override
            public void write(Object event, List<Object> answers, HttpServletResponse response) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
        };

        /** The non-void types a listener of this vendor may return. */
        Set<Class<?>> answerTypes();

        /**
         * Writes the response.
         *
         * @param event the delivered event
         * @param answers the listeners' non-null return values
         * @param response the response, not yet committed
         * @throws IOException when writing fails
         */
        void write(Object event, List<Object> answers, HttpServletResponse response) throws IOException;
    }
}
