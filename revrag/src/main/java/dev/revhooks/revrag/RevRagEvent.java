package dev.revhooks.revrag;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A verified RevRag delivery's event, chosen by the {@code X-Webhook-Event} header: one record per
 * documented event, and {@link Unknown} (keeping the raw JSON) for any other.
 *
 * <pre>{@code
 * RevRagEvent event = delivery.event();
 * switch (event.type()) {                      // Java 17
 *     case CALL_ENDED -> store(((RevRagEvent.CallEnded) event).call());
 *     case UNKNOWN -> log.info("unhandled RevRag event {}", event.hints().event());
 * }
 * if (event instanceof RevRagEvent.CallEnded ended) {
 *     crm.attach(ended.call().appUserId(), ended.call().summary());
 * }
 * }</pre>
 *
 * <p>The header that chose the type is not authenticated (see {@link UnauthenticatedHints}); the
 * body is. A changed header can only turn an authentic body into an {@link Unknown} event (or into
 * a {@code call.ended} that must still parse as a {@link CallStatus}).
 */
public sealed interface RevRagEvent permits RevRagEvent.CallEnded, RevRagEvent.Unknown {

    /**
     * The event type, for a {@code switch} on Java 17.
     *
     * @return the type; {@link RevRagEventType#UNKNOWN} for {@link Unknown}
     */
    RevRagEventType type();

    /**
     * The delivery's unauthenticated {@code X-Webhook-ID} and {@code X-Webhook-Event} headers.
     *
     * @return the hints, never null
     */
    UnauthenticatedHints hints();

    /**
     * {@code call.ended}: a call finished.
     *
     * <pre>{@code
     * if (event instanceof RevRagEvent.CallEnded ended) {
     *     save(ended.call().callId(), ended.call().transcription());
     * }
     * }</pre>
     *
     * @param call the call's result
     * @param hints the delivery's unauthenticated headers
     */
    record CallEnded(CallStatus call, UnauthenticatedHints hints) implements RevRagEvent {

        /**
         * Validates the event.
         *
         * @param call the call's result
         * @param hints the headers
         */
        public CallEnded {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(hints, "hints");
        }

        /**
         * Always {@link RevRagEventType#CALL_ENDED}.
         *
         * @return {@link RevRagEventType#CALL_ENDED}
         */
        @Override
        public RevRagEventType type() {
            return RevRagEventType.CALL_ENDED;
        }
    }

    /**
     * An event the document does not describe, or a delivery without a usable
     * {@code X-Webhook-Event} header: the authentic body is kept as a JSON object.
     *
     * <pre>{@code
     * if (event instanceof RevRagEvent.Unknown unknown) {
     *     deadLetters.save(unknown.hints().event(), unknown.json().toString());
     * }
     * }</pre>
     *
     * @param json the body, a JSON object
     * @param hints the delivery's unauthenticated headers; {@code hints().event()} is the name as
     *     sent, or null when the header was absent, empty or repeated
     */
    record Unknown(JsonNode json, UnauthenticatedHints hints) implements RevRagEvent {

        /**
         * Validates the event.
         *
         * @param json the body
         * @param hints the headers
         */
        public Unknown {
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(hints, "hints");
        }

        /**
         * Always {@link RevRagEventType#UNKNOWN}.
         *
         * @return {@link RevRagEventType#UNKNOWN}
         */
        @Override
        public RevRagEventType type() {
            return RevRagEventType.UNKNOWN;
        }
    }
}
