package dev.revhooks.demo;

import dev.revhooks.core.FailureReason;
import java.util.List;
import java.util.Objects;

/**
 * What the demo observed for one delivery: the receiver's answer, as the sender saw it, and what
 * reached the app behind the filter.
 *
 * @param delivery the delivery sent
 * @param observed what happened to it
 * @param detail the typed event the app received, or the receiver's explanation
 */
record Exchange(DemoDelivery delivery, Verdict observed, String detail) {

    /** Longest part of a receiver's answer shown, so an unexpected answer cannot flood the table. */
    private static final int MAX_DETAIL = 200;

    Exchange {
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * Classifies one exchange.
     *
     * @param delivery the delivery sent
     * @param answer the receiver's answer
     * @param received what the app received while the delivery was handled
     * @return the exchange
     */
    static Exchange observe(DemoDelivery delivery, Sender.Answer answer, List<AppRecord> received) {
        int status = answer.status();
        String answerLine = firstLine(answer.body());
        boolean success = status >= 200 && status < 300;
        if (success && received.size() == 1) {
            AppRecord record = received.get(0);
            if (record.kind() == AppRecord.Kind.EVENT) {
                String answered = answerLine.isEmpty() ? "" : " answered " + cap(answerLine);
                return new Exchange(delivery, new Verdict(Outcome.ACCEPTED, status, null), record.summary() + answered);
            }
            if (status == 202) {
                return new Exchange(delivery, new Verdict(Outcome.DEAD_LETTER, status, null), record.summary());
            }
        }
        if (success && received.isEmpty()) {
            return new Exchange(delivery, new Verdict(Outcome.DUPLICATE, status, null),
                    "acknowledged, not passed on to the app (" + cap(answerLine) + ")");
        }
        if (status >= 400 && received.isEmpty()) {
            FailureReason reason = reasonNamedBy(answerLine);
            return new Exchange(delivery, new Verdict(Outcome.REJECTED, status, reason),
                    cap(explanation(reason, answerLine)));
        }
        return new Exchange(delivery, new Verdict(Outcome.INCONSISTENT, status, null),
                "the app received " + received + "; the receiver answered " + cap(answerLine));
    }

    boolean asExpected() {
        return delivery.expected().equals(observed);
    }

    /** The filter answers a rejection with one line, {@code REASON: what failed}. */
    private static FailureReason reasonNamedBy(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            return FailureReason.valueOf(line.substring(0, colon));
        } catch (IllegalArgumentException notAReason) {
            return null;
        }
    }

    /**
     * The narrowest words of a rejection: the detail the receiver added in parentheses after the
     * reason's description, or the description when there is none.
     */
    private static String explanation(FailureReason reason, String line) {
        if (reason == null) {
            return line;
        }
        String rest = line.substring(reason.name().length() + 1).strip();
        if (!rest.startsWith(reason.description())) {
            return rest;
        }
        String detail = rest.substring(reason.description().length()).strip();
        if (detail.startsWith("(") && detail.endsWith(")")) {
            detail = detail.substring(1, detail.length() - 1);
        }
        return detail.isEmpty() ? reason.description() : detail;
    }

    private static String firstLine(String body) {
        return body.strip().lines().findFirst().orElse("");
    }

    private static String cap(String answer) {
        return answer.length() <= MAX_DETAIL ? answer : answer.substring(0, MAX_DETAIL) + "...";
    }
}
