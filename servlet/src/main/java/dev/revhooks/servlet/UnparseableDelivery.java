package dev.revhooks.servlet;

import dev.revhooks.core.DeliveryKey;

/**
 * An authentic delivery whose body did not parse: keep it (a dead-letter table, a queue), since
 * the vendor will not send it again once the filter has acknowledged it.
 *
 * <pre>{@code
 * UnparseableDeliveryHandler handler = d -> deadLetters.insert(d.vendor(), d.deliveryKey().value(), d.rawBody());
 * }</pre>
 *
 * @param vendor the receiver's vendor name
 * @param deliveryKey {@code vendor:unparseable:sha256(body)}, stable across re-sends of the same body
 * @param reason why it did not parse (no body content)
 * @param rawBody the verified raw body exactly as received; shared, do not modify
 */
public record UnparseableDelivery(String vendor, DeliveryKey deliveryKey, String reason, byte[] rawBody) {
}
