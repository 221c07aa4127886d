package dev.revhooks.core.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** The strict readings of date-times and UUIDs, shared by the databind deserializers and {@link JsonCursor}. */
final class StrictScalars {

    static final String INSTANT_EXPECTED = "an ISO 8601 date-time with an offset, such as 2026-05-27T03:05:00Z";
    static final String UUID_EXPECTED = "a UUID in its 36-character form, such as 123e4567-e89b-12d3-a456-426614174000";

    private StrictScalars() {
    }

    /** An ISO 8601 date-time with an offset, in UTC; null when the text is not one. */
    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A UUID in the canonical 8-4-4-4-12 hex layout (either case); null when the text is not one. */
    static UUID uuid(String text) {
        if (text.length() != 36) {
            return null;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23
                    ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return null;
            }
        }
        return UUID.fromString(text);
    }
}
