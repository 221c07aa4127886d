package dev.revhooks.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.observe.AdapterOutcome;
import dev.revhooks.revont.RevontEventType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Eight threads share one observer (and its first registrations): every counter ends at exactly
 * eight times what one thread counted, with no lost increment and no meter registered twice.
 */
class ConcurrentCountingTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 300;

    @Test
    void eightThreadsCountExactly() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        MicrometerWebhookObserver observer = MicrometerWebhookObserver.of(registry);
        List<ObservedReceiver<?>> receivers = new ArrayList<>();
        List<Vendors.Case> cases = new ArrayList<>();
        Map<Map<String, String>, Double> perThread = new HashMap<>();
        for (Vendors.Vendor<?> vendor : Vendors.ALL) {
            for (Vendors.Case c : vendor.cases()) {
                receivers.add(vendor.observed(observer));
                cases.add(c);
                perThread.merge(Deliveries.tags(vendor.name(), c.outcome(), c.reason(), c.event()), (double) ROUNDS, Double::sum);
            }
        }
        perThread.merge(Deliveries.tags("revont", "duplicate", "none", "call.ended"), (double) ROUNDS, Double::sum);

        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    start.await(1, TimeUnit.MINUTES); // all threads meet the first registrations together
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int i = 0; i < cases.size(); i++) {
                            Vendors.Vendor.receiveQuietly(receivers.get(i)::receive, cases.get(i).request());
                        }
                        observer.answered("revont", RevontEventType.CALL_ENDED, AdapterOutcome.DUPLICATE);
                    }
                    return null;
                }));
            }
            for (Future<?> thread : done) {
                thread.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<Map<String, String>, Double> expected = new HashMap<>();
        perThread.forEach((tags, count) -> expected.put(tags, count * THREADS));
        assertThat(Deliveries.counts(registry)).isEqualTo(expected);
        long deliveries = (long) THREADS * ROUNDS * cases.size();
        long timedVerify = 0;
        for (Vendors.Vendor<?> vendor : Vendors.ALL) {
            timedVerify += Deliveries.timed(registry, MicrometerWebhookObserver.VERIFY, vendor.name(), "passed")
                    + Deliveries.timed(registry, MicrometerWebhookObserver.VERIFY, vendor.name(), "rejected");
        }
        assertThat(timedVerify).isEqualTo(deliveries);
    }
}
