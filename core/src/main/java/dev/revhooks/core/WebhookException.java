package dev.revhooks.core;

/**
 * The one checked exception type a receiver throws: either the request did not authenticate
 * ({@link WebhookVerificationException}) or an authentic body did not parse
 * ({@link WebhookPayloadException}).
 *
 * <pre>{@code
 * try {
 *     VerifiedDelivery<RevontEvent> delivery = receiver.receive(request);
 * } catch (WebhookVerificationException e) {
 *     // not from the vendor: answer e.reason().httpStatus()
 * } catch (WebhookPayloadException e) {
 *     // authentic but unreadable: keep e.rawBody()
 * }
 * }</pre>
 *
 * <p>Messages name the failed check and never contain a secret, a key or an expected signature.
 */
public abstract sealed class WebhookException extends Exception
        permits WebhookVerificationException, WebhookPayloadException {

    private static final long serialVersionUID = 1L;

    WebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
