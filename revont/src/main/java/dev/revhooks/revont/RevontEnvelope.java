package dev.revhooks.revont;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.json.WebhookJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The envelope every Revont delivery shares, {@code {"event", "timestamp", "data"}}, read from a
 * verified body. The guide says all requests share this structure, so all three fields are
 * required: {@code event} a string, {@code timestamp} an ISO 8601 date-time string with an offset,
 * {@code data} a JSON object.
 *
 * @param event the event name as sent
 * @param timestamp when the event occurred, in UTC
 * @param data the raw {@code data} object
 */
record RevontEnvelope(String event, Instant timestamp, ObjectNode data) {

    /**
     * Reads the envelope of a verified body.
     *
     * @param json the JSON set-up
     * @param body the verified body
     * @return the envelope
     * @throws WebhookPayloadException when the body is not a JSON object with a string {@code event},
     *     an ISO 8601 {@code timestamp} and an object {@code data}
     */
    static RevontEnvelope read(WebhookJson json, byte[] body) throws WebhookPayloadException {
        ObjectNode root = json.readObject(body);
        String event = requiredText(root, "event", body);
        Instant timestamp = instant(requiredText(root, "timestamp", body), body);
        if (!(required(root, "data", body) instanceof ObjectNode data)) {
            throw new WebhookPayloadException("'data' is not a JSON object", body, null);
        }
        return new RevontEnvelope(event, timestamp, data);
    }

    /**
     * The typed event this envelope carries.
     *
     * @param json the JSON set-up, for the typed {@code data} of {@code summary.ready}
     * @param body the verified body, carried by a payload exception
     * @return the event; {@link RevontEvent.Unknown} for an event name the guide does not list
     * @throws WebhookPayloadException when a documented {@code data} field has the wrong JSON type
     */
    RevontEvent toEvent(WebhookJson json, byte[] body) throws WebhookPayloadException {
        RevontEventType type = OpenEnum.of(RevontEventType.class, event).value();
        return switch (type) {
            case CALL_STARTED -> new RevontEvent.CallStarted(timestamp, callId(body), data);
            case CALL_ENDED -> new RevontEvent.CallEnded(timestamp, callId(body), data);
            case SUMMARY_READY -> new RevontEvent.SummaryReady(timestamp, summaryReadyData(json, body));
            case ACTION_ITEM_CREATED -> new RevontEvent.ActionItemCreated(timestamp, callId(body), data);
            case ACTION_ITEM_COMPLETED -> new RevontEvent.ActionItemCompleted(timestamp, callId(body), data);
            case UNKNOWN -> new RevontEvent.Unknown(event, timestamp, data);
        };
    }

    private SummaryReadyData summaryReadyData(WebhookJson json, byte[] body) throws WebhookPayloadException {
        try {
            return json.convert(data, SummaryReadyData.class, body);
        } catch (WebhookPayloadException e) {
            throw inData(e.getMessage(), body, e.getCause());
        }
    }

    /** {@code data.call_id}: absent or null is null; any other non-string is a payload error. */
    private String callId(byte[] body) throws WebhookPayloadException {
        JsonNode value = data.get("call_id");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw inData("'call_id' is not a string", body, null);
        }
        return value.textValue();
    }

    private static WebhookPayloadException inData(String problem, byte[] body, Throwable cause) {
        return new WebhookPayloadException("in 'data': " + problem, body, cause);
    }

    private static JsonNode required(ObjectNode root, String field, byte[] body) throws WebhookPayloadException {
        JsonNode value = root.get(field);
        if (value == null) {
            throw new WebhookPayloadException("missing required field '" + field + "'", body, null);
        }
        return value;
    }

    private static String requiredText(ObjectNode root, String field, byte[] body) throws WebhookPayloadException {
        JsonNode value = required(root, field, body);
        if (!value.isTextual()) {
            throw new WebhookPayloadException("'" + field + "' is not a string", body, null);
        }
        return value.textValue();
    }

    /**
     * An ISO 8601 date-time with an offset ({@code Z} or {@code ±hh:mm}), normalised to UTC. Epoch
     * numbers, numeric strings and local times without an offset are refused: the guide documents
     * an ISO 8601 UTC string.
     */
    private static Instant instant(String text, byte[] body) throws WebhookPayloadException {
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, OffsetDateTime::from).toInstant();
        } catch (DateTimeParseException e) {
            throw new WebhookPayloadException("'timestamp' is not an ISO 8601 date-time with an offset", body, e);
        }
    }
}
