package dev.revhooks.micrometer;

import dev.revhooks.core.inbox.InboxBacklog;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Gauges of an inbox's backlog ({@code JdbcInbox} of {@code revhooks-jdbc}, or any
 * {@link InboxBacklog}): what is waiting, how far the workers are behind, how many dead letters are
 * kept. A {@link MeterBinder}: Spring Boot binds every {@code MeterBinder} bean itself; elsewhere
 * call {@link #bindTo(MeterRegistry)}.
 *
 * <pre>{@code
 * InboxMetrics.of(jdbcInbox, "webhooks").bindTo(meterRegistry);
 * }</pre>
 *
 * <p>Meters, each tagged {@code inbox} with the name the app gives (1 to 32 characters of
 * {@code [a-z0-9_.-]}, starting with a letter):
 * <ul>
 *   <li>{@value #BACKLOG}, a gauge: deliveries neither done nor dead ({@link InboxBacklog#backlog()});</li>
 *   <li>{@value #DEAD_LETTERS}, a gauge: dead letters kept ({@link InboxBacklog#countDeadLetters()});</li>
 *   <li>{@value #OLDEST_DUE_AGE}, a time gauge in seconds: the age of the oldest delivery that is
 *       due now ({@link InboxBacklog#oldestDueAge()}), 0 when nothing is due.</li>
 * </ul>
 *
 * <p><b>A scrape never throws and never hammers the store.</b> Each value is read at most once per
 * {@link #cacheFor(Duration) cache period} (5 seconds by default; every scrape within it gets the
 * same value), whatever the number of scrapes, registries or threads: one query per gauge per
 * period. When the store cannot answer (any {@link RuntimeException}, such as
 * {@code InboxUnavailableException}) the gauge reads {@code NaN} for that period, and a single
 * WARNING names the exception's type (never its message, which could name a host or user) when
 * the gauges start failing; the next successful read logs that they recovered. The store is the
 * same for every instance of the app: aggregate with {@code max}, not {@code sum}.
 */
public final class InboxMetrics implements MeterBinder {

    /** The backlog gauge's name. */
    public static final String BACKLOG = "revhooks.inbox.backlog";
    /** The dead-letter gauge's name. */
    public static final String DEAD_LETTERS = "revhooks.inbox.dead.letters";
    /** The oldest due delivery's age gauge's name (seconds). */
    public static final String OLDEST_DUE_AGE = "revhooks.inbox.oldest.due.age";

    static final String INBOX = "inbox";
    private static final Duration DEFAULT_CACHE = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(InboxMetrics.class.getName());

    private final InboxBacklog inbox;
    private final String name;
    private final Duration cacheFor;

    private InboxMetrics(InboxBacklog inbox, String name, Duration cacheFor) {
        this.inbox = inbox;
        this.name = name;
        this.cacheFor = cacheFor;
    }

    /**
     * Gauges for {@code inbox}, tagged {@code inbox=name}, each value cached for 5 seconds.
     *
     * <pre>{@code
     * InboxMetrics.of(jdbcInbox, "webhooks").bindTo(meterRegistry);
     * }</pre>
     *
     * @param inbox the inbox to read
     * @param name  the {@code inbox} tag: 1 to 32 characters of {@code [a-z0-9_.-]}, starting with a letter
     * @return the binder
     * @throws IllegalArgumentException if {@code name} does not have that shape
     */
    public static InboxMetrics of(InboxBacklog inbox, String name) {
        return new InboxMetrics(Objects.requireNonNull(inbox, "inbox"), TagValue.check("inbox name", name), DEFAULT_CACHE);
    }

    /**
     * The same gauges with another cache period: how long a value read from the store is served
     * to every scrape before the store is asked again.
     *
     * <pre>{@code
     * InboxMetrics.of(jdbcInbox, "webhooks").cacheFor(Duration.ofSeconds(15)).bindTo(meterRegistry);
     * }</pre>
     *
     * @param period zero (ask the store on every scrape) to one hour
     * @return a binder with that period
     * @throws IllegalArgumentException if the period is negative or over one hour
     */
    public InboxMetrics cacheFor(Duration period) {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("cache period must be zero to one hour");
        }
        return new InboxMetrics(inbox, name, period);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Clock clock = registry.config().clock();
        Failures failures = new Failures(name);
        Reading backlog = new Reading(() -> inbox.backlog(), clock, cacheFor, failures);
        Reading deadLetters = new Reading(() -> inbox.countDeadLetters(), clock, cacheFor, failures);
        Reading oldestDueAge = new Reading(() -> inbox.oldestDueAge().map(age -> age.toNanos() / 1e9).orElse(0.0),
                clock, cacheFor, failures);
        gauge(registry, BACKLOG, "Inbox deliveries neither done nor dead", backlog);
        gauge(registry, DEAD_LETTERS, "Inbox dead letters kept", deadLetters);
        TimeGauge.builder(OLDEST_DUE_AGE, oldestDueAge, TimeUnit.SECONDS, Reading::value)
                .description("Age of the oldest inbox delivery due now (0 when none is due)")
                .tag(INBOX, name)
                .strongReference(true)
                .register(registry);
    }

    @Override
    public String toString() {
        return "InboxMetrics[" + name + ", cached " + cacheFor + "]";
    }

    private void gauge(MeterRegistry registry, String meter, String description, Reading reading) {
        ToDoubleFunction<Reading> value = Reading::value;
        Gauge.builder(meter, reading, value)
                .description(description)
                .tag(INBOX, name)
                .strongReference(true)
                .register(registry);
    }

    /** A value read from the store, kept for the cache period; {@code NaN} while the store fails. */
    static final class Reading {
        private final StoreRead read;
        private final Clock clock;
        private final long periodNanos;
        private final Failures failures;
        private double value = Double.NaN;
        private long readAt;
        private boolean hasValue;

        Reading(StoreRead read, Clock clock, Duration period, Failures failures) {
            this.read = read;
            this.clock = clock;
            this.periodNanos = period.toNanos();
            this.failures = failures;
        }

        synchronized double value() {
            long now = clock.monotonicTime();
            if (hasValue && now - readAt < periodNanos) {
                return value;
            }
            try {
                value = read.read();
                failures.succeeded();
            } catch (RuntimeException e) {
                value = Double.NaN;
                failures.failed(e);
            }
            readAt = now;
            hasValue = true;
            return value;
        }
    }

    /** One read of the store. */
    @FunctionalInterface
    interface StoreRead {
        double read();
    }

    /** Logs the change from readable to failing and back once, naming only the exception's type. */
    static final class Failures {
        private final String name;
        private boolean failing;

        Failures(String name) {
            this.name = name;
        }

        synchronized void failed(RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(System.Logger.Level.WARNING, "inbox metrics " + name + ": the inbox could not be read ("
                        + e.getClass().getSimpleName() + "); its gauges read NaN until it answers again");
            }
        }

        synchronized void succeeded() {
            if (failing) {
                failing = false;
                LOG.log(System.Logger.Level.INFO, "inbox metrics " + name + ": the inbox answers again");
            }
        }
    }
}
