package dev.revhooks.core;

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
 */
public final class WebhookPayloadException extends WebhookException {

    private static final long serialVersionUID = 1L;

    private final transient byte[] rawBody;

    /**
     * Creates a payload exception.
     *
     * @param message what was wrong; may quote the offending value, never the whole body
     * @param rawBody the verified body, not copied
     * @param cause the parser's exception, or null
     */
    public WebhookPayloadException(String message, byte[] rawBody, Throwable cause) {
        super(message, cause);
        this.rawBody = rawBody == null ? new byte[0] : rawBody;
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
