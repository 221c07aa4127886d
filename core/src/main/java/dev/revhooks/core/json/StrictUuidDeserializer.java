package dev.revhooks.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.UUID;

/**
 * Reads a {@link UUID} only from its canonical form, 36 characters of hex digits and hyphens in
 * the 8-4-4-4-12 layout (either case); Jackson's other accepted forms (24 base64 characters,
 * binary) are payload errors.
 */
final class StrictUuidDeserializer extends StdScalarDeserializer<UUID> {

    private static final long serialVersionUID = 1L;

    StrictUuidDeserializer() {
        super(UUID.class);
    }

    @Override
    public UUID deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (UUID) ctxt.handleUnexpectedToken(UUID.class, p);
        }
        String text = p.getText();
        UUID uuid = StrictScalars.uuid(text);
        if (uuid == null) {
            return (UUID) ctxt.handleWeirdStringValue(UUID.class, text, "expected " + StrictScalars.UUID_EXPECTED);
        }
        return uuid;
    }
}
