package dev.revhooks.jdbc.inbox;

/**
 * The app's typed handler of one vendor's events, called by the inbox's workers with the event
 * parsed again from the stored body. Returning marks the delivery done; throwing retries it (see
 * {@link RetryPolicy}).
 *
 * <p>At least once: a handler may run more than once for the same delivery (a worker died or lost
 * the database after the handler's effects, or ran past its lease). Make its effects idempotent,
 * keyed by {@link InboxContext#deliveryKey()}, or write them through
 * {@link InboxContext#connection()}: the inbox's own transaction, committed together with "done"
 * (exactly once, for data in the inbox's database).
 *
 * <pre>{@code
 * InboxHandler<RevontEvent> handler = (event, context) -> {
 *     try (PreparedStatement insert = context.connection().prepareStatement("INSERT INTO summaries ...")) {
 *         insert.executeUpdate();   // commits with "done", or not at all
 *     }
 * };
 * }</pre>
 *
 * @param <E> the vendor's event type
 */
@FunctionalInterface
public interface InboxHandler<E> {

    /**
     * Handles one event.
     *
     * @param event   the event, parsed from the stored body and headers
     * @param context the delivery's details and the inbox's transaction
     * @throws Exception to have the delivery tried again later (or kept as a dead letter)
     */
    void handle(E event, InboxContext context) throws Exception;
}
