package dev.revhooks.core.signature;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookVerificationException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Verifies HMAC-SHA256 signatures against one or more active secrets (rotation).
 *
 * <p>Built once and shared by all request threads. Each secret's HMAC key blocks (RFC 2104's
 * {@code key ^ ipad} and {@code key ^ opad}) are computed once, here, and each thread keeps its own
 * two SHA-256 digests per secret, so no request pays for {@code getInstance} or key set-up and a
 * verification allocates nothing. RFC 4231's test cases and a differential property test against
 * {@code javax.crypto.Mac} show the HMAC equal to the JDK's. The message may come in several parts (for example timestamp, {@code "."}, body): they are fed to the
 * MAC in order, never concatenated into a new array, and the body is never copied. Signatures are
 * compared as decoded bytes with {@link MessageDigest#isEqual}, which takes the same time whatever
 * the position of the first difference.
 *
 * <pre>{@code
 * HmacSha256Verifier verifier = HmacSha256Verifier.of(List.of(current, previous));
 * Authentication auth = verifier.verify(HexSignature.decode(hex), timestampBytes, DOT, body);
 * auth.credentialId(); // "current" or "previous"
 * }</pre>
 *
 * <p>{@link #verifyHex(String, int, int, byte[])} and
 * {@link #verifyAnyHex(String, HexCandidates, int, int, byte, byte[])} take the signature as the hex
 * digits of the header value, in place, and allocate nothing per verification: each thread decodes
 * the digits into its own 32-byte buffer (overwritten whole before every comparison) and compares
 * it with {@link MessageDigest#isEqual}, as {@link #verify(byte[], byte[]...)} does.
 */
public final class HmacSha256Verifier {

    /**
     * Finds the candidate signatures of a header value in place, for
     * {@link #verifyAnyHex(String, HexCandidates, int, int, byte, byte[])}: each candidate is 64 hex
     * digits. Implementations keep no state (a method reference to a static method is one).
     *
     * <pre>{@code
     * // value "t=1700000000,v1=<64 hex>,v1=<64 hex>": every v1 entry's digits
     * HexCandidates v1 = (value, from) -> {
     *     int at = value.indexOf("v1=", from);
     *     return at < 0 ? -1 : at + 3;
     * };
     * }</pre>
     */
    @FunctionalInterface
    public interface HexCandidates {

        /**
         * The index of the first of the 64 digits of the next candidate that starts at or after
         * {@code from}.
         *
         * @param value the header value
         * @param from where to look from (0, then the index after the last candidate's digits)
         * @return the index, or -1 when there is no candidate left
         */
        int next(String value, int from);
    }

    /** One thread's computations (one per secret) and its output buffer. */
    private static final class ThreadState {
        final HmacSha256.Computation[] macs;
        final byte[] computed = new byte[HmacSha256.LENGTH];
        /** The received signature, decoded: overwritten whole before every comparison. */
        final byte[] received = new byte[HmacSha256.LENGTH];

        ThreadState(HmacSha256.Computation[] macs) {
            this.macs = macs;
        }
    }

    private final Secret[] secrets;
    private final String[] ids;
    private final Authentication[] results;
    private final ThreadLocal<ThreadState> state;

    private HmacSha256Verifier(List<Secret> secrets) {
        Objects.requireNonNull(secrets, "secrets");
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is required");
        }
        this.secrets = secrets.toArray(new Secret[0]);
        this.ids = new String[this.secrets.length];
        HmacSha256[] keys = new HmacSha256[this.secrets.length];
        for (int i = 0; i < this.secrets.length; i++) {
            Objects.requireNonNull(this.secrets[i], "secret");
            ids[i] = this.secrets[i].idAt(i);
            keys[i] = HmacSha256.of(this.secrets[i].bytes());
        }
        this.results = new Authentication[this.secrets.length];
        for (int i = 0; i < this.secrets.length; i++) {
            results[i] = Authentication.hmacSignature(ids[i]);
        }
        this.state = ThreadLocal.withInitial(() -> {
            HmacSha256.Computation[] computations = new HmacSha256.Computation[keys.length];
            for (int i = 0; i < keys.length; i++) {
                computations[i] = keys[i].computation();
            }
            return new ThreadState(computations);
        });
    }

    /**
     * A verifier for the given active secrets; a signature made with any of them is valid.
     *
     * @param secrets one or more secrets, in the order their ids are reported
     * @return the verifier
     */
    public static HmacSha256Verifier of(List<Secret> secrets) {
        return new HmacSha256Verifier(List.copyOf(secrets));
    }

    /**
     * A verifier for one secret.
     *
     * @param secret the secret
     * @return the verifier
     */
    public static HmacSha256Verifier of(Secret secret) {
        return new HmacSha256Verifier(List.of(secret));
    }

    /**
     * Verifies one signature over the concatenation of {@code parts}.
     *
     * @param signature the decoded signature bytes
     * @param parts the signed message, in order
     * @return the authentication naming the matching secret
     * @throws WebhookVerificationException with {@link FailureReason#SIGNATURE_MISMATCH} when no secret matches
     */
    public Authentication verify(byte[] signature, byte[]... parts) throws WebhookVerificationException {
        ThreadState thread = state.get();
        for (int i = 0; i < thread.macs.length; i++) {
            if (MessageDigest.isEqual(mac(thread, i, parts), signature)) {
                return results[i];
            }
        }
        throw new WebhookVerificationException(FailureReason.SIGNATURE_MISMATCH);
    }

    /**
     * Verifies the hex signature {@code text[from, to)} over {@code message}, in place: nothing is
     * allocated. The digits are checked first, exactly as {@link HexSignature#decode(String, int, int)}
     * checks them.
     *
     * <pre>{@code
     * // X-Revont-Signature: sha256=<64 hex>
     * Authentication auth = verifier.verifyHex(value, "sha256=".length(), value.length(), body);
     * }</pre>
     *
     * @param text the header value
     * @param from the index of the first hex digit
     * @param to the index after the last hex digit
     * @param message the signed message
     * @return the authentication naming the matching secret
     * @throws WebhookVerificationException with {@link FailureReason#MALFORMED_SIGNATURE} when the
     *     range is not 64 ASCII hex digits, {@link FailureReason#SIGNATURE_MISMATCH} when no secret matches
     * @throws IndexOutOfBoundsException when the range is not within {@code text}
     */
    public Authentication verifyHex(String text, int from, int to, byte[] message) throws WebhookVerificationException {
        ThreadState thread = state.get();
        HexSignature.decode(text, from, to, thread.received);
        for (int i = 0; i < thread.macs.length; i++) {
            thread.macs[i].mac(message, thread.computed);
            if (MessageDigest.isEqual(thread.computed, thread.received)) {
                return results[i];
            }
        }
        throw new WebhookVerificationException(FailureReason.SIGNATURE_MISMATCH);
    }

    /**
     * Verifies the candidate hex signatures that {@code candidates} finds in {@code value} over the
     * message {@code value[signedFrom, signedTo)} (ASCII), {@code separator}, {@code body}: the
     * scheme where one header carries the signed timestamp and the signatures
     * ({@code t=<seconds>,v1=<hex>,…}, signed over {@code "<seconds>.<body>"}). Valid when any
     * candidate matches any secret; every candidate is compared for each secret. Nothing is allocated.
     *
     * <pre>{@code
     * // value "t=1700000000,v1=<64 hex>"; the timestamp's digits are value[2, 12)
     * Authentication auth = verifier.verifyAnyHex(value, v1, 2, 12, (byte) '.', body);
     * }</pre>
     *
     * @param value the header value
     * @param candidates finds each candidate's 64 digits in {@code value}
     * @param signedFrom the index of the first char of the signed ASCII part (each char below 128)
     * @param signedTo the index after its last char
     * @param separator the byte signed between the ASCII part and the body
     * @param body the raw body
     * @return the authentication naming the matching secret
     * @throws WebhookVerificationException with {@link FailureReason#MALFORMED_SIGNATURE} when a
     *     candidate is not 64 ASCII hex digits, {@link FailureReason#SIGNATURE_MISMATCH} when nothing
     *     matches (no candidate at all included)
     * @throws IndexOutOfBoundsException when a range is not within {@code value}
     */
    public Authentication verifyAnyHex(String value, HexCandidates candidates, int signedFrom, int signedTo,
            byte separator, byte[] body) throws WebhookVerificationException {
        Objects.checkFromToIndex(signedFrom, signedTo, value.length());
        ThreadState thread = state.get();
        for (int i = 0; i < thread.macs.length; i++) {
            thread.macs[i].mac(value, signedFrom, signedTo, separator, body, thread.computed);
            boolean matched = false;
            for (int at = candidates.next(value, 0); at >= 0; at = candidates.next(value, at + 2 * HmacSha256.LENGTH)) {
                HexSignature.decode(value, at, at + 2 * HmacSha256.LENGTH, thread.received);
                // No early exit inside the comparison; every candidate is compared for this secret.
                matched |= MessageDigest.isEqual(thread.computed, thread.received);
            }
            if (matched) {
                return results[i];
            }
        }
        throw new WebhookVerificationException(FailureReason.SIGNATURE_MISMATCH);
    }

    /**
     * Verifies a set of candidate signatures (a sender that signs with several secrets at once):
     * valid when any candidate matches any secret.
     *
     * @param signatures the decoded candidate signatures, at least one
     * @param parts the signed message, in order
     * @return the authentication naming the matching secret
     * @throws WebhookVerificationException with {@link FailureReason#SIGNATURE_MISMATCH} when nothing matches
     */
    public Authentication verifyAny(List<byte[]> signatures, byte[]... parts) throws WebhookVerificationException {
        ThreadState thread = state.get();
        for (int i = 0; i < thread.macs.length; i++) {
            byte[] computed = mac(thread, i, parts);
            boolean matched = false;
            for (int s = 0; s < signatures.size(); s++) {
                // No early exit inside the comparison; every candidate is compared for this secret.
                matched |= MessageDigest.isEqual(computed, signatures.get(s));
            }
            if (matched) {
                return results[i];
            }
        }
        throw new WebhookVerificationException(FailureReason.SIGNATURE_MISMATCH);
    }

    /** The MAC of the parts with secret {@code i}, into the thread's buffer (valid until the next call). */
    private static byte[] mac(ThreadState thread, int i, byte[][] parts) {
        thread.macs[i].mac(parts, thread.computed);
        return thread.computed;
    }

    /**
     * The number of configured secrets.
     *
     * @return at least 1
     */
    public int secretCount() {
        return secrets.length;
    }

    @Override
    public String toString() {
        return "HmacSha256Verifier[secrets=" + List.of(ids) + "]";
    }
}
