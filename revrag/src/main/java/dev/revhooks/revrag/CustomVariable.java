package dev.revhooks.revrag;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A post-call variable the agent extracted: a key, the type name RevRag declares, and a value of
 * any JSON type.
 *
 * <p>The value is kept as raw JSON ({@link #value()}); the typed accessors read it when it has
 * that JSON type, whatever {@link #type()} declares (the declared type is not cross-checked: the
 * document gives only {@code "boolean"} as an example and no list of types).
 *
 * <pre>{@code
 * for (CustomVariable variable : call.customVariables()) {
 *     if ("interested_in_loan".equals(variable.key())) {
 *         boolean interested = variable.booleanValue().orElse(false);
 *     }
 * }
 * }</pre>
 *
 * @param key {@code key}: the variable's name; may be null
 * @param type {@code type}: the type name as sent, e.g. {@code boolean}; may be null
 * @param value {@code value}: the value as raw JSON (a string, number, boolean, array or object);
 *     null when absent or JSON null
 */
public record CustomVariable(
        @JsonProperty("key") String key,
        @JsonProperty("type") String type,
        @JsonProperty("value") JsonNode value) {

    /**
     * Normalises a JSON null value to null.
     *
     * @param key the name, or null
     * @param type the declared type name, or null
     * @param value the value; a JSON null reads as null
     */
    public CustomVariable {
        value = value == null || value.isNull() ? null : value;
    }

    /**
     * The value when it is a JSON boolean.
     *
     * @return the boolean, or empty for any other JSON type or no value
     */
    public Optional<Boolean> booleanValue() {
        return value != null && value.isBoolean() ? Optional.of(value.booleanValue()) : Optional.empty();
    }

    /**
     * The value when it is a JSON number, integer or fractional. Numerically equal to what was
     * sent; trailing zeros of a fraction may be dropped ({@code 2.50} reads as {@code 2.5}).
     *
     * @return the number, or empty for any other JSON type or no value
     */
    public Optional<BigDecimal> numberValue() {
        return value != null && value.isNumber() ? Optional.of(value.decimalValue()) : Optional.empty();
    }

    /**
     * The value when it is a JSON string.
     *
     * @return the string, or empty for any other JSON type or no value
     */
    public Optional<String> textValue() {
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }
}
