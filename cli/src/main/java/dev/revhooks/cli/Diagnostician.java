package dev.revhooks.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs every diagnosis family on a rejected request and keeps the candidates that authenticate:
 * each names a mistake that explains the rejection.
 *
 * <pre>{@code
 * Diagnostician.Findings findings = Diagnostician.diagnose(check);
 * findings.explanations().forEach(candidate -> print(candidate.explanation()));
 * }</pre>
 */
final class Diagnostician {

    /** The families, in the order their findings are reported. */
    static final List<Diagnosis> FAMILIES = List.of(new SecretFormDiagnosis(), new BodyEncodingDiagnosis(),
            new VendorMixUpDiagnosis(), new HeaderPlacementDiagnosis());

    private Diagnostician() {
    }

    /**
     * What the diagnosis found.
     *
     * @param explanations the candidates that authenticate, in family order
     * @param tried what the families that had candidates tried, for the report when none authenticated
     */
    record Findings(List<Candidate> explanations, List<String> tried) {
        /**
         * Copies the lists.
         *
         * @param explanations the matching candidates
         * @param tried the families tried
         */
        Findings {
            explanations = List.copyOf(Objects.requireNonNull(explanations, "explanations"));
            tried = List.copyOf(Objects.requireNonNull(tried, "tried"));
        }
    }

    /**
     * Tries every family's candidates, offline, with the vendors' receivers.
     *
     * @param check the rejected request
     * @return the candidates that authenticate, and what was tried
     */
    static Findings diagnose(FailedCheck check) {
        List<Candidate> explanations = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        for (Diagnosis family : FAMILIES) {
            List<Candidate> candidates = family.candidates(check);
            if (!candidates.isEmpty()) {
                tried.add(family.tried());
            }
            for (Candidate candidate : candidates) {
                if (candidate.authenticates()) {
                    explanations.add(candidate);
                }
            }
        }
        return new Findings(explanations, tried);
    }
}
