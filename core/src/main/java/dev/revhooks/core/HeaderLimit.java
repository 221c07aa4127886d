package dev.revhooks.core;

/**
 * The longest value a receiver accepts for a header that verification reads (a signature, a
 * timestamp, a key); the default is 8 KiB, the usual limit of HTTP servers for a header line. A
 * longer value is rejected with {@link FailureReason#HEADER_TOO_LARGE} before it is parsed or
 * compared, and adapters answer 431 from it.
 *
 * <pre>{@code
 * RevontWebhooks revont = RevontWebhooks.builder()
 *         .secret(secret)
 *         .headerLimit(HeaderLimit.ofChars(1024))   // the signature is 71 characters
 *         .build();
 * }</pre>
 *
 * @param maxChars the longest accepted header value, in characters, at least 1
 */
public record HeaderLimit(int maxChars) {

    /** 8 KiB (8192 characters). */
    public static final HeaderLimit DEFAULT = new HeaderLimit(8 * 1024);

    /**
     * Validates the limit.
     *
     * @param maxChars the longest accepted header value, in characters
     */
    public HeaderLimit {
        if (maxChars < 1) {
            throw new IllegalArgumentException("header limit must be at least 1 character, was " + maxChars);
        }
    }

    /**
     * A limit of {@code maxChars} characters.
     *
     * <pre>{@code
     * HeaderLimit limit = HeaderLimit.ofChars(1024);
     * }</pre>
     *
     * @param maxChars the longest accepted header value, at least 1
     * @return the limit
     */
    public static HeaderLimit ofChars(int maxChars) {
        return new HeaderLimit(maxChars);
    }

    /**
     * The header definition {@code header} with this limit, for a vendor's header readers.
     *
     * <pre>{@code
     * String signature = settings.headerLimit().applyTo(SIGNATURE).read(request.headers());
     * }</pre>
     *
     * @param header a header definition
     * @return the same header with {@link #maxChars()} as its length limit
     */
    public RequiredHeader applyTo(RequiredHeader header) {
        return header.withMaxLength(maxChars);
    }
}
