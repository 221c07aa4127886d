/**
 * Jakarta Servlet integration: {@link dev.revhooks.servlet.WebhookFilter} verifies and parses
 * deliveries with any vendor receiver before the app sees them.
 *
 * <pre>{@code
 * FilterRegistration.Dynamic revont = context.addFilter("revont",
 *         WebhookFilter.of(RevontWebhooks.builder().secret(secret).build()));
 * revont.addMappingForUrlPatterns(null, false, "/hooks/revont");
 * }</pre>
 */
package dev.revhooks.servlet;
