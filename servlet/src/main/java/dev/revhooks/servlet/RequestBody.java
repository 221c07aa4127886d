package dev.revhooks.servlet;

import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.WebhookVerificationException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * How the filter reads a request's body: once, exactly {@code Content-Length} bytes when declared
 * (one array of that size), a bounded growing read otherwise ({@link BodyLimit#read(InputStream, long)}).
 *
 * <p>Every way the container's stream can fail (an idle timeout on a stalled sender, an early end,
 * a reset, a malformed chunk) is one {@link UnreadableBodyException}, whatever exception type the
 * container chose for it: Jetty reports a stall as an {@code IOException} wrapping a
 * {@code TimeoutException} and a bad chunk as a runtime {@code BadMessageException}; other
 * containers differ.
 *
 * <p>After a {@code 413}, {@link #drain} reads and discards what is left of a body up to twice the
 * limit in all, so that a sender that writes its whole body before reading the answer (most HTTP
 * clients) gets the {@code 413} rather than a reset connection.
 */
final class RequestBody {

    private RequestBody() {
    }

    /** The request's body could not be read to its end; the container's exception is the cause. */
    static final class UnreadableBodyException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableBodyException(Exception cause) {
            super(cause.getClass().getName() + ": " + cause.getMessage(), cause);
        }
    }

    /**
     * The body, read under {@code limit}.
     *
     * @throws WebhookVerificationException {@code PAYLOAD_TOO_LARGE}: declared over the limit (unread), or a body of
     *         unknown length that went one byte past it
     * @throws UnreadableBodyException the stream failed or ended before the declared length
     */
    static byte[] read(HttpServletRequest request, BodyLimit limit) throws WebhookVerificationException, UnreadableBodyException {
        try {
            return limit.read(request.getInputStream(), request.getContentLengthLong());
        } catch (IOException | RuntimeException e) {
            throw new UnreadableBodyException(e);
        }
    }

    /**
     * After a body was refused as too large, reads and discards the rest of it if the body, in all,
     * is at most twice the limit.
     *
     * @return true when the body was read to its end, so the connection can carry the answer and
     *         stay open; false when the filter stopped reading (the connection must be closed)
     */
    static boolean drain(HttpServletRequest request, BodyLimit limit) {
        long budget = 2L * limit.maxBytes();
        long declared = request.getContentLengthLong();
        if (declared > budget) {
            return false;
        }
        // a declared body was refused unread; one of unknown length was read one byte past the limit
        long left = declared >= 0 ? declared : budget - (limit.maxBytes() + 1L);
        byte[] discard = new byte[8192];
        try {
            InputStream in = request.getInputStream();
            while (true) {
                int n = in.read(discard, 0, (int) Math.min(discard.length, left + 1));
                if (n <= 0) {
                    return n < 0;
                }
                left -= n;
                if (left < 0) {
                    return false;
                }
            }
        } catch (IOException | RuntimeException brokenWhileDraining) {
            return false;
        }
    }
}
