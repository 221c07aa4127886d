package dev.revhooks.core;

import java.util.Objects;

/**
 * How a delivery was authenticated, and by which configured secret or key.
 *
 * <pre>{@code
 * Authentication auth = receiver.verify(request);
 * metrics.counter("webhook.secret." + auth.credentialId()).increment(); // retire unused secrets
 * }</pre>
 *
 * @param method how the request was authenticated
 * @param credentialId the id of the secret or key that matched (see {@link Secret#idAt(int)}), or null when
 *     no secret was involved ({@link Method#REQUEST_GUARDS} and {@link Method#NONE})
 */
public record Authentication(Method method, String credentialId) {

    /** How a request was authenticated. */
    public enum Method {
        /** An HMAC signature made with a configured secret matched. */
        HMAC_SIGNATURE,
        /** A static key header matched a configured key. */
        SHARED_KEY,
        /** Only the receiver's opt-in request guards (path token, source addresses) vouch for the sender. */
        REQUEST_GUARDS,
        /** Nothing authenticated the delivery: the receiver was explicitly configured to accept it unsigned. */
        NONE
    }

    /**
     * Validates the result.
     *
     * @param method how the request was authenticated
     * @param credentialId the matching secret's id, or null
     */
    public Authentication {
        Objects.requireNonNull(method, "method");
    }

    /**
     * A signature made with the secret {@code credentialId} matched.
     *
     * @param credentialId the secret's id
     * @return the result
     */
    public static Authentication hmacSignature(String credentialId) {
        return new Authentication(Method.HMAC_SIGNATURE, Objects.requireNonNull(credentialId));
    }

    /**
     * The key {@code credentialId} matched.
     *
     * @param credentialId the key's id
     * @return the result
     */
    public static Authentication sharedKey(String credentialId) {
        return new Authentication(Method.SHARED_KEY, Objects.requireNonNull(credentialId));
    }

    /**
     * Only request guards vouch for the sender.
     *
     * @return the result
     */
    public static Authentication requestGuards() {
        return new Authentication(Method.REQUEST_GUARDS, null);
    }

    /**
     * Accepted without any authentication, by explicit configuration.
     *
     * @return the result
     */
    public static Authentication none() {
        return new Authentication(Method.NONE, null);
    }

    /**
     * Whether a secret or key proved the sender (a signature or a shared key), as opposed to guards or nothing.
     *
     * @return true for {@link Method#HMAC_SIGNATURE} and {@link Method#SHARED_KEY}
     */
    public boolean provenBySecret() {
        return method == Method.HMAC_SIGNATURE || method == Method.SHARED_KEY;
    }
}
