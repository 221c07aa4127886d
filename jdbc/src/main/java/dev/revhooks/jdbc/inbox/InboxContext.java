package dev.revhooks.jdbc.inbox;

import dev.revhooks.core.Authentication;
import java.sql.Connection;
import java.time.Instant;

/**
 * What an {@link InboxHandler} knows about the delivery it handles, and the inbox's transaction.
 *
 * <pre>{@code
 * (event, context) -> {
 *     if (context.attempt() > 1) log.info("retrying {}", context.deliveryKey());
 *     ledger.record(context.connection(), context.deliveryKey(), event);
 * }
 * }</pre>
 *
 * @param vendor         the vendor name
 * @param deliveryKey    the stored delivery key: stable across retries, use it for idempotency
 * @param eventType      the stored event type label
 * @param receivedAt     when the delivery was stored (database time)
 * @param attempt        which run this is, from 1
 * @param authentication how the request was authenticated when it was received
 * @param connection     the inbox's open transaction (auto-commit off) on the inbox's data source:
 *                       writes made through it commit together with the delivery's "done" mark,
 *                       or roll back with it when the handler throws. Do not commit, roll back or
 *                       close it; it is valid only during {@link InboxHandler#handle}
 */
public record InboxContext(String vendor, String deliveryKey, String eventType, Instant receivedAt, int attempt,
                           Authentication authentication, Connection connection) {

    @Override
    public String toString() {
        return "InboxContext[" + vendor + ", " + deliveryKey + ", attempt " + attempt + "]";
    }
}
