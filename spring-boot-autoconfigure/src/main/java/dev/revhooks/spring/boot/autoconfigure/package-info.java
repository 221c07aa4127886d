/**
 * Spring Boot auto-configuration for revhooks: each vendor's receiver from {@code revhooks.*}
 * properties, served on its path by the servlet module's filter, with {@link
 * dev.revhooks.spring.boot.autoconfigure.WebhookListener} methods receiving the typed events.
 *
 * <pre>{@code
 * @WebhookListener
 * void onSummary(RevontEvent.SummaryReady summary) { crm.attach(summary.data().callId()); }
 * }</pre>
 */
package dev.revhooks.spring.boot.autoconfigure;
