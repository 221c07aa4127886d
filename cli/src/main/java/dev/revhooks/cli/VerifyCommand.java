package dev.revhooks.cli;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code revhooks verify}: checks one captured webhook delivery with the vendor module's own
 * receiver and, when it is rejected, explains why.
 *
 * <pre>{@code
 * $ read -rs REVHOOKS_SECRET && export REVHOOKS_SECRET
 * $ java -jar revhooks-cli.jar verify --vendor revont --headers headers.txt --body body.json
 * }</pre>
 *
 * <p>The verdict and the explanation go to standard error; the parsed event, when the request
 * authenticates, goes to standard output as JSON. Exit codes: {@value #AUTHENTIC} authentic,
 * {@value #REJECTED} rejected, {@value #USAGE_ERROR} usage error, {@value #INTERNAL_ERROR} internal
 * error. The secret is read from an environment variable and is never printed, nor is any
 * expected signature: the diagnosis only asks the receivers whether a changed request or key
 * passes.
 */
public final class VerifyCommand {

    /** Exit code: the request authenticates (its body may still fail to parse; the report says so). */
    static final int AUTHENTIC = 0;
    /** Exit code: the request is rejected. */
    static final int REJECTED = 1;
    /** Exit code: the command was called wrongly (an option, a file, the environment variable). */
    static final int USAGE_ERROR = 2;
    /** Exit code: a bug in the command. */
    static final int INTERNAL_ERROR = 3;

    private static final String NAME = "revhooks verify";

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final Report report;
    private final Clock clock;

    /**
     * A command with its environment, output streams and clock injected.
     *
     * @param environment the environment variables the secret is read from
     * @param out standard output: the event JSON (and the help text)
     * @param err standard error: the report and usage errors
     * @param clock the clock RevRag's time window is checked against when {@code --at} is not given
     */
    VerifyCommand(Map<String, String> environment, PrintStream out, PrintStream err, Clock clock) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.report = new Report(err);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the command ({@code verify}) and its options; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(new VerifyCommand(System.getenv(), System.out, System.err, Clock.systemUTC()).run(args));
    }

    /**
     * Runs the command.
     *
     * @param args the command and its options
     * @return the exit code
     */
    int run(String... args) {
        List<String> arguments = List.of(args);
        if (Options.asksForHelp(arguments)) {
            out.print(Options.USAGE);
            out.flush();
            return AUTHENTIC;
        }
        try {
            Options options = Options.parse(arguments);
            SecretValue secret = SecretValue.fromEnvironment(environment, options.secretVariable());
            WebhookRequest request = CapturedRequest.read(options.headersFile(), options.bodyFile());
            return check(options, secret, request);
        } catch (UsageException e) {
            err.println(NAME + ": " + e.getMessage());
            err.println("Run revhooks --help for the options.");
            err.flush();
            return USAGE_ERROR;
        } catch (RuntimeException e) {
            err.println(NAME + ": internal error, please report it: " + e.getClass().getName());
            err.flush();
            return INTERNAL_ERROR;
        }
    }

    private int check(Options options, SecretValue secret, WebhookRequest request) {
        Vendor vendor = options.vendor();
        boolean atGiven = options.at() != null;
        Settings settings = new Settings(atGiven ? Clock.fixed(options.at(), ZoneOffset.UTC) : clock,
                options.eventType(), true);
        describe(options, secret, request);
        Outcome outcome = vendor.receiver(secret.asGiven(), settings).receive(request);
        if (outcome instanceof Outcome.Authentic authentic) {
            report.paragraph("AUTHENTIC: the " + vendor.credentialNoun() + " matches " + secret.variable() + " ("
                    + authentic.delivery().authentication().method() + "). "
                    + (authentic.eventType() == null ? "The request does not name its event type" : "Event "
                            + authentic.eventType()) + "; the parsed delivery is on standard output.");
            byte[] json = EventJson.render(vendor, authentic);
            out.write(json, 0, json.length);
            out.println();
            out.flush();
            return AUTHENTIC;
        }
        if (outcome instanceof Outcome.Unreadable unreadable) {
            report.paragraph("AUTHENTIC, but the body does not parse: " + unreadable.error().getMessage()
                    + ". A receiver keeps such a delivery (the WebhookPayloadException carries the raw body) rather"
                    + " than make the sender retry it; nothing is printed on standard output.");
            return AUTHENTIC;
        }
        WebhookVerificationException failure = ((Outcome.Rejected) outcome).failure();
        report.paragraph("REJECTED: " + failure.getMessage() + ". A receiver answers HTTP "
                + failure.reason().httpStatus() + ".");
        FailedCheck check = new FailedCheck(vendor, settings, secret, request, failure);
        if (failure.reason() == FailureReason.TIMESTAMP_OUT_OF_TOLERANCE && vendor.hasTimestampWindow()) {
            report.blankLine();
            report.paragraph("Diagnosis:");
            report.item(TimestampWindow.explain(request, settings.clock(), atGiven));
        } else if (check.credentialNotAccepted()) {
            diagnose(check, atGiven);
        }
        return REJECTED;
    }

    private void describe(Options options, SecretValue secret, WebhookRequest request) {
        Vendor vendor = options.vendor();
        int headerLines = request.headers().names().stream()
                .mapToInt(name -> request.headers().all(name).size())
                .sum();
        report.paragraph("Checking a " + vendor.displayName() + " delivery (" + request.body().length + "-byte body, "
                + headerLines + (headerLines == 1 ? " header line" : " header lines") + ") with the "
                + vendor.secretNoun() + " in " + secret.variable()
                + (options.eventType() == null ? "" : ", event type " + options.eventType())
                + (options.at() == null ? "" : ", as of " + options.at()) + ".");
        if (secret.hasSurroundingWhiteSpace()) {
            report.paragraph("Note: " + secret.variable() + " has " + secret.describeWhiteSpace() + ". revhooks'"
                    + " Secret.of refuses a secret with surrounding white space (no vendor's secret has any), so a"
                    + " receiver configured with this value does not start. This check uses the value exactly as"
                    + " given; if it fails, the diagnosis tries it without the white space.");
        }
    }

    private void diagnose(FailedCheck check, boolean atGiven) {
        Diagnostician.Findings findings = Diagnostician.diagnose(check);
        report.blankLine();
        if (findings.explanations().isEmpty()) {
            report.paragraph("Diagnosis: no usual mistake explains it. Tried offline, with your secret: "
                    + String.join("; ", findings.tried()) + ".");
            report.paragraph(unexplained(check));
            return;
        }
        report.paragraph("Diagnosis (tried offline with your secret):");
        for (Candidate candidate : findings.explanations()) {
            report.item(candidate.explanation());
            if (candidate.vendor() == check.vendor()) {
                report.itemContinuation(recheck(candidate, check.settings(), atGiven));
            }
        }
    }

    /** What is left to check when no usual mistake explains the rejection. */
    private static String unexplained(FailedCheck check) {
        Vendor vendor = check.vendor();
        switch (check.reason()) {
            case SIGNATURE_MISMATCH:
                return "What is left is usually another " + vendor.secretNoun() + ": check that "
                        + check.secret().variable() + " holds the current " + vendor.secretNoun() + " of the endpoint"
                        + " this delivery was sent to, copied whole.";
            case MALFORMED_SIGNATURE:
            case MISSING_TIMESTAMP:
                return "The " + vendor.credentialHeader() + " header is there but not as " + vendor.displayName()
                        + " writes it (see the reason above): check that it reached you unchanged.";
            default:
                return "No header carries a usable " + vendor.credentialNoun() + ": check that the capture kept every"
                        + " header the sender sent (" + vendor.displayName() + " sends " + vendor.credentialHeader()
                        + ").";
        }
    }

    /** The whole check again with the mistake undone, to say whether anything else stands in the way. */
    private static String recheck(Candidate candidate, Settings settings, boolean atGiven) {
        Outcome outcome = candidate.vendor().receiver(candidate.key(), settings).receive(candidate.request());
        if (outcome instanceof Outcome.Authentic) {
            return "With that corrected, the request authenticates.";
        }
        if (outcome instanceof Outcome.Unreadable unreadable) {
            return "With that corrected, the request authenticates, but its body does not parse: "
                    + unreadable.error().getMessage() + ".";
        }
        WebhookVerificationException failure = ((Outcome.Rejected) outcome).failure();
        if (failure.reason() == FailureReason.TIMESTAMP_OUT_OF_TOLERANCE && candidate.vendor().hasTimestampWindow()) {
            return "With that corrected, the next check fails. "
                    + TimestampWindow.explain(candidate.request(), settings.clock(), atGiven);
        }
        return "With that corrected, the next check fails: " + failure.getMessage() + ".";
    }
}
