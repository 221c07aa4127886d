package dev.revhooks.cli;

import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import java.util.Objects;

/**
 * One usual mistake, undone: a changed request, key or vendor to try with a real receiver, and what
 * it means if it authenticates. Trying it computes nothing that is shown: only whether the
 * receiver's check passes.
 *
 * <pre>{@code
 * Candidate candidate = check.candidate(check.secret().stripped(), check.request(),
 *         "The signature matches the secret without its trailing line feed ...");
 * boolean explains = candidate.authenticates();
 * }</pre>
 *
 * @param vendor whose receiver tries it
 * @param settings the receiver's settings
 * @param key the secret or key to try
 * @param request the request to try
 * @param explanation the mistake this would prove, and what to do about it
 */
record Candidate(Vendor vendor, Settings settings, Secret key, WebhookRequest request, String explanation) {

    /**
     * Validates the candidate.
     *
     * @param vendor the vendor
     * @param settings the settings
     * @param key the key
     * @param request the request
     * @param explanation the explanation
     */
    Candidate {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(explanation, "explanation");
    }

    /**
     * Whether the vendor's real receiver accepts this candidate's credential. RevRag's time window
     * is left out, so a stale but correctly signed candidate still counts as explaining the
     * signature (the report then re-checks it whole).
     *
     * @return true when the receiver's {@code verify} passes
     */
    boolean authenticates() {
        return vendor.receiver(key, settings.withoutTimestampCheck()).authenticates(request);
    }
}
