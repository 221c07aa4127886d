package dev.revhooks.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app behind one filter in the raw-socket tests: counts the requests that reach it and answers
 * {@code 204}. It also tells a test when the container has handed a request to the filter chain
 * ({@link #awaitDispatched}), so a client can break its body while the filter is reading it rather
 * than before the container has dispatched the request.
 */
final class CountingApp extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient AtomicInteger calls = new AtomicInteger();
    private final transient Semaphore dispatched = new Semaphore(0);

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
        calls.incrementAndGet();
        resp.setStatus(204);
    }

    int calls() {
        return calls.get();
    }

    void reset() {
        calls.set(0);
        dispatched.drainPermits();
    }

    /** Waits, at most 10 seconds, until a request entered the filter chain. */
    boolean awaitDispatched() throws InterruptedException {
        return dispatched.tryAcquire(10, TimeUnit.SECONDS);
    }

    /** A Jetty serving {@code filter} at {@code path} in front of this app, signalling each dispatch. */
    JettyServer serve(String path, Filter filter, int requestHeaderSize, Duration idleTimeout) throws Exception {
        Filter signalling = (request, response, chain) -> {
            dispatched.release();
            filter.doFilter(request, response, chain);
        };
        return new JettyServer(Map.of(path, signalling), Map.of("/*", this), requestHeaderSize, idleTimeout);
    }
}
