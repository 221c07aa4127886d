package dev.revhooks.core.testing;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WireValue;
import dev.revhooks.core.observe.AdapterOutcome;
import dev.revhooks.core.observe.DeliveryObservation;
import dev.revhooks.core.observe.WebhookObserver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An observer for tests: records every call as one line ({@code "start revont"},
 * {@code "verified HMAC_SIGNATURE current"}, {@code "rejected SIGNATURE_MISMATCH"},
 * {@code "accepted SUMMARY_READY"}, {@code "unparseable"}), per observation, and checks the
 * contract: every observation ends exactly once, nothing after its end, durations never negative,
 * event types are enum constants.
 *
 * <pre>{@code
 * RecordingObserver observer = new RecordingObserver();
 * RevontWebhooks revont = RevontWebhooks.builder().secret(secret).observer(observer).build();
 * revont.receive(signed);
 * assertThat(observer.lines()).containsExactly("start revont", "verified HMAC_SIGNATURE secret-1", "accepted CALL_ENDED");
 * }</pre>
 */
public final class RecordingObserver implements WebhookObserver {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<Observation> observations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

    @Override
    public DeliveryObservation start(String vendor) {
        lines.add("start " + vendor);
        Observation observation = new Observation();
        observations.add(observation);
        return observation;
    }

    @Override
    public void answered(String vendor, WireValue eventType, AdapterOutcome outcome) {
        lines.add("answered " + vendor + " " + (eventType == null ? "-" : ((Enum<?>) eventType).name()) + " " + outcome);
    }

    /**
     * Every line recorded so far, in order.
     *
     * @return a copy of the lines
     */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * The lines, then forgets them.
     *
     * @return the lines recorded since the last call
     */
    public List<String> take() {
        synchronized (lines) {
            List<String> copy = List.copyOf(lines);
            lines.clear();
            return copy;
        }
    }

    /**
     * Whether every observation started so far ended exactly once and broke no rule.
     *
     * @return the rule violations, empty when none
     */
    public List<String> violations() {
        List<String> all = new ArrayList<>(violations);
        synchronized (observations) {
            for (int i = 0; i < observations.size(); i++) {
                if (observations.get(i).ends != 1) {
                    all.add("observation " + i + " ended " + observations.get(i).ends + " times");
                }
            }
        }
        return all;
    }

    /**
     * How many observations were started.
     *
     * @return the count
     */
    public int started() {
        return observations.size();
    }

    private final class Observation implements DeliveryObservation {
        private int ends;

        @Override
        public void verified(Authentication authentication, long verifyNanos) {
            check(verifyNanos, "verified");
            lines.add("verified " + authentication.method() + " " + authentication.credentialId());
        }

        @Override
        public void rejected(FailureReason reason, long verifyNanos) {
            end(verifyNanos, "rejected");
            lines.add("rejected " + reason);
        }

        @Override
        public void accepted(WireValue eventType, long parseNanos) {
            end(parseNanos, "accepted");
            if (!(eventType instanceof Enum<?> constant)) {
                violations.add("accepted with a non-enum event type " + eventType);
                lines.add("accepted " + eventType);
            } else {
                lines.add("accepted " + constant.name());
            }
        }

        @Override
        public void unparseable(long parseNanos) {
            end(parseNanos, "unparseable");
            lines.add("unparseable");
        }

        private synchronized void end(long nanos, String what) {
            check(nanos, what);
            ends++;
        }

        private void check(long nanos, String what) {
            if (ends > 0) {
                violations.add(what + " after the observation ended");
            }
            if (nanos < 0) {
                violations.add(what + " with negative nanos " + nanos);
            }
        }
    }

    /**
     * An observer whose every method throws, to show that an observer cannot break a delivery.
     *
     * <pre>{@code
     * RevontWebhooks revont = RevontWebhooks.builder().secret(secret).observer(RecordingObserver.throwing()).build();
     * }</pre>
     *
     * @return the observer
     */
    public static WebhookObserver throwing() {
        DeliveryObservation throwingObservation = new DeliveryObservation() {
            @Override
            public void verified(Authentication authentication, long verifyNanos) {
                throw new IllegalStateException("observer failure: verified");
            }

            @Override
            public void rejected(FailureReason reason, long verifyNanos) {
                throw new IllegalStateException("observer failure: rejected");
            }

            @Override
            public void accepted(WireValue eventType, long parseNanos) {
                throw new IllegalStateException("observer failure: accepted");
            }

            @Override
            public void unparseable(long parseNanos) {
                throw new IllegalStateException("observer failure: unparseable");
            }
        };
        return new WebhookObserver() {
            private int calls;

            @Override
            public synchronized DeliveryObservation start(String vendor) {
                if (calls++ % 2 == 0) {
                    throw new IllegalStateException("observer failure: start");
                }
                return throwingObservation;
            }
        };
    }
}
