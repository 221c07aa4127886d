/**
 * Opt-in request guards for deliveries a vendor does not sign: a secret token in the path or
 * query, and a source-address allowlist (IPv4 and IPv6 CIDR ranges). {@code X-Forwarded-For} is
 * trusted only for the number of proxy hops the app names.
 *
 * <pre>{@code
 * RequestGuard guard = PathTokenGuard.queryParameter("token", Secret.of(System.getenv("HOOK_TOKEN")));
 * }</pre>
 */
package dev.revhooks.core.guard;
