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
 * <p>The message names the API and the call, then says how it failed; it never quotes the answer's
 * body, since apps log messages and an API may echo what it was sent. Where it quotes the API at all
 * (a parser's complaint about the answer, a network error), the text is redacted as
 * {@link #bodyExcerpt()} is. An answer that may hold a signing secret (such as a 2xx answer to a call
 * that creates an endpoint) is never quoted anywhere.
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
     * {@code ...}), control characters replaced by spaces, and these replaced by {@code <redacted>}:
     * any run of 8 or more characters that also occurs in the API key, in any case; the path, query
     * and fragment of every {@code http(s)} URL; and the URLs the call itself sent (a webhook URL with
     * a path token), their path and query and each long segment or value of them, wherever echoed.
     *
     * <p><strong>Handle it with care.</strong> It is what the API answered, kept out of
     * {@link #getMessage()} for that reason: it may still hold personal data or other values the
     * API echoes, or a credential the redaction cannot recognise (a key shorter than 8 characters,
     * a token sent in a way this client did not). Log it only where such data may go.
     *
     * <pre>{@code
     * } catch (ManagementApiException e) {
     *     log.warn("{} (body: {})", e.getMessage(), e.bodyExcerpt()); // only to a log that may hold it
     * }
     * }</pre>
     *
     * @return the excerpt; empty when there was no body, or when it was withheld because it may
     *     hold a signing secret
     */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
