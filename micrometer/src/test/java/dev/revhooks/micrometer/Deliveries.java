package dev.revhooks.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Reads what a registry holds: every {@code revhooks.deliveries} counter by its tags, and timer counts. */
final class Deliveries {

    private Deliveries() {
    }

    /** Tags as a sorted map, e.g. {@code {event=unknown, outcome=rejected, reason=signature_mismatch, vendor=revont}}. */
    static Map<String, String> tags(Meter meter) {
        Map<String, String> tags = new TreeMap<>();
        for (Tag tag : meter.getId().getTagsAsIterable()) {
            tags.put(tag.getKey(), tag.getValue());
        }
        return tags;
    }

    static Map<String, String> tags(String vendor, String outcome, String reason, String event) {
        return new TreeMap<>(Map.of("vendor", vendor, "outcome", outcome, "reason", reason, "event", event));
    }

    /** Every delivery counter's count, by tags. */
    static Map<Map<String, String>, Double> counts(MeterRegistry registry) {
        Map<Map<String, String>, Double> counts = new HashMap<>();
        for (Counter counter : registry.find(MicrometerWebhookObserver.DELIVERIES).counters()) {
            counts.put(tags(counter), counter.count());
        }
        return counts;
    }

    /** What changed between two {@link #counts} snapshots: tags to the difference. */
    static Map<Map<String, String>, Double> changes(Map<Map<String, String>, Double> before,
                                                    Map<Map<String, String>, Double> after) {
        Map<Map<String, String>, Double> changes = new HashMap<>();
        after.forEach((tags, count) -> {
            double delta = count - before.getOrDefault(tags, 0.0);
            if (delta != 0) {
                changes.put(tags, delta);
            }
        });
        return changes;
    }

    /** How many times the timer {@code name} with {@code vendor} and {@code result} recorded; 0 when absent. */
    static long timed(MeterRegistry registry, String name, String vendor, String result) {
        Timer timer = registry.find(name).tag("vendor", vendor).tag("result", result).timer();
        return timer == null ? 0 : timer.count();
    }
}
