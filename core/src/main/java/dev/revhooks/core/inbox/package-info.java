/**
 * Acknowledge fast, process reliably: the contract between an adapter that receives deliveries
 * (the servlet filter's inbox mode) and a durable store that keeps them until they are processed
 * ({@code revhooks-jdbc}'s {@code JdbcInbox}).
 *
 * <pre>{@code
 * boolean storedNow = inbox.store(InboundDelivery.parsed(vendor, key, type, authentication, body, headers));
 * }</pre>
 */
package dev.revhooks.core.inbox;
