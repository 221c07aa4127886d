package dev.revhooks.core.inbox;

/**
 * Told how each stored delivery's handling ended, by an inbox's workers ({@code JdbcInbox} of
 * {@code revhooks-jdbc}): handled, scheduled for another attempt, or kept as a dead letter.
 * {@code revhooks-micrometer}'s {@code InboxHandlingMeters} counts them.
 *
 * <pre>{@code
 * JdbcInbox inbox = JdbcInbox.builder(dataSource)
 *         .vendor(revont, handler)
 *         .observer((vendor, outcome) -> log.debug("{} {}", vendor, outcome))
 *         .build();
 * }</pre>
 *
 * <p>Called on the worker's thread after the outcome was committed; keep it short. Whatever it
 * throws is ignored: an observer never changes what happens to a delivery. Implementations are
 * thread-safe (every worker calls the same one).
 */
public interface InboxObserver {

    /** How one attempt at handling a stored delivery ended. */
    enum Outcome {
        /** The handler returned and the delivery is done. */
        PROCESSED,
        /** The handler failed; the delivery is scheduled for another attempt. */
        RETRIED,
        /** The delivery is kept as a dead letter: its last attempt failed, or its body does not parse. */
        DEAD_LETTERED
    }

    /**
     * One delivery's handling ended.
     *
     * @param vendor  the delivery's vendor, one the inbox was configured with
     * @param outcome how it ended
     */
    void handled(String vendor, Outcome outcome);

    /**
     * The observer that does nothing, the default.
     *
     * <pre>{@code
     * InboxObserver observer = InboxObserver.none();
     * }</pre>
     *
     * @return the no-op observer
     */
    static InboxObserver none() {
        return NoInboxObserver.INSTANCE;
    }
}
