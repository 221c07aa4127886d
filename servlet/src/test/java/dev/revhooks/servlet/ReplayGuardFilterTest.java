package dev.revhooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ClaimToken;
import dev.revhooks.core.replay.InMemoryReplayGuard;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.core.replay.ReplayStoreUnavailableException;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReplayGuardFilterTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Map<String, AtomicInteger> HANDLED = new ConcurrentHashMap<>();
    private static final CountDownLatch ENTERED_SLOW = new CountDownLatch(1);
    private static final CountDownLatch RELEASE_SLOW = new CountDownLatch(1);
    private static final InMemoryReplayGuard GUARD_OF_EXCHANGES = InMemoryReplayGuard.builder().build();
    private static final StoreSwitch STORE = new StoreSwitch(InMemoryReplayGuard.builder().build());
    private static JettyServer server;

    /** Counts deliveries per "id"; fails the first attempt of ids starting with "flaky"; blocks on "slow". */
    static final class CountingApp extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
            VerifiedDelivery<ObjectNode> delivery = WebhookFilter.delivery(req, ObjectNode.class);
            String id = delivery.event().get("id").asText();
            int attempt = HANDLED.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            if (id.startsWith("flaky") && attempt == 1) {
                resp.setStatus(503);
                return;
            }
            if (id.startsWith("throwing") && attempt == 1) {
                throw new IllegalStateException("app failure");
            }
            if (id.equals("slow")) {
                ENTERED_SLOW.countDown();
                try {
                    RELEASE_SLOW.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            resp.setStatus(204);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        TestReceiver receiver = new TestReceiver(BodyLimit.DEFAULT);
        Map<String, Filter> filters = Map.of(
                "/once", WebhookFilter.builder(receiver).replayGuard(InMemoryReplayGuard.builder().build()).build(),
                "/always", WebhookFilter.builder(receiver).replayGuard(InMemoryReplayGuard.builder().build())
                        .skipReplayGuardWhen(d -> true).build(),
                "/exchange", WebhookFilter.builder(new TestReceiver(BodyLimit.DEFAULT, true))
                        .replayGuard(GUARD_OF_EXCHANGES).skipReplayGuardWhen(d -> false).build(),
                "/shared", WebhookFilter.builder(receiver).replayGuard(STORE).build());
        server = new JettyServer(filters, new CountingApp());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static CompletableFuture<HttpResponse<String>> post(String path, String id) {
        byte[] body = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
        return CLIENT.sendAsync(HttpRequest.newBuilder(server.uri(path)).header("X-Test-Signature", TestReceiver.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int handled(String id) {
        return HANDLED.getOrDefault(id, new AtomicInteger()).get();
    }

    @Test
    void aRepeatedDeliveryIsAcknowledgedButNotPassedOnTwice() throws Exception {
        assertThat(post("/once", "a").get().statusCode()).isEqualTo(204);
        HttpResponse<String> again = post("/once", "a").get();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("already processed");
        assertThat(handled("a")).isEqualTo(1);
    }

    @Test
    void aDeliveryWhoseFirstAttemptFailedIsProcessedOnRetry() throws Exception {
        assertThat(post("/once", "flaky-1").get().statusCode()).isEqualTo(503);
        assertThat(post("/once", "flaky-1").get().statusCode()).isEqualTo(204);
        assertThat(post("/once", "flaky-1").get().statusCode()).isEqualTo(200);
        assertThat(handled("flaky-1")).isEqualTo(2);

        assertThat(post("/once", "throwing-1").get().statusCode()).isEqualTo(500);
        assertThat(post("/once", "throwing-1").get().statusCode()).isEqualTo(204);
        assertThat(handled("throwing-1")).isEqualTo(2);
    }

    @Test
    void aCopyArrivingWhileTheFirstIsHandledIsAskedToRetry() throws Exception {
        CompletableFuture<HttpResponse<String>> first = post("/once", "slow");
        assertThat(ENTERED_SLOW.await(10, TimeUnit.SECONDS)).isTrue();
        HttpResponse<String> second = post("/once", "slow").get();
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Retry-After")).hasValue("30");
        RELEASE_SLOW.countDown();
        assertThat(first.get().statusCode()).isEqualTo(204);
        assertThat(handled("slow")).isEqualTo(1);
    }

    @Test
    void exchangesAreAlwaysPassedOnAndNeverFillTheGuard() throws Exception {
        // like RevRing's pre-call: answered every time, even with no skip predicate
        assertThat(post("/exchange", "pre").get().statusCode()).isEqualTo(204);
        assertThat(post("/exchange", "pre").get().statusCode()).isEqualTo(204);
        assertThat(handled("pre")).isEqualTo(2);
        assertThat(GUARD_OF_EXCHANGES.size()).isZero();
    }

    @Test
    void excludedDeliveriesAreAlwaysPassedOn() throws Exception {
        assertThat(post("/always", "b").get().statusCode()).isEqualTo(204);
        assertThat(post("/always", "b").get().statusCode()).isEqualTo(204);
        assertThat(handled("b")).isEqualTo(2);
    }

    /**
     * The failure a shared store's guard reports while its store is down, in front of a working
     * guard: the filter's side of it. The stores' own modules test the real outages.
     */
    static final class StoreSwitch implements ReplayGuard {
        private final ReplayGuard working;
        volatile boolean claimsFail;
        volatile boolean settlingFails;

        StoreSwitch(ReplayGuard working) {
            this.working = working;
        }

        @Override
        public ClaimResult claim(DeliveryKey key) {
            if (claimsFail) {
                throw new ReplayStoreUnavailableException("test store: claim failed", new java.io.IOException("connection refused"));
            }
            return working.claim(key);
        }

        @Override
        public boolean complete(DeliveryKey key, ClaimToken token) {
            if (settlingFails) {
                throw new ReplayStoreUnavailableException("test store: complete failed", new java.io.IOException("connection reset"));
            }
            return working.complete(key, token);
        }

        @Override
        public boolean release(DeliveryKey key, ClaimToken token) {
            if (settlingFails) {
                throw new ReplayStoreUnavailableException("test store: release failed", new java.io.IOException("connection reset"));
            }
            return working.release(key, token);
        }
    }

    @Test
    void anUnavailableStoreGets503WithRetryAfterAndNothingIsPassedOn() throws Exception {
        STORE.claimsFail = true;
        try {
            HttpResponse<String> down = post("/shared", "outage-1").get();
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(down.body()).isEqualTo("replay guard store unavailable; retry later\n");
            assertThat(handled("outage-1")).isZero();
        } finally {
            STORE.claimsFail = false;
        }
        assertThat(post("/shared", "outage-1").get().statusCode()).as("the vendor's retry").isEqualTo(204);
        assertThat(post("/shared", "outage-1").get().statusCode()).isEqualTo(200);
        assertThat(handled("outage-1")).isEqualTo(1);
    }

    @Test
    void aStoreFailingAfterTheAppAnsweredKeepsTheAppsAnswerAndTheClaimUntilItsLease() throws Exception {
        STORE.settlingFails = true;
        try {
            assertThat(post("/shared", "outage-2").get().statusCode()).isEqualTo(204);
            assertThat(post("/shared", "flaky-outage").get().statusCode()).isEqualTo(503);
        } finally {
            STORE.settlingFails = false;
        }
        assertThat(post("/shared", "outage-2").get().statusCode()).as("claimed until its lease expires").isEqualTo(409);
        assertThat(handled("outage-2")).isEqualTo(1);
        assertThat(handled("flaky-outage")).isEqualTo(1);
    }
}
