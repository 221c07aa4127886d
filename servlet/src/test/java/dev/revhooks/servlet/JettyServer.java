package dev.revhooks.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** An embedded Jetty 12 (ee10) on 127.0.0.1 with filters on paths and one servlet behind them all. */
final class JettyServer implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    JettyServer(Map<String, Filter> filtersByPath, HttpServlet app) throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        filtersByPath.forEach((path, filter) ->
                context.addFilter(new FilterHolder(filter), path, EnumSet.of(DispatcherType.REQUEST)));
        context.addServlet(new ServletHolder(app), "/*");
        server.setHandler(context);
        server.start();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + pathAndQuery);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
