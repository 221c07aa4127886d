/**
 * Jakarta Servlet integration: {@link dev.revhooks.servlet.WebhookFilter} verifies and parses
 * deliveries with any vendor receiver before the app sees them, answers rejected requests itself
 * with the reason's status, and hands authentic bodies that do not parse to an
 * {@link dev.revhooks.servlet.UnparseableDeliveryHandler}. Map one filter to each webhook URL
 * (for RevDesk, one URL and one receiver per subscribed event type).
 *
 * <pre>{@code
 * FilterRegistration.Dynamic revont = context.addFilter("revont",
 *         WebhookFilter.builder(RevontWebhooks.builder().secret(secret).build())
 *                 .onUnparseableDelivery(d -> deadLetters.insert(d.deliveryKey().value(), d.rawBody()))
 *                 .build());
 * revont.addMappingForUrlPatterns(null, false, "/hooks/revont");
 * }</pre>
 */
package dev.revhooks.servlet;
