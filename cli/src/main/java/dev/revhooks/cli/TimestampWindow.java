package dev.revhooks.cli;

import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.signature.TimestampTolerance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A correctly signed RevRag delivery outside the time window: says when it was signed, how far
 * that is from the time of the check, and which {@code --at} checks it as of its arrival.
 *
 * <pre>{@code
 * String explanation = TimestampWindow.explain(request, clock, atGiven);
 * }</pre>
 *
 * <p>It reads the signed {@code t} from {@code X-Webhook-Signature} (only after RevRag's receiver
 * has accepted the header's format and signature) and measures against the window RevRag's
 * receiver applies by default, {@link TimestampTolerance#DEFAULT}.
 */
final class TimestampWindow {

    private static final TimestampTolerance WINDOW = TimestampTolerance.DEFAULT;

    private TimestampWindow() {
    }

    /**
     * Explains a {@code TIMESTAMP_OUT_OF_TOLERANCE} rejection.
     *
     * @param request the rejected request
     * @param clock the clock the receiver checked against
     * @param atGiven whether that clock came from {@code --at}
     * @return the explanation and advice
     */
    static String explain(WebhookRequest request, Clock clock, boolean atGiven) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String checkTime = "the time of this check (" + now + (atGiven ? ", given by --at)" : ", now)");
        String window = " RevRag deliveries are accepted from " + format(WINDOW.future()) + " before to "
                + format(WINDOW.past()) + " after their signed time, so that a captured delivery cannot be replayed.";
        OptionalLong t = signedSeconds(request);
        if (t.isEmpty() || t.getAsLong() > Instant.MAX.getEpochSecond()) {
            return "Time window: the signature is valid, but its signed time t is beyond any date the check can"
                    + " compare with " + checkTime + "." + window;
        }
        Instant signed = Instant.ofEpochSecond(t.getAsLong());
        Duration age = Duration.between(signed, now);
        String distance = age.isNegative()
                ? format(age.negated()) + " after " + checkTime
                : format(age) + " before " + checkTime;
        String advice = atGiven
                ? " --at should be the time the delivery arrived, within that window of the signed time: run again"
                        + " with --at " + signed + " (or when your server received it)."
                : " To check a captured delivery as of when it arrived, run again with --at " + signed
                        + " (or when your server received it).";
        String clockHint = age.isNegative() && !atGiven
                ? " A signed time in the future also means the sender's clock, or this machine's, is wrong."
                : "";
        return "Time window: the signature is valid, but it was signed at " + signed + " (t=" + t.getAsLong() + "), "
                + distance + "." + window + advice + clockHint;
    }

    /** The {@code t=} entry of RevRag's signature header, as RevRag's receiver read it. */
    private static OptionalLong signedSeconds(WebhookRequest request) {
        String header = request.headers().first(Vendor.REVRAG.credentialHeader());
        if (header == null) {
            return OptionalLong.empty();
        }
        for (String entry : header.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.startsWith("t=")) {
                try {
                    return OptionalLong.of(Long.parseLong(trimmed.substring(2)));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    /**
     * A duration in days, hours, minutes and seconds, e.g. {@code "2 h 13 min 5 s"}.
     *
     * @param duration a non-negative duration
     * @return the words; {@code "0 s"} for zero
     */
    static String format(Duration duration) {
        List<String> parts = new ArrayList<>(4);
        long days = duration.toDays();
        if (days > 0) {
            parts.add(days + (days == 1 ? " day" : " days"));
        }
        if (duration.toHoursPart() > 0) {
            parts.add(duration.toHoursPart() + " h");
        }
        if (duration.toMinutesPart() > 0) {
            parts.add(duration.toMinutesPart() + " min");
        }
        if (duration.toSecondsPart() > 0 || parts.isEmpty()) {
            parts.add(duration.toSecondsPart() + " s");
        }
        return String.join(" ", parts);
    }
}
