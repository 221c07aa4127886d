package dev.revhooks.demo;

import java.util.Objects;

/**
 * The parsed command line.
 *
 * @param mode what to do
 * @param port the port for {@link Mode#SERVE}
 */
record DemoOptions(Mode mode, int port) {

    /** What the demo does. */
    enum Mode {
        /** Send every delivery, print the table, exit. */
        SHOWCASE,
        /** Keep the receiver running. */
        SERVE,
        /** Print the usage. */
        HELP
    }

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar revhooks-demo.jar [--serve [--port N]]",
            "",
            "  (no option)  start a webhook receiver on 127.0.0.1 (embedded Jetty with the WebhookFilter), send it",
            "               the vendors' documented deliveries and forged ones over HTTP, print what became of each",
            "               and exit",
            "  --serve      keep the receiver running and log every delivery; print its URLs and the demo",
            "               credentials so you can send your own; Ctrl-C stops it",
            "  --port N     the port for --serve on 127.0.0.1 (default " + ServeMode.DEFAULT_PORT + "; 0 picks a free one)",
            "  --help       this text",
            "",
            "Exit status: 0 when every delivery went as expected (or --serve stopped), 1 when one did not or the",
            "receiver could not start, 2 for a usage error.",
            "");

    DemoOptions {
        Objects.requireNonNull(mode, "mode");
    }

    /**
     * Parses the arguments.
     *
     * @param args the command line
     * @return the options
     * @throws UsageException for an unknown option, a bad or repeated port, or {@code --port} without {@code --serve}
     */
    static DemoOptions parse(String... args) throws UsageException {
        boolean serve = false;
        Integer port = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return new DemoOptions(Mode.HELP, 0);
                }
                case "--serve" -> serve = true;
                case "--port" -> {
                    if (port != null) {
                        throw new UsageException("--port is given twice");
                    }
                    if (i + 1 == args.length) {
                        throw new UsageException("--port needs a number");
                    }
                    port = port(args[++i]);
                }
                default -> throw new UsageException("unknown option: " + arg);
            }
        }
        if (port != null && !serve) {
            throw new UsageException("--port applies to --serve only (the default mode picks a free port)");
        }
        if (!serve) {
            return new DemoOptions(Mode.SHOWCASE, 0);
        }
        return new DemoOptions(Mode.SERVE, port == null ? ServeMode.DEFAULT_PORT : port);
    }

    private static int port(String value) throws UsageException {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--port needs a number from 0 to 65535, not " + value);
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("--port needs a number from 0 to 65535, not " + value);
        }
        return port;
    }
}
