package dev.revhooks.servlet;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records what {@link WebhookFilter} logs (through {@code System.Logger}, which goes to
 * {@code java.util.logging} here), each record formatted with its parameters and stack trace.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger(WebhookFilter.class.getName());
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    LogCapture() {
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** Everything logged so far, one entry per record: level, message with parameters, stack trace. */
    List<String> records() {
        return List.copyOf(lines);
    }

    /** Waits, at most {@code bound}, for a record containing {@code text}; false when none came. */
    synchronized boolean await(String text, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (lines.stream().noneMatch(line -> line.contains(text))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public void publish(LogRecord record) {
        StringWriter text = new StringWriter();
        text.append(record.getLevel().getName()).append(' ').append(formatter.formatMessage(record));
        if (record.getThrown() != null) {
            text.append('\n');
            record.getThrown().printStackTrace(new PrintWriter(text));
        }
        lines.add(text.toString());
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
