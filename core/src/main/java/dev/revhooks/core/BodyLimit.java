package dev.revhooks.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The largest body a receiver accepts, checked before any hashing; the default is 8 MiB.
 *
 * <p>An adapter that reads a stream uses {@link #read(InputStream)}, which stops reading one byte
 * past the limit instead of buffering an unbounded body.
 *
 * <pre>{@code
 * BodyLimit limit = BodyLimit.ofBytes(1024 * 1024);
 * byte[] body = limit.read(servletRequest.getInputStream());
 * }</pre>
 *
 * @param maxBytes the largest accepted body, in bytes, at least 1
 */
public record BodyLimit(int maxBytes) {

    /** 8 MiB. */
    public static final BodyLimit DEFAULT = new BodyLimit(8 * 1024 * 1024);

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
     * Reads a whole stream, failing as soon as it yields more than {@link #maxBytes()} bytes.
     *
     * @param in the body stream; not closed
     * @return the body
     * @throws WebhookVerificationException with {@link FailureReason#PAYLOAD_TOO_LARGE} past the limit
     * @throws IOException when the stream fails
     */
    public byte[] read(InputStream in) throws IOException, WebhookVerificationException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 8192));
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, (long) maxBytes + 1 - total))) > 0) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private WebhookVerificationException tooLarge() {
        return new WebhookVerificationException(FailureReason.PAYLOAD_TOO_LARGE, "limit is " + maxBytes + " bytes");
    }
}
