package dev.revhooks.demo;

import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12 (ee10) on 127.0.0.1, with each endpoint's filter and app mapped to its path. */
final class DemoServer implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final List<Endpoint> endpoints;

    private DemoServer(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    /**
     * Starts a server.
     *
     * @param port the port on 127.0.0.1; 0 for any free port
     * @param endpoints the endpoints to serve
     * @return the started server
     * @throws Exception when Jetty cannot start, e.g. the port is in use
     */
    static DemoServer start(int port, List<Endpoint> endpoints) throws Exception {
        DemoServer demo = new DemoServer(endpoints);
        demo.connector.setHost("127.0.0.1");
        demo.connector.setPort(port);
        demo.server.addConnector(demo.connector);
        ServletContextHandler context = new ServletContextHandler();
        for (Endpoint endpoint : demo.endpoints) {
            context.addFilter(new FilterHolder(endpoint.filter()), endpoint.pathSpec(), EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(new ServletHolder(endpoint.app()), endpoint.pathSpec());
        }
        demo.server.setHandler(context);
        demo.server.setStopAtShutdown(true);
        try {
            demo.server.start();
        } catch (Exception e) {
            try {
                demo.close();
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        return demo;
    }

    /**
     * The server's base address.
     *
     * @return e.g. {@code http://127.0.0.1:8080}
     */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    /**
     * Waits until the server stops (Ctrl-C stops it).
     *
     * @throws InterruptedException when interrupted while waiting
     */
    void join() throws InterruptedException {
        server.join();
    }

    /** Stops the server. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("the embedded Jetty did not stop cleanly", e);
        }
    }
}
