package dev.revhooks.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.WireValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a JSON object field by field from Jackson's streaming parser, with exactly the strictness
 * of {@link WebhookJson}'s databind set-up (no coercion, strict date-times and UUIDs, open enums),
 * for payload records on the hot path. Same tokenizer, same limits, same duplicate-key detection:
 * only the tree or bean-binding step is skipped.
 *
 * <p>Each typed read consumes the value of the field just returned by {@link #nextField()}; every
 * read accepts JSON {@code null} (returning null, or {@link NullNode} for {@link #tree()}), and
 * fails with a mismatched-input error naming the field for any other JSON type. A field nobody reads
 * must be {@link #skip() skipped}.
 *
 * <pre>{@code
 * static Point read(JsonCursor in) throws IOException {
 *     Long x = null;
 *     String label = null;
 *     for (String field = in.nextField(); field != null; field = in.nextField()) {
 *         switch (field) {
 *             case "x" -> x = in.integer();
 *             case "label" -> label = in.string();
 *             default -> in.skip();
 *         }
 *     }
 *     return new Point(in.required("x", x), label);
 * }
 * }</pre>
 */
public final class JsonCursor {

    /**
     * Reads one JSON object; called with the parser on the object's {@code START_OBJECT}.
     *
     * @param <T> what it builds
     */
    @FunctionalInterface
    public interface ObjectReader<T> {
        /**
         * Reads the object's fields up to its {@code END_OBJECT}.
         *
         * @param in the cursor, on {@code START_OBJECT}
         * @return the value built
         * @throws IOException on a JSON or type error
         */
        T read(JsonCursor in) throws IOException;
    }

    /**
     * Reads one field of an object whose fields {@link #fields(FieldReader)} walks.
     *
     * <pre>{@code
     * in.fields((name, cursor) -> {
     *     switch (name) {
     *         case "id" -> id = cursor.uuid();
     *         default -> cursor.skip();
     *     }
     * });
     * }</pre>
     */
    @FunctionalInterface
    public interface FieldReader {
        /**
         * Reads (or {@link JsonCursor#skip() skips}) the value of field {@code name}.
         *
         * @param name the field's name
         * @param in the cursor, before the field's value
         * @throws IOException on a JSON or type error
         */
        void field(String name, JsonCursor in) throws IOException;
    }

    private final JsonParser parser;
    /** Reads a value in the middle of the stream: trailing tokens are the rest of the document, not an error. */
    private final com.fasterxml.jackson.databind.ObjectReader trees;
    /** Where the current object sits, in databind's path notation: {@code ["payload"][0]}. */
    private final StringBuilder path = new StringBuilder();
    private String field;

    JsonCursor(JsonParser parser, com.fasterxml.jackson.databind.ObjectReader trees) {
        this.parser = parser;
        this.trees = trees;
    }

    /**
     * Moves to the next field of the current object.
     *
     * @return the field's name, or null at the end of the object
     * @throws IOException on malformed JSON
     */
    public String nextField() throws IOException {
        field = parser.nextFieldName();
        return field;
    }

    /**
     * Walks every field of the current object up to its end, handing each to {@code reader}, which
     * must read or skip the value: the one loop every streamed body runs.
     *
     * <pre>{@code
     * in.fields(this::field); // field(name, in) assigns what it reads
     * }</pre>
     *
     * @param reader reads one field
     * @throws IOException on malformed JSON or what the reader throws
     */
    public void fields(FieldReader reader) throws IOException {
        for (String name = nextField(); name != null; name = nextField()) {
            reader.field(name, this);
        }
    }

    /**
     * The current field's value as a string.
     *
     * @return the string, or null for JSON null
     * @throws IOException when the value is not a string
     */
    public String string() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        return nullOr(token, "a string");
    }

    /**
     * The current field's value as a whole number within {@code long}'s range.
     *
     * @return the number, or null for JSON null
     * @throws IOException when the value is not an integer (a fraction, a string) or is out of range
     */
    public Long integer() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = parser.getNumberType();
            if (type == JsonParser.NumberType.BIG_INTEGER) {
                throw mismatch("an integer within the 64-bit range");
            }
            return parser.getLongValue();
        }
        return nullOr(token, "an integer");
    }

    /**
     * The current field's value as a whole number within {@code int}'s range.
     *
     * @return the number, or null for JSON null
     * @throws IOException when the value is not an integer or is out of range
     */
    public Integer int32() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            if (parser.getNumberType() != JsonParser.NumberType.INT) {
                throw mismatch("an integer within the 32-bit range");
            }
            return parser.getIntValue();
        }
        return nullOr(token, "an integer");
    }

    /**
     * The current field's value as an exact decimal (an integer or a fraction).
     *
     * @return the number, or null for JSON null
     * @throws IOException when the value is not a number
     */
    public BigDecimal decimal() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue();
        }
        return nullOr(token, "a number");
    }

    /**
     * The current field's value as a boolean.
     *
     * @return the boolean, or null for JSON null
     * @throws IOException when the value is not {@code true} or {@code false}
     */
    public Boolean bool() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        return nullOr(token, "a boolean");
    }

    /**
     * The current field's value as an ISO 8601 date-time with an offset.
     *
     * @return the instant, or null for JSON null
     * @throws IOException when the value is not such a string
     */
    public Instant instant() throws IOException {
        String text = string();
        if (text == null) {
            return null;
        }
        Instant instant = StrictScalars.instant(text);
        if (instant == null) {
            throw mismatch(StrictScalars.INSTANT_EXPECTED);
        }
        return instant;
    }

    /**
     * The current field's value as a UUID in its canonical 36-character form.
     *
     * @return the UUID, or null for JSON null
     * @throws IOException when the value is not such a string
     */
    public UUID uuid() throws IOException {
        String text = string();
        if (text == null) {
            return null;
        }
        UUID uuid = StrictScalars.uuid(text);
        if (uuid == null) {
            throw mismatch(StrictScalars.UUID_EXPECTED);
        }
        return uuid;
    }

    /**
     * The current field's value as an open enum.
     *
     * @param <E> the enum
     * @param type the enum class
     * @return the value, or null for JSON null
     * @throws IOException when the value is not a string
     */
    public <E extends Enum<E> & WireValue> OpenEnum<E> openEnum(Class<E> type) throws IOException {
        String text = string();
        return text == null ? null : OpenEnum.of(type, text);
    }

    /**
     * The current field's value, whatever its type, as a tree.
     *
     * @return the tree; {@link NullNode} for JSON null
     * @throws IOException on malformed JSON
     */
    public JsonNode tree() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return NullNode.getInstance();
        }
        return trees.readTree(parser);
    }

    /**
     * The current field's value as an object read by {@code reader}.
     *
     * @param <T> what the reader builds
     * @param reader reads the object
     * @return the value, or null for JSON null
     * @throws IOException when the value is not an object, or the reader fails
     */
    public <T> T object(ObjectReader<T> reader) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_OBJECT) {
            String name = field;
            int mark = enter(name, -1);
            T value = reader.read(this);
            leave(mark, name);
            return value;
        }
        return nullOr(token, "an object");
    }

    /**
     * The current field's value as an array of objects, each read by {@code reader}; a JSON
     * {@code null} element stays null.
     *
     * @param <T> what the reader builds
     * @param reader reads one element
     * @return the elements, or null for JSON null
     * @throws IOException when the value is not an array of objects
     */
    public <T> List<T> objects(ObjectReader<T> reader) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_ARRAY) {
            return nullOr(token, "an array");
        }
        String name = field;
        List<T> elements = new ArrayList<>();
        for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == JsonToken.START_OBJECT) {
                int mark = enter(name, elements.size());
                elements.add(reader.read(this));
                leave(mark, name);
            } else if (token == JsonToken.VALUE_NULL) {
                elements.add(null);
            } else {
                throw mismatch("an array of objects");
            }
        }
        return elements;
    }

    /**
     * The current field's value as an array of strings; a JSON {@code null} element stays null.
     *
     * @return the elements, or null for JSON null
     * @throws IOException when the value is not an array of strings
     */
    public List<String> strings() throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_ARRAY) {
            return nullOr(token, "an array");
        }
        List<String> elements = new ArrayList<>();
        for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == JsonToken.VALUE_STRING) {
                elements.add(parser.getText());
            } else if (token == JsonToken.VALUE_NULL) {
                elements.add(null);
            } else {
                throw mismatch("an array of strings");
            }
        }
        return elements;
    }

    /**
     * The current field's value as an array of trees; a JSON {@code null} element is {@link NullNode}.
     *
     * @return the elements, or null for JSON null
     * @throws IOException when the value is not an array
     */
    public List<JsonNode> trees() throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_ARRAY) {
            return nullOr(token, "an array");
        }
        List<JsonNode> elements = new ArrayList<>();
        for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            elements.add(token == JsonToken.VALUE_NULL ? NullNode.getInstance() : trees.readTree(parser));
        }
        return elements;
    }

    /**
     * Skips the current field's value, however deep.
     *
     * @throws IOException on malformed JSON
     */
    public void skip() throws IOException {
        parser.nextToken();
        parser.skipChildren();
    }

    /**
     * Fails unless a required field was present and not null.
     *
     * @param <T> the value's type
     * @param name the field's wire name
     * @param value the value read, or null when absent or JSON null
     * @return the value
     * @throws IOException a mismatched-input error naming the field
     */
    public <T> T required(String name, T value) throws IOException {
        if (value == null) {
            throw MismatchedInputException.from(parser, Object.class,
                    "Missing required property '" + name + "' (absent or null) at " + path + "[\"" + name + "\"]");
        }
        return value;
    }

    /**
     * A mismatched-input error at the current position, naming the current field.
     *
     * @param expected what the field should have held
     * @return the exception, to throw
     */
    public MismatchedInputException mismatch(String expected) {
        return MismatchedInputException.from(parser, Object.class,
                "'" + field + "': expected " + expected + ", got " + parser.currentToken()
                        + " at " + path + "[\"" + field + "\"]");
    }

    private int enter(String name, int index) {
        int mark = path.length();
        path.append("[\"").append(name).append("\"]");
        if (index >= 0) {
            path.append('[').append(index).append(']');
        }
        return mark;
    }

    private void leave(int mark, String name) {
        path.setLength(mark);
        field = name;
    }

    private <T> T nullOr(JsonToken token, String expected) throws MismatchedInputException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw mismatch(expected);
    }
}
