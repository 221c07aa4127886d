package dev.revhooks.micrometer;

import java.util.regex.Pattern;

/** Checks a tag value the app chooses (a store's or an inbox's name): short, lower case, bounded. */
final class TagValue {

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9_.-]{0,31}");

    private TagValue() {
    }

    /**
     * The value, if it is 1 to 32 characters of {@code [a-z0-9_.-]} starting with a letter.
     *
     * @throws IllegalArgumentException naming {@code what} otherwise
     */
    static String check(String what, String value) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to 32 characters of [a-z0-9_.-] starting with a letter");
        }
        return value;
    }
}
