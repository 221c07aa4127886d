/**
 * Stores over Redis with Lettuce: state shared by every instance of a receiving app.
 *
 * <pre>{@code
 * KeyPrefix prefix = KeyPrefix.of("revhooks:replay:");
 * }</pre>
 */
package dev.revhooks.redis;
