package dev.revhooks.micrometer;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WireValue;
import dev.revhooks.core.observe.AdapterOutcome;
import dev.revhooks.core.observe.DeliveryObservation;
import dev.revhooks.core.observe.WebhookObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A {@link WebhookObserver} that counts deliveries, times verification and parsing, and (with an
 * {@link ObservationRegistry}) reports each delivery as a Micrometer {@link Observation}, so a
 * tracing bridge gets one span per delivery. Give the same instance to every receiver and to the
 * servlet filter.
 *
 * <pre>{@code
 * MicrometerWebhookObserver observer = MicrometerWebhookObserver.builder(meterRegistry)
 *         .observationRegistry(observationRegistry)   // optional: spans
 *         .build();
 * RevontWebhooks revont = RevontWebhooks.builder().secret(secret).observer(observer).build();
 * WebhookFilter<RevontEvent> filter = WebhookFilter.builder(revont).observer(observer, RevontEvent::type).build();
 * }</pre>
 *
 * <p>Meters (names as Micrometer writes them; Prometheus adds {@code _total}, {@code _seconds}):
 * <ul>
 *   <li>{@value #DELIVERIES}, a counter tagged {@code vendor}, {@code outcome}, {@code reason},
 *       {@code event}. {@code outcome} is one of the arrival outcomes {@code accepted},
 *       {@code rejected}, {@code unparseable}, {@code method_not_allowed}, {@code body_unreadable}
 *       (each request counted under exactly one of them), or one of the follow-up outcomes
 *       {@code duplicate}, {@code in_progress}, {@code store_unavailable}, {@code handler_failed},
 *       counted in addition on a delivery already counted as {@code accepted} (or, for a
 *       dead-letter handler that failed, {@code unparseable}). {@code reason} is the
 *       {@link FailureReason} in lower case for {@code rejected}, else {@code none}. {@code event}
 *       is the wire name of a known event type, else {@code unknown}: never a raw wire value, so
 *       no sender can create tag values.</li>
 *   <li>{@value #VERIFY}, a timer of limits and authentication, tagged {@code vendor} and
 *       {@code result}: {@code passed} when authentication passed, {@code rejected} when the
 *       delivery was rejected before (a check after parsing, such as an event type mismatch, is
 *       timed as {@code passed} and counted as {@code rejected}); each delivery is timed here
 *       once;</li>
 *   <li>{@value #PARSE}, a timer of parsing, tagged {@code vendor} and {@code result}
 *       ({@code parsed}, {@code unparseable}).</li>
 * </ul>
 * Both timers publish a percentile histogram by default (buckets from 1 µs to 10 s), so Prometheus
 * can compute quantiles with {@code histogram_quantile}; {@link Builder#percentileHistogram(boolean)}
 * turns it off.
 *
 * <p>The observation {@value #OBSERVATION} has only low-cardinality key values: {@code vendor},
 * {@code outcome}, {@code reason}, {@code event}, {@code authentication} (the
 * {@link Authentication.Method} in lower case, or {@code none}) and {@code credential} (the id of
 * the configured secret or key that matched, or {@code none}). A credential id is one of the ids
 * the receiver was configured with, never a value from the request, so it is bounded; no delivery
 * key, header or body is ever attached.
 *
 * <p>The number of meters is bounded by configuration: per vendor, the outcomes times the failure
 * reasons and the vendor's event types, plus four timers. Meters are registered once per tag
 * combination and cached. Thread-safe; one instance serves every receiver.
 */
public final class MicrometerWebhookObserver implements WebhookObserver {

    /** The delivery counter's name. */
    public static final String DELIVERIES = "revhooks.deliveries";
    /** The verification timer's name. */
    public static final String VERIFY = "revhooks.verify";
    /** The parse timer's name. */
    public static final String PARSE = "revhooks.parse";
    /** The name of each delivery's {@link Observation}. */
    public static final String OBSERVATION = "revhooks.delivery";

    static final String VENDOR = "vendor";
    static final String OUTCOME = "outcome";
    static final String REASON = "reason";
    static final String EVENT = "event";
    static final String RESULT = "result";
    static final String AUTHENTICATION = "authentication";
    static final String CREDENTIAL = "credential";
    static final String NONE = "none";
    static final String UNKNOWN = "unknown";

    private static final String[] REASON_TAGS = lowerCaseNames(FailureReason.values());
    private static final String[] METHOD_TAGS = lowerCaseNames(Authentication.Method.values());
    private static final Duration SHORTEST = Duration.ofNanos(1_000);
    private static final Duration LONGEST = Duration.ofSeconds(10);

    private final MeterRegistry registry;
    private final ObservationRegistry observations;
    private final boolean percentileHistogram;
    private final ConcurrentHashMap<String, VendorMeters> vendors = new ConcurrentHashMap<>();

    private MicrometerWebhookObserver(Builder builder) {
        this.registry = builder.registry;
        this.observations = builder.observations == null || builder.observations.isNoop() ? null : builder.observations;
        this.percentileHistogram = builder.percentileHistogram;
    }

    /**
     * An observer recording meters in {@code registry}, without observations.
     *
     * <pre>{@code
     * WebhookObserver observer = MicrometerWebhookObserver.of(meterRegistry);
     * }</pre>
     *
     * @param registry the app's meter registry
     * @return the observer
     */
    public static MicrometerWebhookObserver of(MeterRegistry registry) {
        return builder(registry).build();
    }

    /**
     * A builder for an observer recording meters in {@code registry}.
     *
     * <pre>{@code
     * MicrometerWebhookObserver observer = MicrometerWebhookObserver.builder(meterRegistry)
     *         .observationRegistry(observationRegistry)
     *         .build();
     * }</pre>
     *
     * @param registry the app's meter registry
     * @return the builder
     */
    public static Builder builder(MeterRegistry registry) {
        return new Builder(registry);
    }

    @Override
    public DeliveryObservation start(String vendor) {
        VendorMeters meters = vendorMeters(Objects.requireNonNull(vendor, "vendor"));
        Observation observation = null;
        if (observations != null) {
            observation = Observation.createNotStarted(OBSERVATION, observations)
                    .contextualName(meters.contextualName)
                    .lowCardinalityKeyValue(VENDOR, vendor)
                    .start();
        }
        return new Delivery(meters, observation);
    }

    @Override
    public void answered(String vendor, WireValue eventType, AdapterOutcome outcome) {
        Outcome counted = Outcome.of(Objects.requireNonNull(outcome, "outcome"));
        if (counted != null) {
            vendorMeters(Objects.requireNonNull(vendor, "vendor")).count(counted, null, eventType);
        }
    }

    @Override
    public String toString() {
        return "MicrometerWebhookObserver[" + registry.getClass().getSimpleName()
                + (observations == null ? "" : ", observations") + "]";
    }

    private VendorMeters vendorMeters(String vendor) {
        VendorMeters meters = vendors.get(vendor);
        return meters != null ? meters : vendors.computeIfAbsent(vendor, VendorMeters::new);
    }

    private Timer timer(String name, String description, String vendor, String result) {
        return Timer.builder(name)
                .description(description)
                .tag(VENDOR, vendor)
                .tag(RESULT, result)
                .publishPercentileHistogram(percentileHistogram)
                .minimumExpectedValue(SHORTEST)
                .maximumExpectedValue(LONGEST)
                .register(registry);
    }

    /**
     * The {@code event} tag: a known event type's wire name, else {@code unknown}. Only enum
     * constants qualify, so the values are the vendors' documented event types and nothing a
     * sender chose.
     */
    static String eventTag(WireValue eventType) {
        return eventKey(eventType) == UNKNOWN ? UNKNOWN : eventType.wireName();
    }

    /** The counter cache's key for an event type: the enum constant itself, or {@link #UNKNOWN}. Allocates nothing. */
    private static Object eventKey(WireValue eventType) {
        return eventType instanceof Enum<?> && eventType.wireName() != null ? eventType : UNKNOWN;
    }

    static String reasonTag(FailureReason reason) {
        return reason == null ? NONE : REASON_TAGS[reason.ordinal()];
    }

    private static String[] lowerCaseNames(Enum<?>[] constants) {
        String[] names = new String[constants.length];
        for (Enum<?> constant : constants) {
            names[constant.ordinal()] = constant.name().toLowerCase(Locale.ROOT);
        }
        return names;
    }

    /**
     * One vendor's meters: its timers, registered on its first delivery, and its counters, each
     * registered on first use and cached per outcome by reason (rejected) or event-type constant
     * (every other outcome), so counting allocates nothing.
     */
    private final class VendorMeters {
        final String vendor;
        final String contextualName;
        final Timer verifyPassed;
        final Timer verifyRejected;
        final Timer parsed;
        final Timer unparseable;
        private final List<ConcurrentHashMap<Object, Counter>> counters = new ArrayList<>();

        VendorMeters(String vendor) {
            this.vendor = Objects.requireNonNull(vendor, "vendor");
            this.contextualName = vendor + " webhook";
            String verifying = "Limits and authentication of a webhook delivery";
            String parsing = "Parsing of an authenticated webhook delivery";
            this.verifyPassed = timer(VERIFY, verifying, vendor, "passed");
            this.verifyRejected = timer(VERIFY, verifying, vendor, "rejected");
            this.parsed = timer(PARSE, parsing, vendor, "parsed");
            this.unparseable = timer(PARSE, parsing, vendor, "unparseable");
            for (int i = 0; i < Outcome.values().length; i++) {
                counters.add(new ConcurrentHashMap<>());
            }
        }

        void count(Outcome outcome, FailureReason reason, WireValue eventType) {
            Object key = outcome == Outcome.REJECTED ? Objects.requireNonNullElse(reason, NONE) : eventKey(eventType);
            ConcurrentHashMap<Object, Counter> byKey = counters.get(outcome.ordinal());
            Counter counter = byKey.get(key);
            if (counter == null) {
                counter = byKey.computeIfAbsent(key, k -> register(outcome, reason, eventType));
            }
            counter.increment();
        }

        private Counter register(Outcome outcome, FailureReason reason, WireValue eventType) {
            return Counter.builder(DELIVERIES)
                    .description("Webhook deliveries by vendor, outcome, rejection reason and event type")
                    .tag(VENDOR, vendor)
                    .tag(OUTCOME, outcome.tagValue())
                    .tag(REASON, reasonTag(reason))
                    .tag(EVENT, outcome == Outcome.REJECTED ? UNKNOWN : eventTag(eventType))
                    .register(registry);
        }
    }

    /** One delivery: records its times, counts its outcome, ends its observation. */
    private final class Delivery implements DeliveryObservation {
        private final VendorMeters meters;
        private final Observation observation;
        private Authentication authentication;

        Delivery(VendorMeters meters, Observation observation) {
            this.meters = meters;
            this.observation = observation;
        }

        @Override
        public void verified(Authentication authentication, long verifyNanos) {
            this.authentication = authentication;
            meters.verifyPassed.record(verifyNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void rejected(FailureReason reason, long verifyNanos) {
            if (authentication == null) { // a check after parsing rejected it: its verify time is already recorded
                meters.verifyRejected.record(verifyNanos, TimeUnit.NANOSECONDS);
            }
            end(Outcome.REJECTED, reason, null);
        }

        @Override
        public void accepted(WireValue eventType, long parseNanos) {
            meters.parsed.record(parseNanos, TimeUnit.NANOSECONDS);
            end(Outcome.ACCEPTED, null, eventType);
        }

        @Override
        public void unparseable(long parseNanos) {
            meters.unparseable.record(parseNanos, TimeUnit.NANOSECONDS);
            end(Outcome.UNPARSEABLE, null, null);
        }

        private void end(Outcome outcome, FailureReason reason, WireValue eventType) {
            meters.count(outcome, reason, eventType);
            if (observation != null) {
                Authentication auth = authentication;
                observation.lowCardinalityKeyValue(OUTCOME, outcome.tagValue())
                        .lowCardinalityKeyValue(REASON, reasonTag(reason))
                        .lowCardinalityKeyValue(EVENT, eventTag(eventType))
                        .lowCardinalityKeyValue(AUTHENTICATION, auth == null ? NONE : METHOD_TAGS[auth.method().ordinal()])
                        .lowCardinalityKeyValue(CREDENTIAL, auth == null || auth.credentialId() == null
                                ? NONE : auth.credentialId())
                        .stop();
            }
        }
    }

    /**
     * Builds a {@link MicrometerWebhookObserver}.
     *
     * <pre>{@code
     * MicrometerWebhookObserver observer = MicrometerWebhookObserver.builder(meterRegistry)
     *         .percentileHistogram(false)   // client-side percentiles configured by a MeterFilter instead
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final MeterRegistry registry;
        private ObservationRegistry observations;
        private boolean percentileHistogram = true;

        private Builder(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * Also reports each delivery as an {@link Observation} named {@value MicrometerWebhookObserver#OBSERVATION} in
         * {@code observations} (a tracing bridge makes it a span). Without it, or with a no-op
         * registry, no observation is created.
         *
         * @param observations the app's observation registry
         * @return this builder
         */
        public Builder observationRegistry(ObservationRegistry observations) {
            this.observations = Objects.requireNonNull(observations, "observations");
            return this;
        }

        /**
         * Whether the timers publish a percentile histogram (the default, for Prometheus'
         * {@code histogram_quantile}); turn it off to keep the bucket series out of a registry
         * that does not use them.
         *
         * @param publish true to publish the histogram buckets
         * @return this builder
         */
        public Builder percentileHistogram(boolean publish) {
            this.percentileHistogram = publish;
            return this;
        }

        /**
         * Builds the observer.
         *
         * @return the observer, thread-safe
         */
        public MicrometerWebhookObserver build() {
            return new MicrometerWebhookObserver(this);
        }
    }
}
