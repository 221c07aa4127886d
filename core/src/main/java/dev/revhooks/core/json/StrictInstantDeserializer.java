package dev.revhooks.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads an {@link Instant} only from an ISO 8601 date-time string with an offset ({@code Z} or
 * {@code ±hh:mm}), normalised to UTC. Numbers and numeric strings are not silently taken as epoch
 * seconds: they are payload errors.
 */
final class StrictInstantDeserializer extends StdScalarDeserializer<Instant> {

    private static final long serialVersionUID = 1L;

    StrictInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
        String text = p.getText();
        Instant instant = StrictScalars.instant(text);
        if (instant == null) {
            return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "expected " + StrictScalars.INSTANT_EXPECTED);
        }
        return instant;
    }
}
