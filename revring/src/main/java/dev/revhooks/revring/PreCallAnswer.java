package dev.revhooks.revring;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.revhooks.core.json.WebhookJson;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to a pre-call webhook: variables RevRing merges into the agent's variables for that
 * call, serialised as {@code {"variables": {...}}}. Values are strings, numbers or booleans.
 *
 * <p>RevRing waits at most 3 seconds for a {@code 200} with this body; on a failure, a timeout or
 * invalid JSON it goes on with the agent's default variables. So answer from what is at hand, and
 * leave slow work for the post-call webhook.
 *
 * <pre>{@code
 * PreCallAnswer answer = PreCallAnswer.builder()
 *         .variable("customerName", "Ada")
 *         .variable("openInvoices", 2)
 *         .variable("vip", true)
 *         .build();
 * response.setStatus(200);
 * response.setContentType("application/json");
 * response.getOutputStream().write(answer.toJson()); // {"variables":{"customerName":"Ada",...}}
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public final class PreCallAnswer {

    private static final PreCallAnswer EMPTY = new PreCallAnswer(Map.of());

    private final Map<String, Object> variables;

    private PreCallAnswer(Map<String, Object> variables) {
        this.variables = variables;
    }

    /**
     * An answer that sets no variable: {@code {"variables":{}}}.
     *
     * @return the empty answer
     */
    public static PreCallAnswer empty() {
        return EMPTY;
    }

    /**
     * A builder for an answer.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The variables, in the order they were set. Each value is a {@link String}, a {@link Long},
     * a {@link Double}, a {@link BigDecimal} or a {@link Boolean}.
     *
     * @return an unmodifiable map
     */
    @JsonProperty("variables")
    public Map<String, Object> variables() {
        return variables;
    }

    /**
     * The answer as the compact UTF-8 JSON body RevRing expects.
     *
     * @return {@code {"variables":{...}}}
     */
    public byte[] toJson() {
        return WebhookJson.shared().write(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreCallAnswer answer && variables.equals(answer.variables);
    }

    @Override
    public int hashCode() {
        return variables.hashCode();
    }

    @Override
    public String toString() {
        return "PreCallAnswer" + variables;
    }

    /**
     * Collects variables; setting a name again replaces its value.
     *
     * <pre>{@code
     * PreCallAnswer.Builder builder = PreCallAnswer.builder().variable("language", "de");
     * if (customer.isVip()) {
     *     builder.variable("priority", 1);
     * }
     * byte[] body = builder.build().toJson();
     * }</pre>
     */
    public static final class Builder {
        private final LinkedHashMap<String, Object> variables = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets a string variable.
         *
         * @param name the variable's name, not empty
         * @param value the value
         * @return this builder
         */
        public Builder variable(String name, String value) {
            return put(name, Objects.requireNonNull(value, "value"));
        }

        /**
         * Sets an integer variable.
         *
         * @param name the variable's name, not empty
         * @param value the value
         * @return this builder
         */
        public Builder variable(String name, long value) {
            return put(name, value);
        }

        /**
         * Sets a number variable.
         *
         * @param name the variable's name, not empty
         * @param value the value; finite
         * @return this builder
         * @throws IllegalArgumentException when the value is NaN or infinite, which JSON cannot carry
         */
        public Builder variable(String name, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("variable " + name + " is not a finite number");
            }
            return put(name, value);
        }

        /**
         * Sets a decimal number variable, written exactly.
         *
         * @param name the variable's name, not empty
         * @param value the value
         * @return this builder
         */
        public Builder variable(String name, BigDecimal value) {
            return put(name, Objects.requireNonNull(value, "value"));
        }

        /**
         * Sets a boolean variable.
         *
         * @param name the variable's name, not empty
         * @param value the value
         * @return this builder
         */
        public Builder variable(String name, boolean value) {
            return put(name, value);
        }

        private Builder put(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a variable name must not be empty");
            }
            variables.put(name, value);
            return this;
        }

        /**
         * Builds the answer.
         *
         * @return the immutable answer
         */
        public PreCallAnswer build() {
            return variables.isEmpty() ? EMPTY : new PreCallAnswer(Collections.unmodifiableMap(new LinkedHashMap<>(variables)));
        }
    }
}
