package dev.revhooks.servlet;

/**
 * Receives authentic deliveries that did not parse. When one is configured the filter answers
 * {@code 202 Accepted} after it returns (so the vendor does not retry a delivery that can never
 * parse), and {@code 500} if it throws (so a vendor that retries sends it again).
 *
 * <pre>{@code
 * WebhookFilter<RevontEvent> filter = WebhookFilter.builder(receiver)
 *         .onUnparseableDelivery(d -> deadLetters.insert(d.deliveryKey().value(), d.rawBody()))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface UnparseableDeliveryHandler {

    /**
     * Keeps an authentic delivery that did not parse.
     *
     * @param delivery the delivery
     * @throws Exception when it could not be kept; the filter then answers 500
     */
    void handle(UnparseableDelivery delivery) throws Exception;
}
