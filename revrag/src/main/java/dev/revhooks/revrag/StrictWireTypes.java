package dev.revhooks.revrag;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Strict readings of what the wire carries: a UUID is a JSON string in the 36-character form, a
 * point in time is a JSON string in ISO 8601 with an offset, and an array of objects holds no
 * {@code null}.
 *
 * <p>The shared JSON set-up would also accept a UUID as 24 characters of base64 and a point in
 * time as a number (or numeric string) of epoch seconds; neither is RevRag's format, so such a
 * value is a payload error here instead of a silently different reading.
 */
final class StrictWireTypes {

    private StrictWireTypes() {
    }

    /**
     * A JSON array of objects as an immutable list: absent or {@code null} reads as empty; a
     * {@code null} element is refused with a message naming the field (a payload error when parsing).
     *
     * @param <T> the element type
     * @param elements the array as read, or null
     * @param field the wire name of the array
     * @return an immutable copy
     * @throws IllegalArgumentException when an element is null
     */
    static <T> List<T> array(List<T> elements, String field) {
        if (elements == null) {
            return List.of();
        }
        for (T element : elements) {
            if (element == null) {
                throw new IllegalArgumentException(field + " has a null element");
            }
        }
        return List.copyOf(elements);
    }

    /** A UUID as a JSON string of 36 characters: 8-4-4-4-12 hex digits, either case. */
    static final class Uuid extends JsonDeserializer<UUID> {
        @Override
        public UUID deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (UUID) ctxt.handleUnexpectedToken(UUID.class, p);
            }
            String text = p.getText();
            if (!isCanonical(text)) {
                return (UUID) ctxt.handleWeirdStringValue(UUID.class, text, "not a UUID in its 36-character form");
            }
            return UUID.fromString(text);
        }

        private static boolean isCanonical(String text) {
            if (text.length() != 36) {
                return false;
            }
            for (int i = 0; i < 36; i++) {
                char c = text.charAt(i);
                boolean ok = i == 8 || i == 13 || i == 18 || i == 23
                        ? c == '-'
                        : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A point in time as a JSON string in ISO 8601 with an offset ({@code Z} or {@code ±hh:mm}), normalised to UTC. */
    static final class OffsetInstant extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            try {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, OffsetDateTime::from).toInstant();
            } catch (DateTimeException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "not an ISO 8601 date-time with an offset");
            }
        }
    }
}
