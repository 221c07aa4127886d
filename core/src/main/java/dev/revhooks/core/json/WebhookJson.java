package dev.revhooks.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.revhooks.core.WebhookPayloadException;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import java.util.Objects;

/**
 * The one JSON set-up every module parses with: unknown fields ignored, duplicate keys rejected,
 * bounded nesting depth, string/number lengths and decimal scales ({@link JsonLimits}), trailing content
 * rejected, no silent coercion (a string is not a number, a fraction is not an integer, a number
 * is not a date-time), and {@code java.time} types; an {@code Instant} is read only from an ISO
 * 8601 string with an offset, a {@code UUID} only from its canonical 36-character form, and
 * decimals in trees keep their trailing zeros. Only UTF-8 JSON objects are read: a byte-order mark, another encoding
 * or a top-level value that is not an object is a payload error.
 *
 * <p>Instances are immutable and thread-safe; {@link #shared()} is the default one.
 *
 * <pre>{@code
 * SummaryReady ready = WebhookJson.shared().read(rawBody, SummaryReady.class);
 * }</pre>
 */
public final class WebhookJson {

    private static final WebhookJson SHARED = new WebhookJson(JsonLimits.DEFAULT);

    private final ObjectMapper mapper;
    private final com.fasterxml.jackson.databind.ObjectReader trees;
    private final JsonLimits limits;

