package dev.revhooks.cli;

import java.util.List;

/**
 * One family of usual mistakes: from a rejected request, the candidates that would undo each
 * mistake of the family. A candidate that authenticates names the mistake.
 *
 * <pre>{@code
 * for (Candidate candidate : new BodyEncodingDiagnosis().candidates(check)) {
 *     if (candidate.authenticates()) {
 *         report(candidate.explanation());
 *     }
 * }
 * }</pre>
 */
interface Diagnosis {

    /**
     * What this family tries, for the report when no candidate authenticated.
     *
     * @return e.g. {@code "the body with other line endings ..."}
     */
    String tried();

    /**
     * The candidates for this rejection; none when the family cannot explain its reason.
     *
     * @param check the rejected request
     * @return the candidates, most likely first, without duplicates and without the request as captured
     */
    List<Candidate> candidates(FailedCheck check);
}
