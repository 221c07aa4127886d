package dev.revhooks.demo;

import java.io.PrintStream;
import java.time.Clock;
import java.util.logging.Level;

/** {@code --serve}: the same receiver on a fixed port, logging what it receives until stopped. */
final class ServeMode {

    /** The port {@code --serve} listens on unless {@code --port} says otherwise. */
    static final int DEFAULT_PORT = 8080;

    private ServeMode() {
    }

    /**
     * Starts the receiver, prints its URLs and the demo credentials, and sends the filter's log and
     * one line per typed event or dead letter to {@code out}.
     *
     * @param port the port on 127.0.0.1; 0 for any free port
     * @param clock the clock RevRag's timestamps are checked against
     * @param out where the banner and the log go
     * @return the running server; close it to stop
     * @throws Exception when Jetty cannot start, e.g. the port is in use
     */
    static DemoServer start(int port, Clock clock, PrintStream out) throws Exception {
        ConsoleLog.routeLibraryLog(out, Level.INFO); // the filter logs each rejection and duplicate
        DemoServer server = DemoServer.start(port,
                Endpoints.create(clock, record -> ConsoleLog.print(out, record.toString())));
        out.print(Banner.serve(server.baseUri(), server.endpoints()));
        out.flush();
        return server;
    }
}
