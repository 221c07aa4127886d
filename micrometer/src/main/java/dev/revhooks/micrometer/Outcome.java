package dev.revhooks.micrometer;

import dev.revhooks.core.observe.AdapterOutcome;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The values of the {@code outcome} tag. Arrival outcomes partition the requests: each request a
 * receiver or the filter saw is counted under exactly one of them. Follow-up outcomes are counted
 * in addition, on a delivery already counted under an arrival outcome (a duplicate was first
 * {@code accepted}).
 */
enum Outcome {
    ACCEPTED(true),
    REJECTED(true),
    UNPARSEABLE(true),
    METHOD_NOT_ALLOWED(true),
    BODY_UNREADABLE(true),
    DUPLICATE(false),
    IN_PROGRESS(false),
    STORE_UNAVAILABLE(false),
    HANDLER_FAILED(false);

    private static final Map<AdapterOutcome, Outcome> BY_ADAPTER_OUTCOME = new EnumMap<>(AdapterOutcome.class);

    static {
        Map<String, Outcome> byName = new HashMap<>();
        for (Outcome outcome : values()) {
            byName.put(outcome.name(), outcome);
        }
        for (AdapterOutcome outcome : AdapterOutcome.values()) {
            // an outcome core adds later is not counted until it is added here (a test lists them all)
            if (byName.containsKey(outcome.name())) {
                BY_ADAPTER_OUTCOME.put(outcome, byName.get(outcome.name()));
            }
        }
    }

    private final String tagValue;
    private final boolean arrival;

    Outcome(boolean arrival) {
        this.tagValue = name().toLowerCase(Locale.ROOT);
        this.arrival = arrival;
    }

    /** The tag value, the constant's name in lower case. */
    String tagValue() {
        return tagValue;
    }

    /** Whether this outcome counts a request once (true), or adds to one already counted (false). */
    boolean arrival() {
        return arrival;
    }

    /** The outcome of the same name; null for one this module does not know yet. */
    static Outcome of(AdapterOutcome outcome) {
        return BY_ADAPTER_OUTCOME.get(outcome);
    }
}
