/**
 * Static keys sent in a header, compared in constant time.
 *
 * <pre>{@code
 * SharedKeyVerifier verifier = SharedKeyVerifier.of("x-api-key", List.of(key));
 * }</pre>
 */
package dev.revhooks.core.sharedkey;
