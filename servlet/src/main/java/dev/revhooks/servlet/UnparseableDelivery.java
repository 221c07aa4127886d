package dev.revhooks.servlet;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.DeliveryKey;

/**
 * A delivery that passed the receiver's verification but whose body did not parse: keep it (a
 * dead-letter table, a queue), since the vendor will not send it again once the filter has
 * acknowledged it.
 *
 * <pre>{@code
 * UnparseableDeliveryHandler handler = d -> deadLetters.insert(d.vendor(), d.deliveryKey().value(),
 *         d.authentication().provenBySecret(), d.rawBody());
 * }</pre>
 *
 * <p>Verification means what the receiver was configured to require: a signature or key for
 * Revont, RevRag, RevRing and signed RevDesk deliveries; only the request guards, or nothing, for
 * the unsigned RevDesk families a receiver accepts by opt-in, whose bodies anyone who passes the
 * guards can choose. {@link #authentication()} says which it was for this body:
 * {@link Authentication#provenBySecret()} is true only for a signature or key.
 *
 * @param vendor the receiver's vendor name, e.g. {@code "revont"}
 * @param deliveryKey {@code vendor:unparseable:sha256(body)}, stable across re-sends of the same body
 * @param reason why it did not parse, on one line; it may quote the offending value (line breaks
 *     and control characters escaped), never the whole body
 * @param authentication how the request was authenticated; {@link Authentication#none()} when a
 *     custom {@code WebhookReceiver} does not report it, so that such a body is treated as unproven
 * @param rawBody the verified raw body exactly as received; shared, do not modify
 */
public record UnparseableDelivery(String vendor, DeliveryKey deliveryKey, String reason, Authentication authentication,
                                  byte[] rawBody) {
}
