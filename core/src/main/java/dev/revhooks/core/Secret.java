package dev.revhooks.core;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A signing secret or API key, kept out of logs.
 *
 * <p>{@link #toString()} is redacted; the value is only handed out as bytes to verifiers and
 * signers. Construction refuses an empty value and one with leading or trailing white space (a
 * classic copy-paste error that would make every signature mismatch), with a message that never
 * shows the value. The value's exact characters are the key: a {@code whsec_…} secret is used as
 * shown, prefix included, unless a vendor's scheme says otherwise.
 *
 * <pre>{@code
 * Secret current = Secret.of("current", System.getenv("REVONT_WEBHOOK_SECRET"));
 * Secret previous = Secret.of("previous", System.getenv("REVONT_WEBHOOK_SECRET_OLD"));
 * }</pre>
 *
 * <p>An id names the secret in verification results (so operators can see when an old secret is
 * no longer used); it is not secret. {@code equals} is identity: secrets are never compared with
 * {@code equals}.
 */
public final class Secret {

    private final String id;
    private final byte[] value;

    private Secret(String id, byte[] value) {
        this.id = id;
        this.value = value;
    }

    /**
     * A secret without an explicit id; verification results name it by its position
     * ({@code "secret-1"}, {@code "secret-2"}, …) in the receiver's list.
     *
     * @param value the secret exactly as the vendor shows it
     * @return the secret
     * @throws IllegalArgumentException if the value is null, empty or has surrounding white space
     */
    public static Secret of(String value) {
        return new Secret(null, validated(value));
    }

    /**
     * A secret with an id used in verification results and logs.
     *
     * @param id a non-secret name such as {@code "current"} or {@code "2026-11"}
     * @param value the secret exactly as the vendor shows it
     * @return the secret
     * @throws IllegalArgumentException if the id is blank or the value is null, empty or has surrounding white space
     */
    public static Secret of(String id, String value) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("secret id must not be blank");
        }
        return new Secret(id, validated(value));
    }

    /**
     * A secret given as raw key bytes, for schemes whose key is not a printable string (for
     * example a base64-decoded key). Only emptiness is checked.
     *
     * @param id a non-secret name, or null to be named by position
     * @param key the key bytes; copied
     * @return the secret
     * @throws IllegalArgumentException if the key is null or empty
     */
    public static Secret ofBytes(String id, byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        if (id != null && id.isBlank()) {
            throw new IllegalArgumentException("secret id must not be blank");
        }
        return new Secret(id, key.clone());
    }

    private static byte[] validated(String value) {
        if (value == null) {
            throw new IllegalArgumentException("secret must not be null");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        if (value.strip().length() != value.length()) {
            throw new IllegalArgumentException(
                    "secret has leading or trailing white space; copy it again without spaces or line breaks");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The explicit id given at construction.
     *
     * @return the id, or null when the secret was created without one
     */
    public String id() {
        return id;
    }

    /**
     * The id to report for this secret when it sits at {@code index} (0-based) in a list.
     *
     * @param index the secret's position among the configured secrets
     * @return the explicit id, or {@code "secret-" + (index + 1)}
     */
    public String idAt(int index) {
        return id != null ? id : "secret-" + (index + 1);
    }

    /**
     * A copy of the secret's UTF-8 bytes, for verifiers and signers. Do not log them.
     *
     * @return a fresh array
     */
    public byte[] bytes() {
        return value.clone();
    }

    /**
     * Redacted: never shows the value.
     *
     * @return {@code Secret[id=…, value=<redacted>]}
     */
    @Override
    public String toString() {
        return "Secret[id=" + Objects.requireNonNullElse(id, "<unnamed>") + ", value=<redacted>]";
    }
}
