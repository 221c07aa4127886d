package dev.revhooks.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/**
 * Counts the bytes the calling thread allocates per call of a piece of code, with the JVM's
 * per-thread allocation counter ({@code com.sun.management.ThreadMXBean}), as JMH's
 * {@code -prof gc} does. The count does not depend on the machine's load or on timing; it is a
 * firm figure for code that allocates nothing even before the JIT compiles it (interpreted code
 * keeps every allocation that escape analysis would later remove, so an assertion on such code
 * holds from the first call, whatever the JIT does).
 *
 * <pre>{@code
 * double bytes = Allocations.perCall(2_000, 10_000, () -> receiver.verify(request));
 * assertThat(bytes).isLessThan(1.0);
 * }</pre>
 */
public final class Allocations {

    /** The code to count. */
    @FunctionalInterface
    public interface Call {
        /**
         * Runs once.
         *
         * @throws Exception as the code does
         */
        void run() throws Exception;
    }

    private Allocations() {
    }

    /**
     * The bytes this thread allocates per call, averaged over {@code calls} calls that follow
     * {@code warmUp} calls (which load classes and fill per-thread state). Skips the test (an
     * assumption) on a JVM without the counter.
     *
     * @param warmUp calls not counted
     * @param calls calls counted, at least 1
     * @param call the code
     * @return bytes per call
     * @throws Exception as the code throws
     */
    public static double perCall(int warmUp, int calls, Call call) throws Exception {
        com.sun.management.ThreadMXBean threads = threads();
        for (int i = 0; i < warmUp; i++) {
            call.run();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        long after = threads.getCurrentThreadAllocatedBytes();
        return (after - before) / (double) calls;
    }

    private static com.sun.management.ThreadMXBean threads() {
        boolean counted = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled();
        assumeTrue(counted, "this JVM does not count the bytes each thread allocates");
        return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }
}
