package dev.revhooks.jdbc.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The worker threads of one {@link JdbcInbox}: each takes a batch, handles it, and waits one poll
 * interval when nothing was due (or the database did not answer). Stopping wakes idle workers at
 * once.
 */
final class Workers {

    private static final System.Logger LOG = System.getLogger(JdbcInbox.class.getName());

    private final JdbcInbox inbox;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;
    private boolean started;

    Workers(JdbcInbox inbox) {
        this.inbox = inbox;
    }

    boolean stopping() {
        return stopping;
    }

    void start(int count) {
        lock.lock();
        try {
            if (started) {
                throw new IllegalStateException("the inbox's workers were started already");
            }
            started = true;
            for (int i = 1; i <= count; i++) {
                Thread thread = new Thread(this::run, "revhooks-inbox-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (!stopping) {
            int taken;
            try {
                taken = inbox.runOnce();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "inbox {0}: could not take deliveries ({1}); trying again in {2} ms",
                        inbox.tableName(), e.getMessage(), inbox.pollMillis());
                taken = 0;
            } catch (VirtualMachineError e) {
                LOG.log(System.Logger.Level.ERROR, "inbox " + inbox.tableName() + ": worker " + Thread.currentThread().getName()
                        + " ends; the deliveries it held are taken again when their leases end", e);
                throw e;
            }
            if (taken == 0) {
                idle();
            }
        }
    }

    private void idle() {
        lock.lock();
        try {
            if (!stopping) {
                wake.await(inbox.pollMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    boolean stop(Duration grace) {
        List<Thread> running;
        lock.lock();
        try {
            stopping = true;
            wake.signalAll();
            running = List.copyOf(threads);
        } finally {
            lock.unlock();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        boolean allEnded = true;
        try {
            for (Thread thread : running) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
                if (thread.isAlive()) {
                    allEnded = false;
                    thread.interrupt();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.forEach(Thread::interrupt);
            return false;
        }
        return allEnded;
    }
}
