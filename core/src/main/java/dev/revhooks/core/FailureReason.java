package dev.revhooks.core;

/**
 * Why a webhook request was rejected before its payload was trusted.
 *
 * <p>This is the whole, closed vocabulary shared by every vendor module: a vendor maps its own
 * failures into these reasons (a wrong API key is a {@link #SIGNATURE_MISMATCH}, a missing one a
 * {@link #MISSING_SIGNATURE}). Each reason documents the HTTP status a receiver should answer with,
 * available as {@link #httpStatus()}.
 *
 * <pre>{@code
 * } catch (WebhookVerificationException e) {
 *     response.setStatus(e.reason().httpStatus());
 * }
 * }</pre>
 */
public enum FailureReason {
    /** No signature (or API key) header was sent. HTTP 401. */
    MISSING_SIGNATURE(401, "the request carries no signature or key"),
    /** The signature header is present but cannot be read: wrong prefix, not hex, wrong length, duplicated. HTTP 401. */
    MALFORMED_SIGNATURE(401, "the signature header is malformed"),
    /** The signature or key is well formed but matches none of the configured secrets. HTTP 401. */
    SIGNATURE_MISMATCH(401, "the signature or key matches no configured secret"),
    /** The scheme signs a timestamp, but none was sent. HTTP 401. */
    MISSING_TIMESTAMP(401, "the request carries no timestamp"),
    /** The signed timestamp (or event time) is outside the allowed window. HTTP 401. */
    TIMESTAMP_OUT_OF_TOLERANCE(401, "the timestamp is outside the allowed window"),
    /** The delivery is not signed and the receiver was not configured to accept unsigned deliveries. HTTP 401. */
    UNSIGNED_DELIVERY_NOT_ALLOWED(401, "the delivery is not signed and unsigned deliveries are not accepted"),
    /**
     * The sender marked the delivery as signed without a secret (its subscription has no signing
     * secret), so it cannot be verified. HTTP 401.
     */
    NO_SECRET_CONFIGURED_AT_SENDER(401,
            "the sender has no signing secret for this subscription, so the delivery cannot be verified"),
    /** The (authenticated) event type differs from the one this endpoint is subscribed to. HTTP 400. */
    EVENT_TYPE_MISMATCH(400, "the event type differs from the one this endpoint receives"),
    /** An opt-in request guard (secret path token, source-address allowlist) refused the request. HTTP 401. */
    REQUEST_GUARD_FAILED(401, "a request guard refused the request"),
    /** The body is larger than the receiver's limit; checked before any hashing. HTTP 413. */
    PAYLOAD_TOO_LARGE(413, "the body is larger than the allowed size"),
    /** A header the verification reads is longer than the allowed length. HTTP 431. */
    HEADER_TOO_LARGE(431, "a header is longer than the allowed length");

    private final int httpStatus;
    private final String description;

    FailureReason(int httpStatus, String description) {
        this.httpStatus = httpStatus;
        this.description = description;
    }

    /**
     * The HTTP status a receiver should answer a rejected request with.
     *
     * @return 401, 400, 413 or 431
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * A short, human-readable description of the failed check; never contains request data.
     *
     * @return the description
     */
    public String description() {
        return description;
    }
}
