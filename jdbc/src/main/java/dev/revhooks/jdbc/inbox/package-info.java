/**
 * A durable inbox on PostgreSQL (H2 for development): store each verified delivery before
 * acknowledging it, process it on workers in every instance with {@code FOR UPDATE SKIP LOCKED},
 * retry with backoff, keep dead letters. See {@link dev.revhooks.jdbc.inbox.JdbcInbox}.
 *
 * <pre>{@code
 * JdbcInbox inbox = JdbcInbox.builder(dataSource).vendor(revont, handler).build();
 * inbox.start();
 * }</pre>
 */
package dev.revhooks.jdbc.inbox;
