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
 * @param data the raw {@code data} object, or null when {@code summary} was read directly
 * @param summary the typed {@code data} of a {@code summary.ready} event read in the same pass, or null
 */
record RevontEnvelope(String event, Instant timestamp, ObjectNode data, SummaryReadyData summary) {

    private static final String SUMMARY_READY = RevontEventType.SUMMARY_READY.wireName();

    /** The three fields as they came, before their checks; {@code summary} is read typed when possible. */
    private static final class Fields {
        JsonNode event;
        Instant timestamp;
        JsonNode data;
        SummaryReadyData summary;
        boolean sawData;
    }

    /**
     * Reads the envelope of a verified body. The fast path reads it in one streaming pass: when
     * {@code event} comes before {@code data} (as Revont sends it), a {@code summary.ready}
     * {@code data} object goes straight into its record. Any error sends the body down the tree
     * path instead, which reports it exactly and in the documented order (envelope first, then the
     * maximum age, then {@code data}).
     *
     * @param json the JSON set-up
     * @param body the verified body
     * @return the envelope
     * @throws WebhookPayloadException when the body is not a JSON object with a string {@code event},
     *     an ISO 8601 {@code timestamp} and an object {@code data}
     */
    static RevontEnvelope read(WebhookJson json, byte[] body) throws WebhookPayloadException {
        try {
            return readStreaming(json, body);
        } catch (WebhookPayloadException e) {
            return readTree(json, body);
        }
    }

    static RevontEnvelope readStreaming(WebhookJson json, byte[] body) throws WebhookPayloadException {
        Fields fields = json.read(body, in -> {
            Fields f = new Fields();
            for (String field = in.nextField(); field != null; field = in.nextField()) {
                switch (field) {
                    case "event" -> f.event = in.tree();
                    case "timestamp" -> f.timestamp = in.instant();
                    case "data" -> {
                        f.sawData = true;
                        if (f.event != null && f.event.isTextual() && f.event.textValue().equals(SUMMARY_READY)) {
                            f.summary = in.object(SummaryReadyData::read);
                        } else {
                            f.data = in.tree();
                        }
                    }
                    default -> in.skip();
                }
            }
            return f;
        });
        String event = requiredText(fields.event, "event", body);
        Instant timestamp = fields.timestamp;
        if (timestamp == null) {
            throw new WebhookPayloadException("missing required field 'timestamp'", body, null);
        }
        if (fields.summary != null) {
            return new RevontEnvelope(event, timestamp, null, fields.summary);
        }
        if (!fields.sawData || !(fields.data instanceof ObjectNode data)) {
            throw new WebhookPayloadException("'data' is missing or not a JSON object", body, null);
        }
        return new RevontEnvelope(event, timestamp, data, null);
    }

    static RevontEnvelope readTree(WebhookJson json, byte[] body) throws WebhookPayloadException {
        ObjectNode root = json.readObject(body);
        String event = requiredText(root.get("event"), "event", body);
        Instant timestamp = instant(requiredText(root.get("timestamp"), "timestamp", body), body);
        JsonNode data = root.get("data");
        if (data == null) {
            throw new WebhookPayloadException("missing required field 'data'", body, null);
        }
        if (!(data instanceof ObjectNode object)) {
            throw new WebhookPayloadException("'data' is not a JSON object", body, null);
        }
        return new RevontEnvelope(event, timestamp, object, null);
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
            case SUMMARY_READY -> new RevontEvent.SummaryReady(timestamp,
                    summary != null ? summary : summaryReadyData(json, body));
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

    private static String requiredText(JsonNode value, String field, byte[] body) throws WebhookPayloadException {
        if (value == null) {
            throw new WebhookPayloadException("missing required field '" + field + "'", body, null);
        }
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
