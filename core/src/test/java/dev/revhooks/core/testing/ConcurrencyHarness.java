package dev.revhooks.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.WebhookReceiver;
import dev.revhooks.core.WebhookRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One shared receiver over a precomputed list of requests, first on the calling thread and then on
 * many threads at once: every verdict reached concurrently must equal the single-threaded one.
 * The test keeps what is its vendor's own: the receiver, the mix of requests and the checks that
 * the mix reaches every step ({@link #expected()}). Shared with the vendor modules' tests.
 *
 * <pre>{@code
 * ConcurrencyHarness<WebhookRequest> harness = ConcurrencyHarness.of(receiver, requests);
 * assertThat(harness.expected()).extracting(Verdict::outcome)
 *         .anyMatch(o -> o.equals("rejected SIGNATURE_MISMATCH"));
 * harness.assertThreadsAgree(8, 50_000);
 * }</pre>
 *
 * @param <T> what one delivery is made of: a request, or a request and what else the receiver is told
 */
public final class ConcurrencyHarness<T> {

    private static final long TIMEOUT_MINUTES = 5;

    private final List<T> items;
    private final Function<? super T, Verdict> verdict;
    private final List<Verdict> expected;

    private ConcurrencyHarness(List<T> items, Function<? super T, Verdict> verdict) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no requests");
        }
        this.items = List.copyOf(items);
        this.verdict = verdict;
        List<Verdict> verdicts = new ArrayList<>(this.items.size());
        for (T item : this.items) {
            verdicts.add(verdict.apply(item));
        }
        this.expected = List.copyOf(verdicts);
    }

    /**
     * A harness for a receiver's {@code receive(request)}; computes the single-threaded verdicts now.
     *
     * @param receiver the receiver all threads share
     * @param requests the requests, not empty
     * @return the harness
     */
    public static ConcurrencyHarness<WebhookRequest> of(WebhookReceiver<?> receiver, List<WebhookRequest> requests) {
        return of(requests, request -> Verdict.of(request, () -> receiver.receive(request)));
    }

    /**
     * A harness for any way of receiving; computes the single-threaded verdicts now.
     *
     * @param <T> what one delivery is made of
     * @param items the deliveries, not empty
     * @param verdict receives one delivery with the shared receiver, e.g. through
     *     {@link Verdict#of(WebhookRequest, Verdict.Reception)}
     * @return the harness
     */
    public static <T> ConcurrencyHarness<T> of(List<T> items, Function<? super T, Verdict> verdict) {
        return new ConcurrencyHarness<>(items, verdict);
    }

    /**
     * The verdicts reached on a single thread, in the order of the requests.
     *
     * @return the verdicts, unmodifiable
     */
    public List<Verdict> expected() {
        return expected;
    }

    /**
     * Starts {@code threads} threads together, each receiving {@code deliveriesPerThread} requests
     * in its own order over the list, and asserts that no verdict differs from the single-threaded
     * one. An exception other than the library's two, or a failed assertion, in any thread fails
     * the call.
     *
     * @param threads how many threads share the receiver
     * @param deliveriesPerThread how many requests each thread receives
     * @throws Exception when a thread failed, was interrupted or took longer than five minutes
     */
    public void assertThreadsAgree(int threads, int deliveriesPerThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            AtomicReference<String> firstMismatch = new AtomicReference<>();
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                mismatches.add(pool.submit(() -> {
                    start.await();
                    return mismatches(thread, deliveriesPerThread, firstMismatch);
                }));
            }
            pool.shutdown();
            int total = 0;
            for (Future<Integer> future : mismatches) {
                total += future.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            }
            assertThat(total).as("verdicts differing from the single-threaded ones; first: %s", firstMismatch.get()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    private int mismatches(int thread, int deliveries, AtomicReference<String> firstMismatch) {
        int count = 0;
        for (int i = 0; i < deliveries; i++) {
            int k = (i * 31 + thread * 7) % items.size();
            Verdict actual = verdict.apply(items.get(k));
            if (!actual.equals(expected.get(k))) {
                count++;
                firstMismatch.compareAndSet(null, "request " + k + ": " + actual + " instead of " + expected.get(k));
            }
        }
        return count;
    }
}
