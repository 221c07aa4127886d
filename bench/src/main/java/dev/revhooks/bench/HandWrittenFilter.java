package dev.revhooks.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Revont filter as a careful team writes it by hand: read the body, {@code Mac.getInstance} per
 * request, strip {@code sha256=}, hex-decode, {@code MessageDigest.isEqual}, Jackson
 * {@code readTree}, and pass on a wrapper that serves the body again.
 */
final class HandWrittenFilter implements Filter {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final SecretKeySpec key;

    HandWrittenFilter(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        byte[] body = request.getInputStream().readAllBytes();
        String header = request.getHeader("X-Revont-Signature");
        if (header == null || !header.startsWith("sha256=")) {
            response.sendError(401);
            return;
        }
        byte[] expected;
        byte[] actual;
        try {
            expected = HexFormat.of().parseHex(header.substring("sha256=".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            actual = mac.doFinal(body);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            response.sendError(401);
            return;
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            response.sendError(401);
            return;
        }
        request.setAttribute("event", MAPPER.readTree(body));
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() {
                ByteArrayInputStream in = new ByteArrayInputStream(body);
                return new ServletInputStream() {
                    @Override
                    public int read() {
                        return in.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        return in.read(b, off, len);
                    }

                    @Override
                    public boolean isFinished() {
                        return in.available() == 0;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new IllegalStateException("synchronous only");
                    }
                };
            }
        }, response);
    }
}
