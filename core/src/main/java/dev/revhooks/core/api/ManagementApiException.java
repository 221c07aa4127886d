package dev.revhooks.core.api;

import java.util.OptionalInt;

/**
 * A call to a vendor's management API (the API that registers webhook endpoints) did not succeed:
 * the API answered with a status other than the documented one, answered with a body that is not
 * the documented JSON, did not answer in time, or could not be reached. Every vendor module's API
 * client throws it.
 *
 * <pre>{@code
 * try {
 *     api.delete(endpointId);
 * } catch (ManagementApiException e) {
 *     if (e.failure() == ManagementApiException.Failure.UNEXPECTED_STATUS && e.statusCode().orElse(0) == 404) {
 *         return; // already gone
 *     }
 *     throw e;
 * }
 * }</pre>
 *
 * <p>The message names the API and the call, then says how it failed. Neither the message nor
 * {@link #bodyExcerpt()} ever contains the API key (an API that echoes it back sees it replaced by
 * {@code <redacted>}), and an answer that may hold a signing secret (such as a 2xx answer to a call
 * that creates an endpoint) is never quoted.
 */
public final class ManagementApiException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Failure {
        /**
         * The API answered with a status other than the documented one: an error such as 401
         * (wrong API key), 404 (unknown id), 422 (rejected input) or 500, a redirect, or an
         * undocumented 2xx. {@link #statusCode()} and {@link #bodyExcerpt()} say more.
         */
        UNEXPECTED_STATUS,
        /**
         * The API answered with the documented status but not with the documented JSON (not JSON,
         * a missing required field, a field of the wrong type, or larger than the client reads).
         */
        MALFORMED_RESPONSE,
        /** No complete answer within the configured connect or request timeout. */
        TIMEOUT,
        /** The request could not be sent or the answer not read (connection refused or reset, TLS). */
        NETWORK_ERROR,
        /** The calling thread was interrupted while waiting; its interrupt status is set again. */
        INTERRUPTED
    }

    private final Failure failure;
    private final Integer statusCode;
    private final String bodyExcerpt;

    /** Made only by {@link ApiTransport}, which redacts and bounds what it passes; no status is null. */
    ManagementApiException(Failure failure, String message, Integer statusCode, String bodyExcerpt,
                           Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.statusCode = statusCode;
        this.bodyExcerpt = bodyExcerpt;
    }

    /**
     * What went wrong.
     *
     * @return the failure
     */
    public Failure failure() {
        return failure;
    }

    /**
     * The HTTP status the API answered with.
     *
     * @return the status, or empty when no answer arrived ({@link Failure#TIMEOUT},
     *     {@link Failure#NETWORK_ERROR}, {@link Failure#INTERRUPTED})
     */
    public OptionalInt statusCode() {
        return statusCode == null ? OptionalInt.empty() : OptionalInt.of(statusCode);
    }

    /**
     * The start of the response body as text, for diagnosis: at most 512 characters (then
     * {@code ...}), control characters replaced by spaces, the API key replaced by
     * {@code <redacted>}.
     *
     * @return the excerpt; empty when there was no body, or when it was withheld because it may
     *     hold a signing secret
     */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
