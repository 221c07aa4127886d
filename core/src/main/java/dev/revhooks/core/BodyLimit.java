package dev.revhooks.core;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The largest body a receiver accepts, checked before any hashing; the default is 8 MiB.
 *
 * <p>An adapter that reads a stream uses {@link #read(InputStream, long)} with the declared
 * {@code Content-Length} (or {@code -1} when there is none): a declared length over the limit is
 * refused before reading; a declared length within it is read into one array of exactly that
 * size; a body of unknown length is read into a growing array and refused one byte past the
 * limit, never buffered without bound.
 *
 * <pre>{@code
 * BodyLimit limit = BodyLimit.ofBytes(1024 * 1024);
 * byte[] body = limit.read(servletRequest.getInputStream(), servletRequest.getContentLengthLong());
 * }</pre>
 *
 * @param maxBytes the largest accepted body, in bytes, at least 1
 */
public record BodyLimit(int maxBytes) {

    /** 8 MiB. */
    public static final BodyLimit DEFAULT = new BodyLimit(8 * 1024 * 1024);

    /** The first array a body of unknown length is read into; it doubles from there. */
    private static final int INITIAL_CAPACITY = 8192;

    /**
     * Validates the limit.
     *
     * @param maxBytes the largest accepted body, in bytes
     */
    public BodyLimit {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("body limit must be at least 1 byte, was " + maxBytes);
        }
    }

    /**
     * A limit of {@code maxBytes} bytes.
     *
     * @param maxBytes the largest accepted body, at least 1
     * @return the limit
     */
    public static BodyLimit ofBytes(int maxBytes) {
        return new BodyLimit(maxBytes);
    }

    /**
     * Rejects a body over the limit.
     *
     * @param body the raw body
     * @throws WebhookVerificationException with {@link FailureReason#PAYLOAD_TOO_LARGE} when the body is over the limit
     */
    public void check(byte[] body) throws WebhookVerificationException {
        if (body.length > maxBytes) {
            throw tooLarge();
        }
    }

    /**
     * Reads a whole stream of unknown length, failing as soon as it yields more than
     * {@link #maxBytes()} bytes. The bytes go into one array that grows by doubling (from at most
     * 8 KiB) and is trimmed once at the end; nothing else is allocated. A stream that yields no
     * byte (a read answering 0, which a working stream never does) ends the body.
     *
     * @param in the body stream; not closed
     * @return the body
     * @throws WebhookVerificationException with {@link FailureReason#PAYLOAD_TOO_LARGE} past the limit
     * @throws IOException when the stream fails
     */
    public byte[] read(InputStream in) throws IOException, WebhookVerificationException {
        byte[] buffer = new byte[Math.min(maxBytes, INITIAL_CAPACITY)];
        int size = 0;
        while (true) {
            if (size == buffer.length) {
                if (size == maxBytes) {
                    if (in.read() < 0) {
                        return buffer;
                    }
                    throw tooLarge();
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes, 2L * size));
            }
            int n = in.read(buffer, size, buffer.length - size);
            if (n <= 0) {
                return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
            }
            size += n;
        }
    }

    /**
     * Reads a body whose length the sender declared ({@code Content-Length}), or one of unknown
     * length when {@code declaredLength} is negative ({@link #read(InputStream)}).
     *
     * <p>A declared length over the limit is refused before a byte is read. One within it is read
     * into a single array of exactly that size (one allocation, no copy), and the stream is not read
     * past it. A stream that ends before the declared length is a broken body: an
     * {@link EOFException}, as for any other failure of the stream.
     *
     * <pre>{@code
     * byte[] body = limit.read(request.getInputStream(), request.getContentLengthLong());
     * }</pre>
     *
     * @param in the body stream; not closed
     * @param declaredLength the declared length in bytes, or negative when none was declared
     * @return the body
     * @throws WebhookVerificationException with {@link FailureReason#PAYLOAD_TOO_LARGE} when the
     *         declared length, or for an undeclared length the stream, is over the limit
     * @throws EOFException when the stream ends before the declared length
     * @throws IOException when the stream fails
     */
    public byte[] read(InputStream in, long declaredLength) throws IOException, WebhookVerificationException {
        if (declaredLength < 0) {
            return read(in);
        }
        if (declaredLength > maxBytes) {
            throw new WebhookVerificationException(FailureReason.PAYLOAD_TOO_LARGE,
                    "Content-Length is over the limit of " + maxBytes + " bytes");
        }
        byte[] body = new byte[(int) declaredLength];
        int size = 0;
        while (size < body.length) {
            int n = in.read(body, size, body.length - size);
            if (n <= 0) {
                throw new EOFException("the body ended after " + size + " of the " + body.length + " bytes declared");
            }
            size += n;
        }
        return body;
    }

    private WebhookVerificationException tooLarge() {
        return new WebhookVerificationException(FailureReason.PAYLOAD_TOO_LARGE, "limit is " + maxBytes + " bytes");
    }
}
