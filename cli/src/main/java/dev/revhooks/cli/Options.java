package dev.revhooks.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parsed command line of {@code revhooks verify}.
 *
 * <pre>{@code
 * Options options = Options.parse(List.of("verify", "--vendor", "revont",
 *         "--headers", "headers.txt", "--body", "body.json"));
 * }</pre>
 *
 * <p>Options are {@code --name value} or {@code --name=value}, each at most once. Error messages name
 * options and positions, never an argument's value: a secret typed on the command line by mistake
 * is not echoed.
 *
 * @param vendor the vendor whose receiver checks the request
 * @param secretVariable the environment variable holding the secret or key
 * @param headersFile the captured header lines
 * @param bodyFile the captured body bytes
 * @param at the instant a RevRag send time is checked against, or null for now
 * @param eventType RevDesk's subscribed type or RevRing's webhook, or null
 */
record Options(Vendor vendor, String secretVariable, Path headersFile, Path bodyFile, Instant at, String eventType) {

    /** The only command. */
    static final String COMMAND = "verify";
    /** The environment variable read when {@code --secret-env} is not given. */
    static final String DEFAULT_SECRET_VARIABLE = "REVHOOKS_SECRET";

    static final String USAGE = String.join("\n",
            "Usage: revhooks verify --vendor <vendor> --headers <file> --body <file> [options]",
            "",
            "Checks one captured webhook delivery with the vendor module's own receiver, offline: says",
            "whether it authenticates and which check failed and, when the signature or key does not match,",
            "tries the usual mistakes with your secret and names the one that explains it. The parsed event",
            "is printed as JSON on standard output; the verdict and the explanation go to standard error.",
            "",
            "The secret (for RevRing, the API key) is read from an environment variable, never from an",
            "argument. Nothing prints the secret or the expected signature.",
            "",
            "Options:",
            "  --vendor <vendor>      " + Vendor.cliNames() + " (required)",
            "  --headers <file>       the request's header lines, \"Name: value\" one a line, as captured",
            "                         (a request line first and CRLF line endings are fine) (required)",
            "  --body <file>          the request body, byte for byte as received (required)",
            "  --secret-env <name>    the environment variable holding the secret (default "
                    + DEFAULT_SECRET_VARIABLE + ")",
            "  --at <instant>         revrag only: check the signed send time as of this ISO 8601 instant,",
            "                         e.g. 2026-05-27T03:06:15Z, when the delivery arrived (default: now)",
            "  --event-type <type>    revdesk: the event type the URL is subscribed to (required),",
            "                         e.g. number_purchased; revring: pre_call or post_call, for an endpoint",
            "                         registered for one webhook only",
            "  --help                 this text",
            "",
            "Exit codes: 0 authentic, 1 rejected, 2 usage error, 3 internal error.",
            "",
            "Example:",
            "  read -rs REVHOOKS_SECRET && export REVHOOKS_SECRET",
            "  revhooks verify --vendor revont --headers headers.txt --body body.json",
            "");

    private static final String VENDOR = "--vendor";
    private static final String SECRET_ENV = "--secret-env";
    private static final String HEADERS = "--headers";
    private static final String BODY = "--body";
    private static final String AT = "--at";
    private static final String EVENT_TYPE = "--event-type";
    private static final Set<String> NAMES = Set.of(VENDOR, SECRET_ENV, HEADERS, BODY, AT, EVENT_TYPE);
    private static final Set<String> HELP = Set.of("--help", "-h", "help");
    private static final Pattern OPTION_NAME = Pattern.compile("--?[a-zA-Z][a-zA-Z0-9-]{0,30}");

    /**
     * Whether the arguments ask for the help text (anywhere before any value could be mistaken for it).
     *
     * @param args the arguments
     * @return true when {@code --help}, {@code -h} or {@code help} is an argument
     */
    static boolean asksForHelp(List<String> args) {
        return args.stream().anyMatch(HELP::contains);
    }

    /**
     * Parses and checks the arguments.
     *
     * @param args the arguments, the command first
     * @return the options
     * @throws UsageException when the command or an option is missing, unknown, repeated or invalid,
     *     or does not apply to the vendor
     */
    static Options parse(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("no command given; the command is " + COMMAND);
        }
        if (!args.get(0).equals(COMMAND)) {
            throw new UsageException("unknown command (argument 1); the only command is " + COMMAND);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            if (!NAMES.contains(name)) {
                throw unknown(name, i + 1);
            }
            String value;
            if (eq > 0 && arg.startsWith("--")) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value");
            }
            if (value.isEmpty()) {
                throw new UsageException(name + " needs a value");
            }
            if (values.putIfAbsent(name, value) != null) {
                throw new UsageException(name + " is given more than once");
            }
        }
        Vendor vendor = Vendor.byCliName(required(values, VENDOR))
                .orElseThrow(() -> new UsageException(VENDOR + " must be one of " + Vendor.cliNames()));
        return new Options(vendor,
                secretVariable(values.getOrDefault(SECRET_ENV, DEFAULT_SECRET_VARIABLE)),
                path(HEADERS, required(values, HEADERS)),
                path(BODY, required(values, BODY)),
                at(vendor, values.get(AT)),
                eventType(vendor, values.get(EVENT_TYPE)));
    }

    private static UsageException unknown(String name, int position) {
        if (!OPTION_NAME.matcher(name).matches()) {
            return new UsageException("unexpected argument " + position + "; options are written --name value");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("secret") || lower.contains("key") || lower.contains("token")) {
            return new UsageException("unknown option " + name + ": the secret or key is never an argument; put it in"
                    + " an environment variable and name that with " + SECRET_ENV + " (default "
                    + DEFAULT_SECRET_VARIABLE + ")");
        }
        return new UsageException("unknown option " + name + " (argument " + position + ")");
    }

    private static String required(Map<String, String> values, String name) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException(name + " is required");
        }
        return value;
    }

    private static String secretVariable(String name) throws UsageException {
        if (name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
            throw new UsageException(SECRET_ENV + " must be the name of an environment variable");
        }
        return name;
    }

    private static Path path(String option, String value) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " is not a valid file name");
        }
    }

    private static Instant at(Vendor vendor, String value) throws UsageException {
        if (value == null) {
            return null;
        }
        if (!vendor.hasTimestampWindow()) {
            throw new UsageException(AT + " applies to revrag only: " + vendor.displayName()
                    + " signs no send time, so there is no time window to check");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException(AT + " must be an ISO 8601 instant with an offset, such as 2026-05-27T03:06:15Z");
        }
    }

    private static String eventType(Vendor vendor, String value) throws UsageException {
        List<String> types = vendor.eventTypes();
        if (value == null) {
            if (vendor.requiresEventType()) {
                throw new UsageException(EVENT_TYPE + " is required for " + vendor.cliName() + ": the event type the"
                        + " URL is subscribed to (a flat " + vendor.displayName() + " body does not name its event),"
                        + " one of " + String.join(", ", types));
            }
            return null;
        }
        if (types.isEmpty()) {
            throw new UsageException(EVENT_TYPE + " applies to revdesk and revring only");
        }
        if (!types.contains(value)) {
            throw new UsageException(EVENT_TYPE + " for " + vendor.cliName() + " must be one of " + String.join(", ", types));
        }
        return value;
    }
}
