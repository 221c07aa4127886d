package dev.revhooks.core.inbox;

/**
 * A durable store of verified deliveries, written before the sender is answered: "acknowledged"
 * then means "stored". Adapters (the servlet filter's inbox mode) call {@link #store} after
 * verification and answer {@code 2xx} only when it returned; an implementation processes the stored
 * deliveries later, on its own workers (for example {@code revhooks-jdbc}'s {@code JdbcInbox}).
 *
 * <pre>{@code
 * DeliveryInbox inbox = JdbcInbox.builder(dataSource).build();
 * WebhookFilter.builder(revont).inbox(inbox).build();   // 202 once stored, 503 while the store is down
 * }</pre>
 *
 * <p>Implementations are thread-safe. An exchange whose answer the sender waits for (RevRing's
 * pre-call, {@code VerifiedDelivery.isDeduplicable() == false}) never goes through an inbox.
 */
public interface DeliveryInbox {

    /**
     * Stores one delivery durably (committed when this returns). A copy whose vendor and delivery
     * key are already stored is not stored again.
     *
     * @param delivery the verified delivery, parsed or not
     * @return true if it was stored now, false if an earlier copy was already stored
     * @throws InboxUnavailableException if the store could not be written: nothing was stored, so
     *     the sender must not be acknowledged
     */
    boolean store(InboundDelivery delivery);
}
