package dev.revhooks.demo;

import dev.revhooks.core.FailureReason;
import java.util.Objects;

/**
 * The outcome of one delivery, its HTTP status and, for a rejection, the failure reason: what the
 * demo expects of each delivery, and what it observed.
 *
 * @param outcome what became of the delivery
 * @param status the HTTP status the receiver answered
 * @param reason why it was rejected; null unless {@link Outcome#REJECTED} (and then null only when
 *     the answer named no reason)
 */
record Verdict(Outcome outcome, int status, FailureReason reason) {

    Verdict {
        Objects.requireNonNull(outcome, "outcome");
    }

    static Verdict accepted(int status) {
        return new Verdict(Outcome.ACCEPTED, status, null);
    }

    static Verdict deadLetter() {
        return new Verdict(Outcome.DEAD_LETTER, 202, null);
    }

    static Verdict duplicate() {
        return new Verdict(Outcome.DUPLICATE, 200, null);
    }

    static Verdict rejected(FailureReason reason) {
        Objects.requireNonNull(reason, "reason");
        return new Verdict(Outcome.REJECTED, reason.httpStatus(), reason);
    }

    @Override
    public String toString() {
        return outcome.label() + " " + status + (reason == null ? "" : " " + reason);
    }
}
