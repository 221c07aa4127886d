package dev.revhooks.core.inbox;

import java.time.Duration;
import java.util.Optional;

/**
 * What an operator reads about a {@link DeliveryInbox}: how much is waiting, how far the workers
 * are behind, how many dead letters are kept. Read-only; each call asks the store, so a caller that
 * polls (a metrics scrape) should cache the answers briefly ({@code revhooks-micrometer}'s
 * {@code InboxMetrics} does).
 *
 * <pre>{@code
 * InboxBacklog backlog = jdbcInbox;             // JdbcInbox implements it
 * long waiting = backlog.backlog();
 * Duration behind = backlog.oldestDueAge().orElse(Duration.ZERO);
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
public interface InboxBacklog {

    /**
     * The backlog: deliveries neither done nor dead (due, waiting for a retry, or being handled).
     *
     * @return the number of pending deliveries
     * @throws InboxUnavailableException if the store could not answer
     */
    long backlog();

    /**
     * How long ago the oldest delivery that is due now (not being handled, not waiting for a
     * retry) was received: how far the workers are behind.
     *
     * @return the age, or empty when nothing is due
     * @throws InboxUnavailableException if the store could not answer
     */
    Optional<Duration> oldestDueAge();

    /**
     * The number of dead letters kept.
     *
     * @return the count
     * @throws InboxUnavailableException if the store could not answer
     */
    long countDeadLetters();
}
