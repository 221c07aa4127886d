package dev.revhooks.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The request passed downstream: its body, already read by the filter, can be read again, any
 * number of times, through {@link #getInputStream()} or {@link #getReader()} (UTF-8 unless the
 * request names a charset). Reading is synchronous: the body is already in memory.
 *
 * <p>The stream reads the verified array in place; {@code readAllBytes()} costs one copy (the
 * caller's own array), never a growing buffer. An app that needs no stream takes the bytes from
 * {@link WebhookFilter#delivery} ({@code rawBody()}) and pays nothing.
 */
final class VerifiedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    VerifiedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
        return new BodyStream(body);
    }

    @Override
    public BufferedReader getReader() throws UnsupportedEncodingException {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset(getCharacterEncoding())));
    }

    /** The request's charset, as the Servlet API reports an unknown one: {@link UnsupportedEncodingException}. */
    private static Charset charset(String encoding) throws UnsupportedEncodingException {
        if (encoding == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(encoding);
        } catch (IllegalArgumentException unknownOrIllegalName) {
            throw new UnsupportedEncodingException("unsupported request charset");
        }
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    /** A stream over the verified array: reads it in place, hands out copies only of what is asked. */
    static final class BodyStream extends ServletInputStream {
        private final byte[] body;
        private int position;

        BodyStream(byte[] body) {
            this.body = body;
        }

        @Override
        public int read() {
            return position < body.length ? body[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (position >= body.length) {
                return -1;
            }
            int n = Math.min(len, body.length - position);
            System.arraycopy(body, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public byte[] readAllBytes() {
            byte[] rest = Arrays.copyOfRange(body, position, body.length);
            position = body.length;
            return rest;
        }

        @Override
        public byte[] readNBytes(int len) {
            if (len < 0) {
                throw new IllegalArgumentException("len < 0");
            }
            int n = Math.min(len, body.length - position);
            byte[] part = Arrays.copyOfRange(body, position, position + n);
            position += n;
            return part;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, body.length - position));
            position += (int) skipped;
            return skipped;
        }

        @Override
        public int available() {
            return body.length - position;
        }

        @Override
        public long transferTo(OutputStream out) throws IOException {
            int n = body.length - position;
            out.write(body, position, n);
            position = body.length;
            return n;
        }

        @Override
        public boolean isFinished() {
            return position >= body.length;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("the verified body is already in memory; read it synchronously");
        }
    }
}
