package dev.revhooks.core;

/**
 * HTTP's optional white space, and nothing more: space (U+0020) and horizontal tab (U+0009), as
 * RFC 9110, section 5.6.3 defines it. The one place the library trims header values; Java's
 * {@link String#strip()} and {@link String#trim()} are never used on a header value, since they
 * also remove characters HTTP does not treat as white space (U+3000, U+2003, U+001F and others),
 * which would let a credential with a stray character through.
 *
 * <p>{@link #firstForbidden(String)} finds what a credential header must not contain: any other
 * white space, separator or control character, format character (U+200B, U+FEFF and the like) or
 * unpaired surrogate. {@link RequiredHeader} rejects a value with one as
 * {@link FailureReason#MALFORMED_SIGNATURE}.
 *
 * <pre>{@code
 * String value = HttpWhiteSpace.trim(" \tsha256=ab12\t ");   // "sha256=ab12"
 * int at = HttpWhiteSpace.firstForbidden("key\u3000");        // 3
 * }</pre>
 */
public final class HttpWhiteSpace {

    private HttpWhiteSpace() {
    }

    /**
     * Whether a character is HTTP optional white space.
     *
     * @param c the character
     * @return true for space and horizontal tab only
     */
    public static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * Removes leading and trailing spaces and horizontal tabs, nothing else.
     *
     * @param value the header value
     * @return the value without surrounding optional white space; {@code value} itself when there is none
     */
    public static String trim(String value) {
        int from = 0;
        int to = value.length();
        while (from < to && isOws(value.charAt(from))) {
            from++;
        }
        while (to > from && isOws(value.charAt(to - 1))) {
            to--;
        }
        return value.substring(from, to);
    }

    /**
     * Whether a code point must not appear in a credential header: white space, a space separator
     * or a control character other than space and tab, a format character, or an unpaired surrogate.
     *
     * @param codePoint the code point
     * @return true when forbidden
     */
    public static boolean isForbidden(int codePoint) {
        if (codePoint >= ' ' && codePoint < 0x7F) {
            return false; // space and visible ASCII: the usual case
        }
        if (codePoint == '\t') {
            return false;
        }
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint) || type == Character.FORMAT || type == Character.SURROGATE;
    }

    /**
     * The index of the first forbidden code point (see {@link #isForbidden(int)}).
     *
     * @param value the header value
     * @return the char index, or -1 when there is none
     */
    public static int firstForbidden(String value) {
        int i = 0;
        while (i < value.length()) {
            int codePoint = value.codePointAt(i);
            if (isForbidden(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }
}
