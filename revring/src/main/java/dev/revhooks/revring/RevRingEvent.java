package dev.revhooks.revring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A verified RevRing webhook: a pre-call request, a post-call record, or a body whose
 * {@code event} names neither ({@link Unknown}, raw JSON kept).
 *
 * <p>On Java 17, switch over {@link #type()}; on Java 21, over the sealed type itself.
 *
 * <pre>{@code
 * RevRingEvent event = receiver.receive(request).event();
 * switch (event.type()) {
 *     case PRE_CALL -> answer(((RevRingEvent.PreCall) event).request());
 *     case POST_CALL -> archive(((RevRingEvent.PostCall) event).call());
 *     case UNKNOWN -> keep(((RevRingEvent.Unknown) event).raw());
 * }
 * }</pre>
 */
public sealed interface RevRingEvent permits RevRingEvent.PreCall, RevRingEvent.PostCall, RevRingEvent.Unknown {

    /**
     * Which webhook this is.
     *
     * @return the type; {@link RevRingEventType#UNKNOWN} for {@link Unknown}
     */
    RevRingEventType type();

    /**
     * The pre-call webhook: RevRing asks for variables before answering an inbound call.
     *
     * <pre>{@code
     * PreCallRequest request = ((RevRingEvent.PreCall) event).request();
     * }</pre>
     *
     * @param request the parsed request body
     */
    record PreCall(PreCallRequest request) implements RevRingEvent {

        /**
         * Validates the event.
         *
         * @param request the request body
         */
        public PreCall {
            Objects.requireNonNull(request, "request");
        }

        /**
         * Always {@link RevRingEventType#PRE_CALL}.
         *
         * @return {@link RevRingEventType#PRE_CALL}
         */
        @Override
        public RevRingEventType type() {
            return RevRingEventType.PRE_CALL;
        }
    }

    /**
     * The post-call webhook: the record of a call that has ended.
     *
     * <pre>{@code
     * CallRecord call = ((RevRingEvent.PostCall) event).call();
     * }</pre>
     *
     * @param call the parsed call record
     */
    record PostCall(CallRecord call) implements RevRingEvent {

        /**
         * Validates the event.
         *
         * @param call the call record
         */
        public PostCall {
            Objects.requireNonNull(call, "call");
        }

        /**
         * Always {@link RevRingEventType#POST_CALL}.
         *
         * @return {@link RevRingEventType#POST_CALL}
         */
        @Override
        public RevRingEventType type() {
            return RevRingEventType.POST_CALL;
        }
    }

    /**
     * An authentic body whose {@code event} is a string naming neither webhook, kept whole so
     * nothing is lost.
     *
     * <pre>{@code
     * if (event instanceof RevRingEvent.Unknown unknown) {
     *     log.info("new RevRing webhook {}", unknown.eventName());
     *     store(unknown.raw().toString());
     * }
     * }</pre>
     *
     * @param eventName the {@code event} value exactly as sent
     * @param raw the whole body, a JSON object
     */
    record Unknown(String eventName, JsonNode raw) implements RevRingEvent {

        /**
         * Validates the event.
         *
         * @param eventName the event name as sent
         * @param raw the body
         */
        public Unknown {
            Objects.requireNonNull(eventName, "eventName");
            Objects.requireNonNull(raw, "raw");
        }

        /**
         * Always {@link RevRingEventType#UNKNOWN}.
         *
         * @return {@link RevRingEventType#UNKNOWN}
         */
        @Override
        public RevRingEventType type() {
            return RevRingEventType.UNKNOWN;
        }
    }
}
