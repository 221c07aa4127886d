package dev.revhooks.core;

import java.util.Objects;

/**
 * A request failed verification: it must not be trusted, and nothing after the failed step ran.
 *
 * <pre>{@code
 * try {
 *     receiver.verify(request);
 * } catch (WebhookVerificationException e) {
 *     log.warn("rejected webhook: {}", e.getMessage()); // safe to log
 *     response.setStatus(e.reason().httpStatus());
 * }
 * }</pre>
 *
 * <p>The message says which check failed; it never contains a secret, a key or an expected
 * signature.
 */
public final class WebhookVerificationException extends WebhookException {

    private static final long serialVersionUID = 1L;

    private final FailureReason reason;

    /**
     * Creates an exception whose message is the reason's description.
     *
     * @param reason the failed check
     */
    public WebhookVerificationException(FailureReason reason) {
        this(reason, null);
    }

    /**
     * Creates an exception with a detail that narrows the failed check.
     *
     * @param reason the failed check
     * @param detail more precise, non-secret words on what was wrong (for example "no sha256= prefix"); may be null
     */
    public WebhookVerificationException(FailureReason reason, String detail) {
        super(message(reason, detail), null);
        this.reason = reason;
    }

    private static String message(FailureReason reason, String detail) {
        Objects.requireNonNull(reason, "reason");
        String base = reason.name() + ": " + reason.description();
        return detail == null || detail.isEmpty() ? base : base + " (" + detail + ")";
    }

    /**
     * The failed check.
     *
     * @return the reason, never null
     */
    public FailureReason reason() {
        return reason;
    }
}
