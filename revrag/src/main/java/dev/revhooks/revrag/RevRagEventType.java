package dev.revhooks.revrag;

import dev.revhooks.core.WireValue;

/**
 * The event types RevRag documents, as named in the {@code X-Webhook-Event} header, plus
 * {@link #UNKNOWN} for any other name (or none).
 *
 * <pre>{@code
 * switch (event.type()) {
 *     case CALL_ENDED -> store(((RevRagEvent.CallEnded) event).call());
 *     case UNKNOWN -> log.info("new RevRag event {}", event.hints().event());
 * }
 * }</pre>
 */
public enum RevRagEventType implements WireValue {
    /** {@code call.ended}: a call finished; the body is the call-status object ({@link CallStatus}). */
    CALL_ENDED("call.ended"),
    /** Any event name the document does not list, or a delivery without a usable {@code X-Webhook-Event}. */
    UNKNOWN(null);

    private final String wireName;

    RevRagEventType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
