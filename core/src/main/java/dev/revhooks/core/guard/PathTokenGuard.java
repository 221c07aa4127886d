package dev.revhooks.core.guard;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.signature.Sha256;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A secret token carried in the webhook URL you register with the vendor, compared in constant
 * time (SHA-256 digests compared with {@link MessageDigest#isEqual}).
 *
 * <ul>
 *   <li>{@link #queryParameter(String, Secret)}: {@code https://app.example/hooks?token=…}; the
 *       parameter must appear exactly once; its value is percent-decoded.</li>
 *   <li>{@link #lastPathSegment(Secret)}: {@code https://app.example/hooks/…token…}; the last
 *       non-empty segment of the path, percent-decoded.</li>
 * </ul>
 *
 * <pre>{@code
 * RequestGuard guard = PathTokenGuard.lastPathSegment(Secret.of(System.getenv("HOOK_TOKEN")));
 * }</pre>
 *
 * <p>Missing, duplicated or wrong tokens all fail with {@link FailureReason#REQUEST_GUARD_FAILED};
 * the message never shows the token. Use long random tokens, and keep them out of access logs.
 */
public final class PathTokenGuard implements RequestGuard {

    private final String parameter;
    private final byte[] tokenDigest;

    private PathTokenGuard(String parameter, Secret token) {
        this.parameter = parameter;
        this.tokenDigest = Sha256.digest(Objects.requireNonNull(token, "token").bytes());
    }

    /**
     * A token in the query parameter {@code name}.
     *
     * @param name the parameter name
     * @param token the expected token
     * @return the guard
     */
    public static PathTokenGuard queryParameter(String name, Secret token) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("query parameter name must not be empty");
        }
        return new PathTokenGuard(name, token);
    }

    /**
     * A token as the last non-empty segment of the request path.
     *
     * @param token the expected token
     * @return the guard
     */
    public static PathTokenGuard lastPathSegment(Secret token) {
        return new PathTokenGuard(null, token);
    }

    @Override
    public void check(WebhookRequest request) throws WebhookVerificationException {
        String sent = parameter == null ? lastSegment(request.path()) : queryValue(request.query());
        byte[] sentDigest = Sha256.digest(sent.getBytes(StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(tokenDigest, sentDigest)) {
            throw failed(parameter == null ? "path token does not match" : "query token does not match");
        }
    }

    private static String lastSegment(String path) throws WebhookVerificationException {
        if (path == null) {
            throw failed("the request path was not supplied");
        }
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty()) {
                return decode(segments[i]);
            }
        }
        throw failed("the request path has no token segment");
    }

    private String queryValue(String query) throws WebhookVerificationException {
        if (query == null) {
            throw failed("no query string");
        }
        List<String> values = new ArrayList<>(1);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (name.equals(parameter)) {
                values.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        if (values.size() != 1) {
            throw failed(values.isEmpty() ? "no " + parameter + " query parameter"
                    : parameter + " query parameter sent " + values.size() + " times");
        }
        return values.get(0);
    }

    private static String decode(String encoded) throws WebhookVerificationException {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw failed("malformed percent-encoding");
        }
    }

    private static WebhookVerificationException failed(String detail) {
        return new WebhookVerificationException(FailureReason.REQUEST_GUARD_FAILED, detail);
    }

    @Override
    public String toString() {
        return parameter == null ? "PathTokenGuard[last path segment]" : "PathTokenGuard[query parameter " + parameter + "]";
    }
}
