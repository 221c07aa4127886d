package dev.revhooks.cli;

import dev.revhooks.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secret or key exactly as the environment variable holds it, read before {@link Secret#of}
 * could refuse stray white space, so that the white space can be reported (and tried without)
 * instead of ending the check.
 *
 * <pre>{@code
 * SecretValue secret = SecretValue.fromEnvironment(System.getenv(), "REVHOOKS_SECRET");
 * Secret asGiven = secret.asGiven();             // exact bytes, white space included
 * }</pre>
 *
 * <p>The value never leaves this class as text: {@link #toString()} is redacted, and only
 * {@link Secret}s (themselves redacted, named after the variable) are handed out, for the value as
 * given and for the forms the diagnosis tries.
 */
final class SecretValue {

    private final String variable;
    private final String value;

    private SecretValue(String variable, String value) {
        this.variable = variable;
        this.value = value;
    }

    /**
     * Reads the variable.
     *
     * @param environment the process environment (injectable for tests)
     * @param variable the variable's name
     * @return the value
     * @throws UsageException when the variable is unset, empty or only white space
     */
    static SecretValue fromEnvironment(Map<String, String> environment, String variable) throws UsageException {
        String value = environment.get(variable);
        if (value == null) {
            throw new UsageException("the environment variable " + variable + " is not set: put the secret (or RevRing's"
                    + " API key) there; the command never takes it as an argument");
        }
        if (value.isEmpty()) {
            throw new UsageException("the environment variable " + variable + " is empty");
        }
        if (value.isBlank()) {
            throw new UsageException("the environment variable " + variable + " holds only white space");
        }
        return new SecretValue(variable, value);
    }

    /**
     * The variable's name, which also names the secret in verification results.
     *
     * @return the name, e.g. {@code REVHOOKS_SECRET}
     */
    String variable() {
        return variable;
    }

    /**
     * The value exactly as given, white space included, as the key of a receiver.
     *
     * @return the secret
     */
    Secret asGiven() {
        return secretOf(value);
    }

    /**
     * The value without surrounding white space: what {@link Secret#of} would insist on.
     *
     * @return the secret
     */
    Secret stripped() {
        return secretOf(value.strip());
    }

    /**
     * Whether the value has leading or trailing white space, by {@link String#strip()}'s rule, the
     * one {@link Secret#of} applies.
     *
     * @return true when {@link Secret#of} would refuse the value
     */
    boolean hasSurroundingWhiteSpace() {
        return value.strip().length() != value.length();
    }

    /**
     * The stray white space in words, never showing any other character of the value.
     *
     * @return e.g. {@code "a trailing line feed"} or {@code "2 leading spaces and a trailing carriage return + line feed"};
     *     empty when there is none
     */
    String describeWhiteSpace() {
        int start = 0;
        while (start < value.length() && Character.isWhitespace(value.charAt(start))) {
            start++;
        }
        int end = value.length();
        while (end > start && Character.isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        List<String> parts = new ArrayList<>(2);
        if (start > 0) {
            parts.add(describe("leading", value.substring(0, start)));
        }
        if (end < value.length()) {
            parts.add(describe("trailing", value.substring(end)));
        }
        return String.join(" and ", parts);
    }

    /**
     * Whether the value, white space removed, starts with a prefix.
     *
     * @param prefix e.g. {@code "whsec_"}
     * @return true when it does
     */
    boolean startsWith(String prefix) {
        return value.strip().startsWith(prefix);
    }

    /**
     * The value, white space removed, with a prefix put in front.
     *
     * @param prefix e.g. {@code "whsec_"}
     * @return the secret
     */
    Secret withPrefix(String prefix) {
        return secretOf(prefix + value.strip());
    }

    /**
     * The value, white space removed, without a prefix it starts with.
     *
     * @param prefix a prefix the value starts with, see {@link #startsWith(String)}
     * @return the secret, or empty when nothing follows the prefix
     */
    Optional<Secret> withoutPrefix(String prefix) {
        String rest = afterPrefix(prefix);
        return rest.isEmpty() ? Optional.empty() : Optional.of(secretOf(rest));
    }

    /**
     * The bytes that the part after a prefix base64-decodes to, as a key (the Standard Webhooks
     * convention for {@code whsec_} secrets).
     *
     * @param prefix a prefix the value starts with
     * @param decoder the base64 alphabet to try
     * @return the secret, or empty when that part is not base64 in this alphabet or decodes to nothing
     */
    Optional<Secret> base64DecodedAfter(String prefix, Base64.Decoder decoder) {
        byte[] key;
        try {
            key = decoder.decode(afterPrefix(prefix));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        return key.length == 0 ? Optional.empty() : Optional.of(Secret.ofBytes(variable, key));
    }

    @Override
    public String toString() {
        return "SecretValue[" + variable + ", value=<redacted>]";
    }

    private String afterPrefix(String prefix) {
        String stripped = value.strip();
        return stripped.startsWith(prefix) ? stripped.substring(prefix.length()) : stripped;
    }

    /** A secret named after the variable, so results name the variable, never the value. */
    private Secret secretOf(String text) {
        return Secret.ofBytes(variable, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String describe(String position, String whiteSpace) {
        if (whiteSpace.equals("\r\n")) {
            return "a " + position + " carriage return + line feed";
        }
        if (whiteSpace.chars().distinct().count() == 1) {
            String name = nameOf(whiteSpace.charAt(0));
            return whiteSpace.length() == 1 ? "a " + position + " " + name
                    : whiteSpace.length() + " " + position + " " + name + "s";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < whiteSpace.length(); i++) {
            names.add(nameOf(whiteSpace.charAt(i)));
        }
        return whiteSpace.length() + " " + position + " white-space characters (" + String.join(", ", names) + ")";
    }

    private static String nameOf(char c) {
        switch (c) {
            case ' ':
                return "space";
            case '\t':
                return "tab";
            case '\n':
                return "line feed";
            case '\r':
                return "carriage return";
            default:
                return String.format("U+%04X character", (int) c);
        }
    }
}
