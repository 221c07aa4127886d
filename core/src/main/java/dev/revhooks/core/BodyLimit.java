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
    private static final int FIRST_PIECE = 1024;

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
     * Reads a whole stream of unknown length (a chunked body), failing as soon as it yields more
     * than {@link #maxBytes()} bytes. The bytes go into pieces that are never copied while reading:
     * the first holds 1 KiB, each next one as much as all before it (so a body of n bytes needs
     * about log2(n / 1 KiB) pieces), and when the stream ends they are joined once into an array
     * of exactly the body's size. A body that fits the first piece exactly is that piece, with no
     * copy. In all, at most about three times the body is allocated, usually twice, against four to
     * five times for a buffer that doubles and is trimmed. A full piece is followed by a one-byte
     * read, so a body that ends exactly there costs no larger piece. A stream that yields no byte
     * (a read answering 0, which a working stream never does) ends the body.
     *
     * @param in the body stream; not closed
     * @return the body
     * @throws WebhookVerificationException with {@link FailureReason#PAYLOAD_TOO_LARGE} past the limit
     * @throws IOException when the stream fails
     */
    public byte[] read(InputStream in) throws IOException, WebhookVerificationException {
        byte[][] full = null;
        int fullCount = 0;
        long fullBytes = 0;
        byte[] piece = new byte[Math.min(maxBytes, FIRST_PIECE)];
        int filled = 0;
        while (true) {
            if (filled == piece.length) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                fullBytes += filled;
                if (fullBytes == maxBytes) {
                    throw tooLarge();
                }
                if (full == null) {
                    full = new byte[8][];
                } else if (fullCount == full.length) {
                    full = Arrays.copyOf(full, 2 * fullCount);
                }
                full[fullCount++] = piece;
                piece = new byte[(int) Math.min(maxBytes - fullBytes, fullBytes)];
                piece[0] = (byte) next;
                filled = 1;
                continue;
            }
            int n = in.read(piece, filled, piece.length - filled);
            if (n <= 0) {
                break;
            }
            filled += n;
        }
        return joined(full, fullCount, fullBytes, piece, filled);
    }

    private static byte[] joined(byte[][] full, int fullCount, long fullBytes, byte[] last, int lastFilled) {
        if (fullCount == 0) {
            return lastFilled == last.length ? last : Arrays.copyOf(last, lastFilled);
        }
        byte[] body = new byte[(int) (fullBytes + lastFilled)];
        int at = 0;
        for (int i = 0; i < fullCount; i++) {
            System.arraycopy(full[i], 0, body, at, full[i].length);
            at += full[i].length;
        }
        System.arraycopy(last, 0, body, at, lastFilled);
        return body;
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
