package dev.revhooks.core.testing;

import static dev.revhooks.core.testing.ByteGen.utf8;
import static dev.revhooks.core.testing.JsonBodies.concat;
import static dev.revhooks.core.testing.JsonBodies.withFieldFirst;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A body that breaks one strictness rule of the JSON set-up ({@code WebhookJson}), with the rule's
 * name and a part of the payload error's message. {@link #variantsOf(byte[])} bends any valid body
 * into one case per rule that does not depend on the vendor's fields; a test adds the cases that
 * do (a duplicate known key, a top-level string). Shared with the vendor modules' tests.
 *
 * <pre>{@code
 * static Stream<Arguments> strictness() {     // the source of strictness(rule, body, reason)
 *     return MalformedBody.variantsOf(validBody).stream().map(MalformedBody::arguments);
 * }
 * }</pre>
 *
 * @param rule the rule broken, a test's display name
 * @param body the body
 * @param reason a part of the message of the payload error the body must raise
 */
public record MalformedBody(String rule, byte[] body, String reason) {

    /**
     * Six cases made from a valid body: a duplicate key in an unknown member inserted first,
     * invalid UTF-8, a byte-order mark, UTF-16, a second value after the object and the object
     * inside a top-level array.
     *
     * @param valid a body the receiver accepts, a JSON object; not modified
     * @return the cases, in that order
     */
    public static List<MalformedBody> variantsOf(byte[] valid) {
        return variantsOf(valid, withFieldFirst(valid, "\"x\":{\"k\":1,\"k\":2}"));
    }

    /**
     * As {@link #variantsOf(byte[])}, with the test's own body for the duplicate key in an unknown
     * member.
     *
     * @param valid a body the receiver accepts, a JSON object; not modified
     * @param duplicateKeyInAnUnknownField {@code valid} with an unknown member whose object
     *     repeats the key {@code "k"}
     * @return the cases
     */
    public static List<MalformedBody> variantsOf(byte[] valid, byte[] duplicateKeyInAnUnknownField) {
        return List.of(
                new MalformedBody("duplicate key in an unknown field", duplicateKeyInAnUnknownField, "Duplicate field 'k'"),
                new MalformedBody("invalid UTF-8", withFieldFirst(valid, "\"x\":\"\u00c3(\""), "Invalid UTF-8"),
                new MalformedBody("byte-order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, valid), "byte-order mark"),
                new MalformedBody("UTF-16", new String(valid, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE), "not UTF-8 JSON"),
                new MalformedBody("a second value after the object", concat(valid, utf8(" {}")), "Trailing token"),
                new MalformedBody("a top-level array", concat(utf8("["), valid, utf8("]")), "not a JSON object"));
    }

    /**
     * The case as a parameterized test's arguments.
     *
     * @return the rule, the body and the reason
     */
    public Arguments arguments() {
        return Arguments.of(rule, body, reason);
    }
}