    private WebhookJson(JsonLimits limits) {
        this.limits = limits;
        JsonFactoryBuilder builder = new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNumberLength(limits.maxNumberLength())
                        .maxNameLength(limits.maxNameLength())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION);
        JsonFactory factory = new ScaleBoundFactory(builder, limits.maxNumberScale());
        JsonMapper built = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(new OpenEnumModule())
                .addModule(new SimpleModule("revhooks-strict-scalars")
                        .addDeserializer(Instant.class, StrictStringDeserializer.instants())
                        .addDeserializer(UUID.class, StrictStringDeserializer.uuids()))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
        // A JSON string is never silently read as a number, boolean or date-time number, nor "" as null.
        built.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        built.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        this.mapper = built;
        this.trees = built.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * The shared instance with {@link JsonLimits#DEFAULT}.
     *
     * @return the shared instance
     */
    public static WebhookJson shared() {
        return SHARED;
    }

    /**
     * An instance with other limits; build it once and reuse it.
     *
     * @param limits the parser limits
     * @return a new instance
     */
    public static WebhookJson withLimits(JsonLimits limits) {
        return new WebhookJson(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * The limits this instance enforces.
     *
     * @return the limits
     */
    public JsonLimits limits() {
        return limits;
    }

    /**
     * Reads a verified body into a type.
     *
     * @param <T> the target type
     * @param rawBody the verified body
     * @param type the target type, typically a record
     * @return the value
     * @throws WebhookPayloadException when the body is not a UTF-8 JSON object of that shape
     */
    public <T> T read(byte[] rawBody, Class<T> type) throws WebhookPayloadException {
        requireUtf8Object(rawBody);
        try {
            return mapper.readValue(rawBody, type);
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: Jackson lets some number-format failures through unwrapped
            throw payloadError(e, rawBody);
        }
    }

    /**
     * Reads a verified body with a streaming {@link JsonCursor} reader: the fastest path, with the
     * same tokenizer, limits and strictness as {@link #read(byte[], Class)}. Trailing content after
     * the object is an error, and an exception thrown by the record a reader builds (for example
     * {@code List.copyOf} meeting a null element) becomes a payload error, as it would in databind.
     *
     * @param <T> what the reader builds
     * @param rawBody the verified body
     * @param reader reads the top-level object
     * @return the value
     * @throws WebhookPayloadException when the body is not a UTF-8 JSON object of that shape
     */
    public <T> T read(byte[] rawBody, JsonCursor.ObjectReader<T> reader) throws WebhookPayloadException {
        requireUtf8Object(rawBody);
        try (JsonParser parser = mapper.createParser(rawBody)) {
            parser.nextToken();
            T value = reader.read(new JsonCursor(parser, trees));
            if (parser.nextToken() != null) {
                throw MismatchedInputException.from(parser, Object.class, "Trailing token after the JSON object: "
                        + parser.currentToken());
            }
            return value;
        } catch (IOException e) {
            throw payloadError(e, rawBody);
        } catch (IllegalArgumentException | NullPointerException | IllegalStateException e) {
            throw new WebhookPayloadException("the body does not match the expected shape: " + e.getMessage(), rawBody, e);
        }
    }

    /**
     * The fast path of a vendor's parse (see CONTRIBUTING, "The parse path"): reads a verified body
     * with a streaming reader, and steps aside, returning null, when the reader returns null (a
     * shape it does not handle) or the body errs in any way. The databind or tree path then
     * decides, and reports every error; so a fast path never decides a rejection.
     *
     * <pre>{@code
     * CallStatus streamed = json.readOrStepAside(body, StreamedCallStatus::callStatus);
     * CallStatus call = streamed != null ? streamed : json.read(body, CallStatus.class);
     * }</pre>
     *
     * @param <T> what the reader builds
     * @param rawBody the verified body
     * @param reader reads the top-level object; returns null to step aside
     * @return the value, or null when the other path must decide
     */
    public <T> T readOrStepAside(byte[] rawBody, JsonCursor.ObjectReader<T> reader) {
        try {
            return read(rawBody, reader);
        } catch (WebhookPayloadException e) {
            return null;
        }
    }

    /**
     * Reads a verified body as a JSON object tree.
     *
     * @param rawBody the verified body
     * @return the object
     * @throws WebhookPayloadException when the body is not a UTF-8 JSON object
     */
    public ObjectNode readObject(byte[] rawBody) throws WebhookPayloadException {
        requireUtf8Object(rawBody);
        try {
            JsonNode node = mapper.readTree(rawBody);
            if (!(node instanceof ObjectNode object)) {
                throw new WebhookPayloadException("the body is not a JSON object", rawBody, null);
            }
            return object;
        } catch (IOException | IllegalArgumentException e) {
            throw payloadError(e, rawBody);
        }
    }

    /**
     * Converts part of an already parsed body into a type.
     *
     * @param <T> the target type
     * @param node the JSON to convert
     * @param type the target type
     * @param rawBody the verified body the node came from, carried by the exception
     * @return the value
     * @throws WebhookPayloadException when the JSON does not have that shape
     */
    public <T> T convert(JsonNode node, Class<T> type, byte[] rawBody) throws WebhookPayloadException {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw payloadError(e, rawBody);
        }
    }

    /**
     * Writes a value as compact UTF-8 JSON, e.g. to build test bodies or responses.
     *
     * @param value the value
     * @return the JSON bytes
     */
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A copy of the configured mapper, for advanced use (custom types); changing it does not
     * change this instance.
     *
     * @return a copy of the mapper
     */
    public ObjectMapper copyOfMapper() {
        return mapper.copy();
    }

    private static void requireUtf8Object(byte[] rawBody) throws WebhookPayloadException {
        if (rawBody.length >= 3 && (rawBody[0] & 0xFF) == 0xEF && (rawBody[1] & 0xFF) == 0xBB
                && (rawBody[2] & 0xFF) == 0xBF) {
            throw new WebhookPayloadException("the body starts with a byte-order mark; JSON must be plain UTF-8",
                    rawBody, null);
        }
        for (int i = 0; i < rawBody.length; i++) {
            byte b = rawBody[i];
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                continue;
            }
            if (b != '{') {
                throw new WebhookPayloadException("the body is not a JSON object (it does not start with '{')",
                        rawBody, null);
            }
            // A NUL byte next to the opening brace would make the parser guess UTF-16 or UTF-32.
            for (int j = i + 1; j < Math.min(rawBody.length, i + 4); j++) {
                if (rawBody[j] == 0) {
                    throw new WebhookPayloadException("the body is not UTF-8 JSON (NUL byte)", rawBody, null);
                }
            }
            return;
        }
        throw new WebhookPayloadException("the body is empty", rawBody, null);
    }

    private static WebhookPayloadException payloadError(Exception e, byte[] rawBody) {
        String message;
        if (e instanceof JsonMappingException mapping) {
            String path = mapping.getPathReference();
            message = "the body does not match the expected shape: " + mapping.getOriginalMessage()
                    + (path == null || path.isEmpty() ? "" : " at " + path);
        } else if (e instanceof JsonProcessingException processing) {
            JsonLocation at = processing.getLocation();
            message = "the body is not valid JSON: " + processing.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        } else {
            message = "the body could not be read: " + e.getMessage();
        }
        return new WebhookPayloadException(message, rawBody, e);
    }
}
