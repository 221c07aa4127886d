package dev.revhooks.core.testing;

import java.io.InputStream;

/**
 * A stream over an array that counts the bytes it delivered, to show how far a reader went before
 * it stopped. Shared with the vendor modules' tests.
 *
 * <pre>{@code
 * CountingStream stream = new CountingStream(JsonBodies.paddedTo(body, limit + 1000));
 * assertThatThrownBy(() -> BodyLimit.ofBytes(limit).read(stream));
 * assertThat(stream.delivered()).isEqualTo(limit + 1);
 * }</pre>
 */
public final class CountingStream extends InputStream {

    private final byte[] bytes;
    private final int maxPerRead;
    private int delivered;

    /**
     * A stream over {@code bytes}.
     *
     * @param bytes what the stream delivers, not copied
     */
    public CountingStream(byte[] bytes) {
        this(bytes, Integer.MAX_VALUE);
    }

    /**
     * A stream over {@code bytes} that hands out at most {@code maxPerRead} bytes per read, as a
     * network stream does.
     *
     * @param bytes what the stream delivers, not copied
     * @param maxPerRead the most one {@code read(byte[], int, int)} returns, at least 1
     */
    public CountingStream(byte[] bytes, int maxPerRead) {
        this.bytes = bytes;
        this.maxPerRead = maxPerRead;
    }

    /**
     * How many bytes the stream has delivered so far.
     *
     * @return the count
     */
    public int delivered() {
        return delivered;
    }

    @Override
    public int read() {
        return delivered < bytes.length ? bytes[delivered++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (delivered >= bytes.length) {
            return -1;
        }
        int n = Math.min(Math.min(len, maxPerRead), bytes.length - delivered);
        System.arraycopy(bytes, delivered, b, off, n);
        delivered += n;
        return n;
    }
}
