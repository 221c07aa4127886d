package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookReceiver;
import dev.revhooks.core.observe.AdapterOutcome;
import dev.revhooks.core.observe.WebhookObserver;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.servlet.UnparseableDeliveryHandler;
import dev.revhooks.servlet.WebhookFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Serves every configured webhook path: the servlet module's {@link WebhookFilter} verifies and
 * parses (and answers every rejection), then the listeners run and the vendor gets its answer here.
 * Webhook requests never go further down the chain, so nothing behind (Spring Security, MVC) sees
 * them; every other request passes through untouched.
 */
final class WebhookDispatchFilter implements Filter {

    private static final Log LOG = LogFactory.getLog(WebhookDispatchFilter.class);

    private final List<Served> served;
    private final WebhookListenerRegistry listeners;
    private final WebhookObserver observer;

    WebhookDispatchFilter(List<WebhookEndpoint> endpoints, WebhookListenerRegistry listeners, ReplayGuard replayGuard,
                          UnparseableDeliveryHandler unparseableHandler, WebhookObserver observer) {
        this.listeners = listeners;
        this.observer = observer;
        List<Served> list = new ArrayList<>(endpoints.size());
        for (WebhookEndpoint endpoint : endpoints) {
            list.add(new Served(endpoint, filter(endpoint, endpoint.receiver(), replayGuard, unparseableHandler, observer)));
        }
        this.served = List.copyOf(list);
    }

    private static <E> WebhookFilter<E> filter(WebhookEndpoint endpoint, WebhookReceiver<E> receiver, ReplayGuard replayGuard,
                                               UnparseableDeliveryHandler unparseableHandler, WebhookObserver observer) {
        WebhookFilter.Builder<E> builder = WebhookFilter.builder(receiver)
                .observer(observer, event -> endpoint.eventTypeOf().apply(event));
        if (replayGuard != null) {
            builder.replayGuard(replayGuard);
        }
        if (unparseableHandler != null) {
            builder.onUnparseableDelivery(unparseableHandler);
        }
        return builder.build();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            for (Served endpoint : served) {
                if (endpoint.endpoint().serves(path)) {
                    endpoint.filter().doFilter(req, res, (verified, response) ->
                            answer(endpoint.endpoint(), verified, (HttpServletResponse) response));
                    return;
                }
            }
        }
        chain.doFilter(req, res);
    }

    private void answer(WebhookEndpoint endpoint, ServletRequest verified, HttpServletResponse response) throws IOException {
        VerifiedDelivery<?> delivery = WebhookFilter.delivery(verified, endpoint.eventType());
        List<Object> answers;
        try {
            answers = listeners.dispatch(delivery);
        } catch (Exception | LinkageError e) {
            try {
                observer.answered(endpoint.receiver().vendor(), endpoint.eventTypeOf().apply(delivery.event()),
                        AdapterOutcome.HANDLER_FAILED);
            } catch (RuntimeException observerFailure) {
                // an observer never changes what a delivery gets
            }
            LOG.error(endpoint.receiver().vendor() + " delivery " + delivery.event().getClass().getSimpleName()
                    + " was verified but a @WebhookListener failed; answering 500 so the vendor retries", e);
            byte[] body = "a listener failed; the delivery was not processed\n".getBytes(StandardCharsets.UTF_8);
            // No Content-Length and a body far below the response buffer: nothing is sent before the
            // filter returns, so the replay guard has released the delivery before the vendor sees the 500.
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.setContentType("text/plain;charset=utf-8");
            response.getOutputStream().write(body);
            return;
        }
        endpoint.answer().write(delivery.event(), answers, response);
    }

    List<String> urlPatterns() {
        return served.stream().map(s -> s.endpoint().urlPattern()).toList();
    }

    @Override
    public String toString() {
        return "WebhookDispatchFilter" + urlPatterns();
    }

    private record Served(WebhookEndpoint endpoint, WebhookFilter<?> filter) {
    }
}
