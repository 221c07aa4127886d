/**
 * The one JSON set-up every module parses with, and its limits.
 *
 * <pre>{@code
 * ObjectNode body = WebhookJson.shared().readObject(rawBody);
 * }</pre>
 */
package dev.revhooks.core.json;
