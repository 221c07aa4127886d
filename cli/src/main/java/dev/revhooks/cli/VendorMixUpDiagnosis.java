package dev.revhooks.cli;

import dev.revhooks.core.Secret;
import java.util.ArrayList;
import java.util.List;

/**
 * The request is another vendor's delivery: it tries the request as captured with each other
 * vendor's receiver whose header the request carries, with the same secret.
 *
 * <pre>{@code
 * List<Candidate> candidates = new VendorMixUpDiagnosis().candidates(check);
 * }</pre>
 */
final class VendorMixUpDiagnosis implements Diagnosis {


    @Override
    public String tried() {
        return "the other vendors' receivers, for each of their headers the request carries";
    }

    @Override
    public List<Candidate> candidates(FailedCheck check) {
        if (!check.credentialNotAccepted()) {
            return List.of();
        }
        Secret key = check.secret().asGiven();
        List<Candidate> candidates = new ArrayList<>();
        for (Vendor other : Vendor.values()) {
            if (other == check.vendor() || check.request().headers().all(other.credentialHeader()).isEmpty()) {
                continue;
            }
            // No event type: it belongs to the vendor given; a RevDesk trial uses a signed type.
            Settings settings = new Settings(check.settings().clock(), null, false);
            String eventType = other.requiresEventType() ? " --event-type <the type its URL is subscribed to>" : "";
            candidates.add(new Candidate(other, settings, key, check.request(), "Wrong vendor: this request"
                    + " authenticates as a " + other.displayName() + " delivery (its " + other.credentialHeader()
                    + " header matches " + check.secret().variable() + "): run again with --vendor " + other.cliName()
                    + eventType + "."));
        }
        return candidates;
    }
}
