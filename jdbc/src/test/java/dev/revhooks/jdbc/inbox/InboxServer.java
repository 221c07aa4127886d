package dev.revhooks.jdbc.inbox;

import dev.revhooks.core.WebhookRequest;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One app instance's HTTP side: a real Jetty 12 on 127.0.0.1 with a {@code WebhookFilter} on
 * {@code /hooks/*} and an app servlet behind it that counts what was passed on (in inbox mode,
 * only exchanges).
 */
final class InboxServer implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    final AtomicInteger passedOn = new AtomicInteger();
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    InboxServer(Filter filter) throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(filter), "/hooks/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
                passedOn.incrementAndGet();
                resp.setStatus(200);
            }
        }), "/*");
        server.setHandler(context);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/hooks/in");
    }

    HttpResponse<String> post(WebhookRequest request) throws Exception {
        HttpRequest.Builder http = HttpRequest.newBuilder(uri()).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (String name : request.headers().names()) {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                request.headers().all(name).forEach(value -> http.header(name, value));
            }
        }
        return CLIENT.send(http.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
