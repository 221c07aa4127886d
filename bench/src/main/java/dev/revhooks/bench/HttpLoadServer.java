package dev.revhooks.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.core.Secret;
import dev.revhooks.jdbc.JdbcReplayGuard;
import dev.revhooks.jdbc.inbox.JdbcInbox;
import dev.revhooks.revont.RevontWebhooks;
import dev.revhooks.servlet.WebhookFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The server side of the HTTP load test: one Jetty 12 on 127.0.0.1 with three endpoints that all
 * end in the same servlet, which reads the whole body and answers {@code 204}:
 * {@code /bare} (the servlet alone), {@code /filter} ({@link WebhookFilter} for Revont in front, no
 * replay guard) and {@code /hand} (a {@link HandWrittenFilter} in front). With the argument
 * {@code stores}, an embedded PostgreSQL ({@code fsync} and {@code synchronous_commit} on) starts as
 * a child of this process (so it shares the server's pinned core) and two more endpoints run over
 * it: {@code /guard} (the filter with a {@link JdbcReplayGuard}: claim, the servlet, complete) and
 * {@code /inbox} (the filter in inbox mode over a {@link JdbcInbox} without workers: verify, parse,
 * one durable insert, {@code 202}); {@link FirstDeliveries} gives every request a key of its own.
 * {@code GET /stats}
 * answers {@code requests=<n> allocated=<bytes> cpu=<ns>}: requests served by the three endpoints,
 * bytes allocated by all live threads (the request threads, the selector and acceptor), and the
 * process's CPU time, so the driver can take per-request differences around each run.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.revhooks.bench.HttpLoadServer <port-file> [stores]}; it
 * writes its port to the file and runs until killed.
 */
public final class HttpLoadServer {

    /** The Revont secret the driver signs with. */
    public static final String SECRET = "whsec_4f8a2b1c9d3e7f6a0b5c8d2e1f4a7b3c";

    private static final AtomicLong REQUESTS = new AtomicLong();

    private HttpLoadServer() {
    }

    /** Reads the whole body, answers 204. */
    static final class SinkServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            req.getInputStream().readAllBytes();
            REQUESTS.incrementAndGet();
            resp.setStatus(204);
        }
    }

    /** Counters for the driver. */
    static final class StatsServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocated = 0;
            for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
                allocated += Math.max(0, bytes);
            }
            long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            String gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(java.lang.management.GarbageCollectorMXBean::getName).collect(Collectors.joining("+"));
            byte[] answer = ("requests=" + REQUESTS.get() + " allocated=" + allocated + " cpu=" + cpu
                    + " jdk=" + Runtime.version() + " gc=" + gc.replace(' ', '_')
                    + " cpus=" + Runtime.getRuntime().availableProcessors() + "\n").getBytes(StandardCharsets.UTF_8);
            resp.setContentType("text/plain");
            resp.setContentLength(answer.length);
            resp.getOutputStream().write(answer);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("stores"))) {
            throw new IllegalArgumentException("usage: HttpLoadServer <port-file> [stores]");
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        RevontWebhooks revont = RevontWebhooks.builder().secret(Secret.of(SECRET)).build();
        context.addFilter(new FilterHolder(WebhookFilter.of(revont)), "/filter", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new HandWrittenFilter(SECRET)), "/hand", EnumSet.of(DispatcherType.REQUEST));
        SinkServlet sink = new SinkServlet();
        for (String path : new String[] {"/bare", "/filter", "/hand"}) {
            context.addServlet(new ServletHolder(sink), path);
        }
        if (args.length == 2) {
            InboxDatabase database = new InboxDatabase();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    database.close();
                } catch (IOException e) {
                    System.err.println("could not stop the embedded PostgreSQL: " + e);
                }
            }));
            HikariDataSource pool = database.pool(16);
            JdbcReplayGuard guard = JdbcReplayGuard.builder(pool).createTableIfMissing().build();
            JdbcInbox inbox = JdbcInbox.builder(pool).createTableIfMissing().build();
            context.addFilter(new FilterHolder(WebhookFilter.builder(revont).replayGuard(FirstDeliveries.guard(guard)).build()),
                    "/guard", EnumSet.of(DispatcherType.REQUEST));
            context.addFilter(new FilterHolder(WebhookFilter.builder(revont).inbox(FirstDeliveries.inbox(inbox, REQUESTS)).build()),
                    "/inbox", EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(new ServletHolder(sink), "/guard");
            context.addServlet(new ServletHolder(sink), "/inbox");
        }
        context.addServlet(new ServletHolder(new StatsServlet()), "/stats");
        server.setHandler(context);
        server.start();
        Path portFile = Path.of(args[0]);
        Path partial = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(partial, Integer.toString(connector.getLocalPort()));
        Files.move(partial, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        server.join();
    }
}
