package dev.revhooks.core.json;

/**
 * Bounds on the JSON a receiver parses, enforced by the parser while it reads (so a hostile body
 * cannot exhaust the stack or memory even when it is authentic).
 *
 * <pre>{@code
 * WebhookJson json = WebhookJson.withLimits(new JsonLimits(32, 1_000_000, 100, 1_000));
 * }</pre>
 *
 * <p>The length limit alone does not bound a number's size: {@code 1e999999999} is nine characters.
 * So the scale of every decimal handed out (a {@code BigDecimal} component, a number in a
 * {@code JsonNode}) is bounded too: {@code 1e100} (scale -100) and {@code 1e-100} (scale 100) are
 * read, {@code 1e101} is a payload error naming the number's place ({@code /duration}). Within both
 * limits, {@code toPlainString()} and {@code toBigInteger()} of any number stay short.
 *
 * @param maxNestingDepth deepest nesting of objects and arrays (default 64)
 * @param maxStringLength longest string value, in characters (default 8 Mi, the default body limit)
 * @param maxNumberLength longest number, in characters (default 100)
 * @param maxNameLength longest property name, in characters (default 1,024)
 * @param maxNumberScale largest {@code BigDecimal} scale either way, that is, at most this many
 *     digits after the decimal point or zeros implied before it (default 100)
 */
public record JsonLimits(int maxNestingDepth, int maxStringLength, int maxNumberLength, int maxNameLength,
                         int maxNumberScale) {

    /** The default bound on a decimal's scale either way. */
    public static final int DEFAULT_MAX_NUMBER_SCALE = 100;

    /** The defaults described on each component. */
    public static final JsonLimits DEFAULT = new JsonLimits(64, 8 * 1024 * 1024, 100, 1024);

    /**
     * Validates the limits: each must be positive, the scale not negative.
     *
     * @param maxNestingDepth deepest nesting
     * @param maxStringLength longest string
     * @param maxNumberLength longest number
     * @param maxNameLength longest name
     * @param maxNumberScale largest scale either way
     */
    public JsonLimits {
        positive("maxNestingDepth", maxNestingDepth);
        positive("maxStringLength", maxStringLength);
        positive("maxNumberLength", maxNumberLength);
        positive("maxNameLength", maxNameLength);
        if (maxNumberScale < 0) {
            throw new IllegalArgumentException("maxNumberScale must not be negative, was " + maxNumberScale);
        }
    }

    /**
     * Limits with the default scale bound ({@value #DEFAULT_MAX_NUMBER_SCALE}).
     *
     * @param maxNestingDepth deepest nesting
     * @param maxStringLength longest string
     * @param maxNumberLength longest number
     * @param maxNameLength longest name
     */
    public JsonLimits(int maxNestingDepth, int maxStringLength, int maxNumberLength, int maxNameLength) {
        this(maxNestingDepth, maxStringLength, maxNumberLength, maxNameLength, DEFAULT_MAX_NUMBER_SCALE);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
