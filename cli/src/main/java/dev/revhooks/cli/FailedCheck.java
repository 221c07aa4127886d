package dev.revhooks.cli;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import java.util.Objects;
import java.util.Set;

/**
 * A request a vendor's receiver rejected, with everything the diagnosis may vary offline.
 *
 * <pre>{@code
 * FailedCheck check = new FailedCheck(Vendor.REVONT, settings, secret, request, rejected.failure());
 * Candidate fix = check.candidate(check.secret().asGiven(), fixedRequest, "The signature matches ...");
 * }</pre>
 *
 * @param vendor the vendor whose receiver rejected the request
 * @param settings the receiver's settings
 * @param secret the secret or key, as the environment variable holds it
 * @param request the request as captured
 * @param failure the receiver's rejection
 */
record FailedCheck(Vendor vendor, Settings settings, SecretValue secret, WebhookRequest request,
                   WebhookVerificationException failure) {

    private static final Set<FailureReason> CREDENTIAL_NOT_ACCEPTED = Set.of(FailureReason.MISSING_SIGNATURE,
            FailureReason.MALFORMED_SIGNATURE, FailureReason.SIGNATURE_MISMATCH, FailureReason.MISSING_TIMESTAMP,
            FailureReason.UNSIGNED_DELIVERY_NOT_ALLOWED);

    /**
     * Validates the check.
     *
     * @param vendor the vendor
     * @param settings the settings
     * @param secret the secret
     * @param request the request
     * @param failure the failure
     */
    FailedCheck {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(failure, "failure");
    }

    /**
     * The failed check's reason.
     *
     * @return the reason
     */
    FailureReason reason() {
        return failure.reason();
    }

    /**
     * Whether the credential itself was not accepted: absent, unreadable or wrong (as opposed to a
     * size limit, the time window, the event type or a marker such as RevDesk's
     * {@code no-secret-provided}). Only then can the credential be looked for elsewhere.
     *
     * @return true for a missing, malformed or mismatching signature or key, a missing signed
     *     timestamp, or a signature missing where the type is unsigned
     */
    boolean credentialNotAccepted() {
        return CREDENTIAL_NOT_ACCEPTED.contains(failure.reason());
    }

    /**
     * A candidate explanation for this vendor and settings.
     *
     * @param key the secret to try
     * @param request the request to try
     * @param explanation what it means if this candidate authenticates
     * @return the candidate
     */
    Candidate candidate(Secret key, WebhookRequest request, String explanation) {
        return new Candidate(vendor, settings, key, request, explanation);
    }
}
