package dev.revhooks.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.inbox.InboxObserver.Outcome;
import dev.revhooks.core.testing.Await;
import dev.revhooks.jdbc.inbox.JdbcInbox;
import dev.revhooks.jdbc.inbox.RetryPolicy;
import dev.revhooks.revont.RevontEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The inbox workers' outcomes, counted from a real JdbcInbox's workers on H2. */
class InboxHandlingMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private double handled(String outcome) {
        return registry.get(InboxHandlingMeters.HANDLED).tags("inbox", "webhooks", "vendor", "revont", "outcome", outcome)
                .counter().count();
    }

    @Test
    void theWorkersOutcomesAreCountedPerVendor() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:inbox-handling;DB_CLOSE_DELAY=-1");
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        try (JdbcInbox inbox = JdbcInbox.builder(h2).createTableIfMissing()
                .observer(InboxHandlingMeters.of(registry, "webhooks"))
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1)))
                .pollInterval(Duration.ofMillis(20))
                .vendor(InboxMetricsTest.REVONT, (event, context) -> {
                    String call = ((RevontEvent.SummaryReady) event).data().callId();
                    if (call.equals("call_2") || call.equals("call_3") && failedOnce.add(call)) {
                        throw new IllegalStateException("handler failure");
                    }
                }).build()) {
            for (int n = 1; n <= 3; n++) {
                inbox.store(InboxMetricsTest.delivery(n));
            }
            inbox.start();
            Await.until("every delivery settled", Duration.ofSeconds(30), () -> inbox.backlog() == 0);
            inbox.shutdown(Duration.ofSeconds(10));
        }
        assertThat(handled("processed")).isEqualTo(2.0);      // call_1, call_3 at its second attempt
        assertThat(handled("retried")).isEqualTo(2.0);        // call_2's and call_3's first attempts
        assertThat(handled("dead_lettered")).isEqualTo(1.0);  // call_2 after its second
        assertThat(registry.getMeters()).hasSize(3);
    }

    @Test
    void eightThreadsCountExactly() throws Exception {
        InboxHandlingMeters meters = InboxHandlingMeters.of(registry, "webhooks");
        int perThread = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                runs.add(CompletableFuture.runAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        meters.handled("revont", Outcome.values()[i % 3]);
                    }
                }, pool));
            }
            go.countDown();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        assertThat(handled("processed") + handled("retried") + handled("dead_lettered")).isEqualTo(8.0 * perThread);
        assertThat(handled("processed")).isEqualTo(8.0 * 3334);
        assertThat(registry.getMeters()).hasSize(3);
    }

    @Test
    void aBadNameIsRefused() {
        assertThatThrownBy(() -> InboxHandlingMeters.of(registry, "Web Hooks")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inbox name must be 1 to 32 characters of [a-z0-9_.-] starting with a letter");
        assertThat(InboxHandlingMeters.of(registry, "webhooks")).hasToString("InboxHandlingMeters[webhooks]");
    }
}
