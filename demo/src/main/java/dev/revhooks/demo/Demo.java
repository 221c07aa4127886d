package dev.revhooks.demo;

import java.io.PrintStream;
import java.net.BindException;
import java.time.Clock;
import java.util.logging.Level;

/**
 * The runnable demo: a webhook receiver for all four vendors (embedded Jetty 12 with the
 * {@code WebhookFilter}) on 127.0.0.1, sent the vendor documents' sample deliveries and forged ones
 * over real HTTP, with a table of what became of each.
 *
 * <pre>{@code
 * java -jar demo/target/revhooks-demo.jar                       # the table, then exit 0
 * java -jar demo/target/revhooks-demo.jar --serve --port 8080   # keep receiving, log each event
 * }</pre>
 */
public final class Demo {

    private Demo() {
    }

    /**
     * Runs the demo. Exits with status 1 when a delivery did not go as expected or the receiver
     * could not start, and 2 for a usage error; returns normally on success.
     *
     * @param args {@code [--serve [--port N]] | --help}
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the demo with the given output streams.
     *
     * @param args the command line
     * @param out where the report and the log go
     * @param err where errors go
     * @return the exit status: 0 success, 1 failure, 2 usage error
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (UsageException e) {
            err.println("revhooks demo: " + e.getMessage());
            err.print(DemoOptions.USAGE);
            return 2;
        }
        Clock clock = Clock.systemUTC();
        switch (options.mode()) {
            case HELP -> {
                out.print(DemoOptions.USAGE);
                return 0;
            }
            case SERVE -> {
                return serve(options.port(), clock, out, err);
            }
            default -> {
                return showcase(clock, out, err);
            }
        }
    }

    private static int showcase(Clock clock, PrintStream out, PrintStream err) {
        ConsoleLog.routeLibraryLog(err, Level.SEVERE); // the table reports every rejection itself
        try {
            return new Showcase(clock).run(DemoDeliveries.all(clock.instant()), out);
        } catch (Exception e) {
            err.println("revhooks demo failed: " + e);
            return 1;
        }
    }

    private static int serve(int port, Clock clock, PrintStream out, PrintStream err) {
        DemoServer server;
        try {
            server = ServeMode.start(port, clock, out);
        } catch (Exception e) {
            err.println("revhooks demo: " + (causedBy(e, BindException.class)
                    ? "port " + port + " on 127.0.0.1 is already in use; choose another with --port N"
                    : "the receiver did not start: " + e));
            return 1;
        }
        try {
            server.join(); // until Ctrl-C: Jetty stops itself at shutdown
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
