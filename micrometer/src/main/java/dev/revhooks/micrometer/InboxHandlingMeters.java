package dev.revhooks.micrometer;

import dev.revhooks.core.inbox.InboxObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts how an inbox's workers ended each delivery's handling: an {@link InboxObserver} to give
 * the inbox's builder ({@code JdbcInbox.Builder.observer}).
 *
 * <pre>{@code
 * JdbcInbox inbox = JdbcInbox.builder(dataSource)
 *         .vendor(revont, handler)
 *         .observer(InboxHandlingMeters.of(meterRegistry, "webhooks"))
 *         .build();
 * }</pre>
 *
 * <p>One counter, {@value #HANDLED} ({@code revhooks_inbox_handled_total}), tagged {@code inbox}
 * (the name the app gives: 1 to 32 characters of {@code [a-z0-9_.-]}, starting with a letter),
 * {@code vendor} (one the inbox was configured with: the inbox only takes deliveries of its own
 * vendors, so the values are bounded by its configuration) and {@code outcome}: {@code processed},
 * {@code retried}, {@code dead_lettered}. Counters are registered on a vendor's first delivery and
 * cached. Thread-safe.
 */
public final class InboxHandlingMeters implements InboxObserver {

    /** The counter's name. */
    public static final String HANDLED = "revhooks.inbox.handled";

    private final MeterRegistry registry;
    private final String name;
    private final ConcurrentHashMap<String, Counter[]> vendors = new ConcurrentHashMap<>();

    private InboxHandlingMeters(MeterRegistry registry, String name) {
        this.registry = registry;
        this.name = name;
    }

    /**
     * Counters in {@code registry} tagged {@code inbox=name}.
     *
     * <pre>{@code
     * InboxObserver observer = InboxHandlingMeters.of(meterRegistry, "webhooks");
     * }</pre>
     *
     * @param registry the app's meter registry
     * @param name     the {@code inbox} tag: 1 to 32 characters of {@code [a-z0-9_.-]}, starting with a letter
     * @return the observer
     * @throws IllegalArgumentException if {@code name} does not have that shape
     */
    public static InboxHandlingMeters of(MeterRegistry registry, String name) {
        return new InboxHandlingMeters(Objects.requireNonNull(registry, "registry"), TagValue.check("inbox name", name));
    }

    @Override
    public void handled(String vendor, Outcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        Counter[] counters = vendors.get(Objects.requireNonNull(vendor, "vendor"));
        if (counters == null) {
            counters = vendors.computeIfAbsent(vendor, this::register);
        }
        counters[outcome.ordinal()].increment();
    }

    @Override
    public String toString() {
        return "InboxHandlingMeters[" + name + "]";
    }

    private Counter[] register(String vendor) {
        Outcome[] outcomes = Outcome.values();
        Counter[] counters = new Counter[outcomes.length];
        for (Outcome outcome : outcomes) {
            counters[outcome.ordinal()] = Counter.builder(HANDLED)
                    .description("Inbox deliveries by how their handling ended")
                    .tag(InboxMetrics.INBOX, name)
                    .tag(MicrometerWebhookObserver.VENDOR, vendor)
                    .tag(MicrometerWebhookObserver.OUTCOME, outcomeTag(outcome))
                    .register(registry);
        }
        return counters;
    }

    static String outcomeTag(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
