package dev.revhooks.core.json;

/**
 * Bounds on the JSON a receiver parses, enforced by the parser while it reads (so a hostile body
 * cannot exhaust the stack or memory even when it is authentic).
 *
 * <pre>{@code
 * WebhookJson json = WebhookJson.withLimits(new JsonLimits(32, 1_000_000, 100, 1_000));
 * }</pre>
 *
 * @param maxNestingDepth deepest nesting of objects and arrays (default 64)
 * @param maxStringLength longest string value, in characters (default 8 Mi, the default body limit)
 * @param maxNumberLength longest number, in characters (default 100)
 * @param maxNameLength longest property name, in characters (default 1,024)
 */
public record JsonLimits(int maxNestingDepth, int maxStringLength, int maxNumberLength, int maxNameLength) {

    /** The defaults described on each component. */
    public static final JsonLimits DEFAULT = new JsonLimits(64, 8 * 1024 * 1024, 100, 1024);

    /**
     * Validates the limits: each must be positive.
     *
     * @param maxNestingDepth deepest nesting
     * @param maxStringLength longest string
     * @param maxNumberLength longest number
     * @param maxNameLength longest name
     */
    public JsonLimits {
        positive("maxNestingDepth", maxNestingDepth);
        positive("maxStringLength", maxStringLength);
        positive("maxNumberLength", maxNumberLength);
        positive("maxNameLength", maxNameLength);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
