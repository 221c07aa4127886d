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

    /**
     * An ISO 8601 date-time with an offset, in UTC; null when the text is not one. The common RFC 3339
     * shape is read directly; anything else goes to the formatter, which defines the accepted set.
     */
    static Instant instant(String text) {
        Instant common = Rfc3339.parse(text);
        if (common != null) {
            return common;
        }
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
        long mostSignificant = 0;
        long leastSignificant = 0;
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int nibble = c < 128 ? Character.digit(c, 16) : -1;
            if (nibble < 0) {
                return null;
            }
            if (i < 18) {
                mostSignificant = mostSignificant << 4 | nibble;
            } else {
                leastSignificant = leastSignificant << 4 | nibble;
            }
        }
        return new UUID(mostSignificant, leastSignificant);
    }
}
