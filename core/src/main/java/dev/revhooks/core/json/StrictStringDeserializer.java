package dev.revhooks.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads a scalar only from a JSON string in the one form {@link StrictScalars} accepts for it; any
 * other token (a number, a boolean, an object) or text is a payload error naming the expected form.
 *
 * @param <T> the scalar type
 */
final class StrictStringDeserializer<T> extends StdScalarDeserializer<T> {

    private static final long serialVersionUID = 1L;

    /** Reads the text, or returns null when it is not in the accepted form. */
    @FunctionalInterface
    interface Reader<T> extends Serializable {
        T read(String text);
    }

    private final Reader<T> reader;
    private final String expected;

    private StrictStringDeserializer(Class<T> type, Reader<T> reader, String expected) {
        super(type);
        this.reader = reader;
        this.expected = "expected " + expected;
    }

    /**
     * An {@link Instant} only from an ISO 8601 date-time string with an offset ({@code Z} or
     * {@code ±hh:mm}), normalised to UTC. Numbers and numeric strings are not silently taken as
     * epoch seconds.
     */
    static StrictStringDeserializer<Instant> instants() {
        return new StrictStringDeserializer<>(Instant.class, StrictScalars::instant, StrictScalars.INSTANT_EXPECTED);
    }

    /**
     * A {@link UUID} only from its canonical form, 36 characters of hex digits and hyphens in the
     * 8-4-4-4-12 layout (either case); Jackson's other accepted forms (24 base64 characters,
     * binary) are not.
     */
    static StrictStringDeserializer<UUID> uuids() {
        return new StrictStringDeserializer<>(UUID.class, StrictScalars::uuid, StrictScalars.UUID_EXPECTED);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (T) ctxt.handleUnexpectedToken(handledType(), p);
        }
        String text = p.getText();
        T value = reader.read(text);
        if (value == null) {
            return (T) ctxt.handleWeirdStringValue(handledType(), text, expected);
        }
        return value;
    }
}
