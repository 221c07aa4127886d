package dev.revhooks.redis;

import java.util.regex.Pattern;

/**
 * A checked prefix for the Redis keys a store writes, such as {@code revhooks:replay:}.
 *
 * <p>1 to 64 characters of {@code [A-Za-z0-9:_.-]}: no spaces, no glob characters
 * ({@code * ? [ ]}), no braces (a hash tag would pin every key to one cluster slot), so the prefix
 * can never make two stores' keys collide by accident or be read as a pattern.
 *
 * <pre>{@code
 * KeyPrefix prefix = KeyPrefix.of("myapp:revhooks:replay:");
 * }</pre>
 *
 * @param value the prefix as written before each key
 */
public record KeyPrefix(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9:_.-]{1,64}");

    /**
     * Checks the prefix.
     *
     * @throws IllegalArgumentException if the prefix is null, empty, too long or has another character
     */
    public KeyPrefix {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("key prefix is required");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("key prefix must be 1 to 64 characters of [A-Za-z0-9:_.-]");
        }
    }

    /**
     * The prefix of the given text.
     *
     * @param value the prefix
     * @return the checked prefix
     */
    public static KeyPrefix of(String value) {
        return new KeyPrefix(value);
    }

    /**
     * The full Redis key for a suffix.
     *
     * @param suffix the part after the prefix
     * @return prefix + suffix
     */
    public String key(String suffix) {
        return value + suffix;
    }
}
