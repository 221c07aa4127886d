package dev.revhooks.demo;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * One-line, time-stamped console output for the demo's own log and for the library's
 * {@code System.Logger} output (the filter logs each rejection and duplicate), which goes to
 * {@code java.util.logging} when no other logging is installed.
 */
final class ConsoleLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Held strongly: java.util.logging forgets the settings of a logger nobody references. */
    private static final Logger LIBRARY = Logger.getLogger("dev.revhooks");

    private ConsoleLog() {
    }

    /**
     * Sends the library's log records at {@code level} and above to {@code out}, one line each,
     * replacing any earlier routing.
     *
     * @param out where to print
     * @param level the lowest level printed
     */
    static void routeLibraryLog(PrintStream out, Level level) {
        for (Handler handler : LIBRARY.getHandlers()) {
            LIBRARY.removeHandler(handler);
        }
        LIBRARY.setUseParentHandlers(false);
        LIBRARY.setLevel(level);
        LIBRARY.addHandler(new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                String thrown = record.getThrown() == null ? "" : " (" + record.getThrown() + ")";
                print(out, record.getLevel() + " " + formatter.formatMessage(record) + thrown);
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        });
    }

    /**
     * Prints one time-stamped line.
     *
     * @param out where to print
     * @param message the line
     */
    static void print(PrintStream out, String message) {
        out.println(LocalTime.now().format(TIME) + " " + message);
    }
}
