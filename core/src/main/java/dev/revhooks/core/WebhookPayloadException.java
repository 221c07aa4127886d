package dev.revhooks.core;

import java.util.Objects;
import java.util.Optional;

/**
 * An authenticated body did not parse into the vendor's records.
 *
 * <p>The delivery is authentic, so it must not be lost: the exception carries the verified raw
 * body ({@link #rawBody()}) for the app to store or hand to a dead-letter queue.
 *
 * <pre>{@code
 * } catch (WebhookPayloadException e) {
 *     deadLetters.store(e.rawBody(), e.getMessage());
 *     response.setStatus(202); // authentic: do not make the vendor retry
 * }
 * }</pre>
 *
 * <p>The message names what was wrong (for example the field and the JSON position); it may quote
 * the offending value, never the whole body.
 *
 * <p>Thrown by a receiver's {@code receive}, which verified the request first, it also says how the
 * request was authenticated ({@link #authentication()}): a body under a valid signature or key
 * came from the vendor, while one accepted on request guards alone (or on nothing, by opt-in) may
 * have been chosen by whoever passed the guards. Keep that with the body. Thrown by {@code parse},
 * which verifies nothing, it has no authentication.
 */
public final class WebhookPayloadException extends WebhookException {

    private static final long serialVersionUID = 1L;

    private final transient byte[] rawBody;
    private final transient Authentication authentication;

    /**
     * Creates a payload exception.
     *
     * @param message what was wrong; may quote the offending value, never the whole body
     * @param rawBody the verified body, not copied
     * @param cause the parser's exception, or null
     */
    public WebhookPayloadException(String message, byte[] rawBody, Throwable cause) {
        this(message, rawBody, cause, null);
    }

    private WebhookPayloadException(String message, byte[] rawBody, Throwable cause, Authentication authentication) {
        super(message, cause);
        this.rawBody = rawBody == null ? new byte[0] : rawBody;
        this.authentication = authentication;
    }

    /**
     * The same failure (message, body, cause and stack trace) of a request that was authenticated
     * by {@code authentication}: what a receiver's {@code receive} throws when the body of a
     * request it verified does not parse.
     *
     * <pre>{@code
     * Authentication authentication = verify(request);
     * try {
     *     return parse(request);
     * } catch (WebhookPayloadException e) {
     *     throw e.authenticatedBy(authentication);
     * }
     * }</pre>
     *
     * @param authentication how the request was authenticated
     * @return a new exception carrying it
     */
    public WebhookPayloadException authenticatedBy(Authentication authentication) {
        WebhookPayloadException copy = new WebhookPayloadException(getMessage(), rawBody, getCause(),
                Objects.requireNonNull(authentication, "authentication"));
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /**
     * How the request whose body did not parse was authenticated, when the exception comes from a
     * receiver's {@code receive}.
     *
     * @return the authentication, or empty when thrown by {@code parse} (nothing was verified)
     */
    public Optional<Authentication> authentication() {
        return Optional.ofNullable(authentication);
    }

    /**
     * The verified body exactly as received. The array is shared, not copied: do not modify it.
     *
     * @return the raw body
     */
    public byte[] rawBody() {
        return rawBody;
    }
}
