package dev.revhooks.core.testing;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Every code point that must never be trimmed from, or tolerated in, a credential header: each one
 * for which {@link Character#isWhitespace(int)}, {@link Character#isSpaceChar(int)} or
 * {@link Character#isISOControl(int)} is true, every format character (U+200B, U+FEFF, U+2060, ...),
 * and a lone surrogate; space and horizontal tab (HTTP's optional white space) excepted.
 *
 * <pre>{@code
 * for (String stray : StrayCharacters.strings()) {
 *     assertRejected(() -> receiver.verify(withKey(KEY_VALUE + stray)), FailureReason.MALFORMED_SIGNATURE);
 * }
 * }</pre>
 */
public final class StrayCharacters {

    private static final List<Integer> CODE_POINTS = IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
            .filter(StrayCharacters::stray)
            .boxed()
            .collect(Collectors.toUnmodifiableList());

    private StrayCharacters() {
    }

    private static boolean stray(int c) {
        if (c == ' ' || c == '\t') {
            return false;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || c == 0xFEFF || c == 0x200B || c == 0xD800;
    }

    /**
     * The code points, ascending.
     *
     * @return the stray code points
     */
    public static List<Integer> codePoints() {
        return CODE_POINTS;
    }

    /**
     * Each code point as a string (one or two chars).
     *
     * @return the stray characters
     */
    public static List<String> strings() {
        return CODE_POINTS.stream().map(Character::toString).collect(Collectors.toUnmodifiableList());
    }

    /**
     * HTTP's optional white space, which is trimmed and so must still be accepted around a value.
     *
     * @return padding made of spaces and tabs
     */
    public static List<String> optionalWhiteSpace() {
        return List.of(" ", "\t", " \t ", "\t\t");
    }
}
