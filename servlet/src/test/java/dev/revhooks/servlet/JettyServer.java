package dev.revhooks.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An embedded Jetty 12 (ee10) on 127.0.0.1, port 0, with filters and servlets on path specs.
 *
 * <p>Jetty's request header limit is raised to 64 KiB (its default is 8 KiB for all headers
 * together), so a single header over a receiver's 8 KiB limit reaches the filter and gets the
 * library's {@code 431}, not Jetty's own.
 */
final class JettyServer implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector;

    JettyServer(Map<String, Filter> filtersByPath, HttpServlet app) throws Exception {
        this(filtersByPath, Map.of("/*", app));
    }

    JettyServer(Map<String, Filter> filtersByPath, Map<String, HttpServlet> servletsByPath) throws Exception {
        this(filtersByPath, servletsByPath, 64 * 1024, Duration.ofSeconds(30));
    }

    /** With Jetty's limit for all request headers together, and its connection idle timeout. */
    JettyServer(Map<String, Filter> filtersByPath, Map<String, HttpServlet> servletsByPath, int requestHeaderSize,
                Duration idleTimeout) throws Exception {
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(requestHeaderSize);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setIdleTimeout(idleTimeout.toMillis());
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        filtersByPath.forEach((path, filter) ->
                context.addFilter(new FilterHolder(filter), path, EnumSet.of(DispatcherType.REQUEST)));
        servletsByPath.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        server.setHandler(context);
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + pathAndQuery);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
