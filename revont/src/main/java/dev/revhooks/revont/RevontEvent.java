package dev.revhooks.revont;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One Revont webhook delivery: the envelope {@code {event, timestamp, data}} read into one record
 * per documented event, or {@link Unknown} for an event name the guide does not list.
 *
 * <p>Every event has {@link #type()}, so Java 17 code can switch over it; Java 21 code can switch
 * over the sealed type itself. The guide documents {@code data} field by field only for
 * {@code summary.ready} ({@link SummaryReady#data()}); the other four events expose
 * {@code call_id} (nullable, as the guide does not document it for them) and their {@code data}
 * object raw.
 *
 * <pre>{@code
 * RevontEvent event = delivery.event();
 * switch (event.type()) {
 *     case SUMMARY_READY -> {
 *         SummaryReadyData summary = ((RevontEvent.SummaryReady) event).data();
 *         crm.attach(summary.callId(), summary.summaryUrl());
 *     }
 *     case CALL_ENDED -> calls.close(((RevontEvent.CallEnded) event).callId());
 *     default -> log.info("ignored {} at {}", event.event(), event.timestamp());
 * }
 * }</pre>
 */
public sealed interface RevontEvent
        permits RevontEvent.CallStarted, RevontEvent.CallEnded, RevontEvent.SummaryReady,
                RevontEvent.ActionItemCreated, RevontEvent.ActionItemCompleted, RevontEvent.Unknown {

    /**
     * The event type; {@link RevontEventType#UNKNOWN} for {@link Unknown}.
     *
     * @return the type
     */
    RevontEventType type();

    /**
     * The envelope's {@code event} field exactly as sent, e.g. {@code "summary.ready"}.
     *
     * @return the event name
     */
    default String event() {
        return type().wireName();
    }

    /**
     * The envelope's {@code timestamp}: when the event occurred, normalised to UTC. It is covered by
     * the signature (it is inside the body), but it is not the time the delivery was sent: retries
     * and manual re-sends carry the original value.
     *
     * @return the time the event occurred
     */
    Instant timestamp();

    /**
     * {@code call.started}: a call has begun and Revont has joined it.
     *
     * <pre>{@code
     * if (event instanceof RevontEvent.CallStarted started) {
     *     dashboard.markLive(started.callId());
     * }
     * }</pre>
     *
     * @param timestamp when the event occurred
     * @param callId {@code data.call_id}; may be null (the guide documents it only for {@code summary.ready})
     * @param data the whole {@code data} object as sent, {@code call_id} included; never null
     */
    record CallStarted(Instant timestamp, String callId, JsonNode data) implements RevontEvent {

        /**
         * Validates the event.
         *
         * @param timestamp when the event occurred
         * @param callId the call's id, or null
         * @param data the raw {@code data} object
         */
        public CallStarted {
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public RevontEventType type() {
            return RevontEventType.CALL_STARTED;
        }
    }

    /**
     * {@code call.ended}: a call has ended.
     *
     * <pre>{@code
     * if (event instanceof RevontEvent.CallEnded ended) {
     *     calls.close(ended.callId());
     * }
     * }</pre>
     *
     * @param timestamp when the event occurred
     * @param callId {@code data.call_id}; may be null (the guide documents it only for {@code summary.ready})
     * @param data the whole {@code data} object as sent, {@code call_id} included; never null
     */
    record CallEnded(Instant timestamp, String callId, JsonNode data) implements RevontEvent {

        /**
         * Validates the event.
         *
         * @param timestamp when the event occurred
         * @param callId the call's id, or null
         * @param data the raw {@code data} object
         */
        public CallEnded {
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public RevontEventType type() {
            return RevontEventType.CALL_ENDED;
        }
    }

    /**
     * {@code summary.ready}: the AI-generated summary of a call is available; the one event whose
     * {@code data} the guide documents field by field.
     *
     * <pre>{@code
     * if (event instanceof RevontEvent.SummaryReady ready) {
     *     crm.attach(ready.data().callId(), ready.data().summaryUrl());
     * }
     * }</pre>
     *
     * @param timestamp when the event occurred
     * @param data the typed {@code data} object; never null
     */
    record SummaryReady(Instant timestamp, SummaryReadyData data) implements RevontEvent {

        /**
         * Validates the event.
         *
         * @param timestamp when the event occurred
         * @param data the typed {@code data} object
         */
        public SummaryReady {
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public RevontEventType type() {
            return RevontEventType.SUMMARY_READY;
        }
    }

    /**
     * {@code action_item.created}: a new action item was extracted from a call.
     *
     * <pre>{@code
     * if (event instanceof RevontEvent.ActionItemCreated created) {
     *     tasks.importFrom(created.data());
     * }
     * }</pre>
     *
     * @param timestamp when the event occurred
     * @param callId {@code data.call_id}; may be null (the guide documents it only for {@code summary.ready})
     * @param data the whole {@code data} object as sent, {@code call_id} included; never null
     */
    record ActionItemCreated(Instant timestamp, String callId, JsonNode data) implements RevontEvent {

        /**
         * Validates the event.
         *
         * @param timestamp when the event occurred
         * @param callId the call's id, or null
         * @param data the raw {@code data} object
         */
        public ActionItemCreated {
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public RevontEventType type() {
            return RevontEventType.ACTION_ITEM_CREATED;
        }
    }

    /**
     * {@code action_item.completed}: an action item was marked as complete.
     *
     * <pre>{@code
     * if (event instanceof RevontEvent.ActionItemCompleted completed) {
     *     tasks.completeFrom(completed.data());
     * }
     * }</pre>
     *
     * @param timestamp when the event occurred
     * @param callId {@code data.call_id}; may be null (the guide documents it only for {@code summary.ready})
     * @param data the whole {@code data} object as sent, {@code call_id} included; never null
     */
    record ActionItemCompleted(Instant timestamp, String callId, JsonNode data) implements RevontEvent {

        /**
         * Validates the event.
         *
         * @param timestamp when the event occurred
         * @param callId the call's id, or null
         * @param data the raw {@code data} object
         */
        public ActionItemCompleted {
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public RevontEventType type() {
            return RevontEventType.ACTION_ITEM_COMPLETED;
        }
    }

    /**
     * An event name the guide does not list, kept whole so a new Revont event never breaks a
     * receiver.
     *
     * <pre>{@code
     * if (event instanceof RevontEvent.Unknown unknown) {
     *     log.info("new Revont event {}: {}", unknown.event(), unknown.data());
     * }
     * }</pre>
     *
     * @param event the envelope's {@code event} field exactly as sent
     * @param timestamp when the event occurred
     * @param data the whole {@code data} object as sent; never null
     */
    record Unknown(String event, Instant timestamp, JsonNode data) implements RevontEvent {

        /**
         * Validates the event.
         *
         * @param event the event name as sent
         * @param timestamp when the event occurred
         * @param data the raw {@code data} object
         */
        public Unknown {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public RevontEventType type() {
            return RevontEventType.UNKNOWN;
        }
    }
}
