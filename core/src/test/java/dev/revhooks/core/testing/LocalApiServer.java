package dev.revhooks.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 and a free port, standing in for a vendor's management API in
 * tests: it records every request and answers with the replies queued by the test, in order; a
 * request with no reply queued gets status 599. Shared with the vendor modules' tests.
 *
 * <pre>{@code
 * try (LocalApiServer server = LocalApiServer.start()) {
 *     server.reply(201, "{\"id\":\"wh_1\"}");
 *     ApiClient api = clientFor(server.baseUri());     // a client pointed at the stand-in
 *     api.create(...);
 *     assertThat(server.onlyRequest().rawPath()).isEqualTo("/v1/webhooks");
 * }
 * }</pre>
 */
public final class LocalApiServer implements AutoCloseable {

    /**
     * A request as the server received it.
     *
     * @param method the HTTP method
     * @param rawPath the path, as sent (percent-encoding kept)
     * @param headers every header, names in lower case
     * @param body the body; empty when none
     */
    public record Received(String method, String rawPath, Map<String, List<String>> headers, byte[] body) {

        /**
         * A header sent once.
         *
         * @param name the header's name, in any case
         * @return its value, or null when not sent
         * @throws AssertionError when it was sent more than once
         */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            if (values == null) {
                return null;
            }
            if (values.size() != 1) {
                throw new AssertionError(name + " sent " + values.size() + " times");
            }
            return values.get(0);
        }

        /**
         * The body as UTF-8 text.
         *
         * @return the text
         */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private record Reply(int status, byte[] body, boolean stall) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private LocalApiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts a server; close it when done.
     *
     * @return the running server
     */
    public static LocalApiServer start() {
        try {
            return new LocalApiServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the local API server", e);
        }
    }

    /**
     * The base URI of the stand-in API.
     *
     * @return {@code http://127.0.0.1:<port>/v1}
     */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /**
     * Queues an answer.
     *
     * @param status its status
     * @param body its body, sent as UTF-8; empty for none
     * @return this server
     */
    public LocalApiServer reply(int status, String body) {
        return reply(status, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Queues an answer.
     *
     * @param status its status
     * @param body its body; empty for none
     * @return this server
     */
    public LocalApiServer reply(int status, byte[] body) {
        replies.add(new Reply(status, body, false));
        return this;
    }

    /**
     * Queues a request that is never answered while the test runs (the server waits until closed).
     *
     * @return this server
     */
    public LocalApiServer stall() {
        replies.add(new Reply(0, new byte[0], true));
        return this;
    }

    /**
     * Every request received so far.
     *
     * @return the requests, in order
     */
    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /**
     * The one request received.
     *
     * @return the request
     * @throws AssertionError when there were more or none
     */
    public Received onlyRequest() {
        List<Received> all = received();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + all.size());
        }
        return all.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    headers, in.readAllBytes()));
            Reply reply = replies.poll();
            if (reply == null) {
                exchange.sendResponseHeaders(599, -1);
                return;
            }
            if (reply.stall()) {
                closing.await(30, TimeUnit.SECONDS);
                return;
            }
            boolean empty = reply.body().length == 0;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (a timeout, or an answer larger than it reads): nothing to answer.
        }
    }

    /** Stops the server, releasing stalled requests. */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
