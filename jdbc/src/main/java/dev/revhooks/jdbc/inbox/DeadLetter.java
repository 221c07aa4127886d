package dev.revhooks.jdbc.inbox;

import dev.revhooks.core.Authentication;
import java.time.Instant;

/**
 * A delivery the inbox keeps without processing it: its handler failed on every attempt, it did
 * not parse, or its workers kept dying. Listed by {@link JdbcInbox#deadLetters(int)}; put back in
 * line with {@link JdbcInbox#requeue(long)}. The body is not part of it.
 *
 * <pre>{@code
 * for (DeadLetter letter : inbox.deadLetters(100)) {
 *     log.warn("{} {} after {} attempts: {}", letter.vendor(), letter.deliveryKey(), letter.attempts(), letter.lastError());
 * }
 * }</pre>
 *
 * @param id             the row's id, for {@link JdbcInbox#requeue(long)}
 * @param vendor         the vendor name
 * @param deliveryKey    the stored delivery key
 * @param eventType      the event type label ({@code unparseable} for a body that did not parse)
 * @param receivedAt     when it was stored (database time)
 * @param attempts       how many handler runs were started
 * @param lastError      the last error's class and message, or the parse failure
 * @param authentication how the request was authenticated
 */
public record DeadLetter(long id, String vendor, String deliveryKey, String eventType, Instant receivedAt, int attempts,
                         String lastError, Authentication authentication) {
}
