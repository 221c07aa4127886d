package dev.revhooks.core.guard;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import java.util.List;

/**
 * An opt-in check on who sent a request, for deliveries a vendor does not sign: a secret token
 * in the path or query ({@link PathTokenGuard}), or a source-address allowlist
 * ({@link SourceAddressGuard}). A guard is weaker than a signature (it does not cover the body),
 * and vendor receivers use guards only when configured explicitly.
 *
 * <pre>{@code
 * RequestGuard guard = RequestGuard.allOf(List.of(
 *         PathTokenGuard.queryParameter("token", Secret.of(System.getenv("HOOK_TOKEN"))),
 *         SourceAddressGuard.allowing(List.of("203.0.113.0/24"))));
 * guard.check(request);
 * }</pre>
 */
@FunctionalInterface
public interface RequestGuard {

    /**
     * Checks the request.
     *
     * @param request the request, with path, query and remote address where the guard needs them
     * @throws WebhookVerificationException with {@link FailureReason#REQUEST_GUARD_FAILED} when refused
     */
    void check(WebhookRequest request) throws WebhookVerificationException;

    /**
     * A guard that passes only when every one of {@code guards} passes, checked in order.
     *
     * @param guards the guards, at least one
     * @return the combined guard
     */
    static RequestGuard allOf(List<RequestGuard> guards) {
        List<RequestGuard> copy = List.copyOf(guards);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("at least one guard is required");
        }
        return request -> {
            for (RequestGuard guard : copy) {
                guard.check(request);
            }
        };
    }
}
