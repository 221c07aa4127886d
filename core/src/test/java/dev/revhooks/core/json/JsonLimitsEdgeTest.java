package dev.revhooks.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.revhooks.core.WebhookPayloadException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON limit at its documented default and at a custom setting, exactly at the limit and
 * one past it, and every strictness rule with the reason its payload error gives, on each of the
 * three ways a body is read: a tree, a record (databind) and a streaming {@link JsonCursor} reader.
 */
class JsonLimitsEdgeTest {

    /** The three ways a vendor module reads a body; each reads {@code name} and {@code n}, and returns the name. */
    enum Reading {
        TREE {
            @Override
            String name(WebhookJson json, byte[] body) throws WebhookPayloadException {
                return json.readObject(body).path("name").asText(null);
            }
        },
        RECORD {
            @Override
            String name(WebhookJson json, byte[] body) throws WebhookPayloadException {
                return json.read(body, Named.class).name();
            }
        },
        CURSOR {
            @Override
            String name(WebhookJson json, byte[] body) throws WebhookPayloadException {
                return json.read(body, in -> {
                    String name = null;
                    for (String field = in.nextField(); field != null; field = in.nextField()) {
                        if (field.equals("name")) {
                            name = in.string();
                        } else if (field.equals("n")) {
                            in.decimal();
                        } else {
                            in.skip();
                        }
                    }
                    return name;
                });
            }
        };

        abstract String name(WebhookJson json, byte[] body) throws WebhookPayloadException;
    }

    record Named(@JsonProperty("name") String name, @JsonProperty("n") BigDecimal n) {
    }

    private static final WebhookJson DEFAULTS = WebhookJson.shared();
    /** Depth 3, strings 5, numbers 4, names 6. */
    private static final WebhookJson SMALL = WebhookJson.withLimits(new JsonLimits(3, 5, 4, 6));

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(JsonLimits.DEFAULT).isEqualTo(new JsonLimits(64, 8 * 1024 * 1024, 100, 1024));
        assertThat(DEFAULTS.limits()).isEqualTo(JsonLimits.DEFAULT);
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void defaultNestingDepthIsSixtyFour(Reading reading) throws Exception {
        assertThat(reading.name(DEFAULTS, nested(64))).isEqualTo("x");
        assertRefused(reading, DEFAULTS, nested(65), "Document nesting depth (65) exceeds the maximum allowed (64");
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void defaultNumberLengthIsOneHundredDigits(Reading reading) throws Exception {
        assertThat(reading.name(DEFAULTS, utf8("{\"name\":\"x\",\"n\":" + "9".repeat(100) + "}"))).isEqualTo("x");
        assertRefused(reading, DEFAULTS, utf8("{\"name\":\"x\",\"n\":" + "9".repeat(101) + "}"),
                "Number value length (101) exceeds the maximum allowed (100");
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void defaultNameLengthIsOneThousandTwentyFourCharacters(Reading reading) throws Exception {
        assertThat(reading.name(DEFAULTS, utf8("{\"name\":\"x\",\"" + "k".repeat(1024) + "\":1}"))).isEqualTo("x");
        assertRefused(reading, DEFAULTS, utf8("{\"name\":\"x\",\"" + "k".repeat(1025) + "\":1}"),
                "Name length (1025) exceeds the maximum allowed (1024");
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void defaultStringLengthIsEightMebiCharacters(Reading reading) throws Exception {
        int limit = JsonLimits.DEFAULT.maxStringLength();
        assertThat(reading.name(DEFAULTS, nameOfLength(limit))).hasSize(limit);
        assertRefused(reading, DEFAULTS, nameOfLength(limit + 1),
                "String value length (" + (limit + 1) + ") exceeds the maximum allowed (" + limit);
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void customLimitsHoldAtTheirEdge(Reading reading) throws Exception {
        assertThat(reading.name(SMALL, utf8("{\"name\":\"abcde\",\"n\":1234,\"abcdef\":[[0]]}"))).isEqualTo("abcde");
        assertRefused(reading, SMALL, utf8("{\"name\":\"x\",\"k\":[[[0]]]}"), "nesting depth (4) exceeds the maximum allowed (3");
        assertRefused(reading, SMALL, utf8("{\"name\":\"abcdef\"}"), "String value length (6) exceeds the maximum allowed (5");
        assertRefused(reading, SMALL, utf8("{\"name\":\"x\",\"n\":12345}"), "Number value length (5) exceeds the maximum allowed (4");
        assertRefused(reading, SMALL, utf8("{\"name\":\"x\",\"abcdefg\":1}"), "Name length (7) exceeds the maximum allowed (6");
    }

    static Stream<Arguments> strictness() {
        List<Arguments> cases = new ArrayList<>();
        Object[][] bodies = {
            {"duplicate key", utf8("{\"name\":\"a\",\"name\":\"b\"}"), "Duplicate field 'name'"},
            {"duplicate key in an unread object", utf8("{\"name\":\"a\",\"x\":{\"k\":1,\"k\":2}}"), "Duplicate field 'k'"},
            {"invalid UTF-8 in a read string", bytes("{\"name\":\"", 0xC3, 0x28, "\"}"), "Invalid UTF-8"},
            {"invalid UTF-8 in an unread string", bytes("{\"name\":\"a\",\"x\":\"", 0xED, 0xA0, 0x80, "\"}"), "Invalid UTF-8"},
            {"overlong UTF-8", bytes("{\"name\":\"", 0xC0, 0xAF, "\"}"), "Invalid UTF-8"},
            {"byte-order mark", bytes("", 0xEF, 0xBB, 0xBF, "{\"name\":\"a\"}"), "byte-order mark"},
            {"UTF-16", "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_16LE), "not UTF-8 JSON"},
            {"a second value after the object", utf8("{\"name\":\"a\"} {}"), "Trailing token"},
            {"garbage after the object", utf8("{\"name\":\"a\"}x"), "Unrecognized token 'x'"},
            // Found by fuzzing (RevRagFuzzTestInputs/receive/finding-decimal-exponent-overflow): within every
            // length limit, yet no BigDecimal can hold it; the tree reader let NumberFormatException escape.
            {"a number whose exponent overflows a decimal", utf8("{\"name\":\"a\",\"n\":1e9999999999}"),
                "number at /n has a scale of -9999999999, beyond the limit of 100 either way"},
            {"a number whose exponent is too large", utf8("{\"name\":\"a\",\"n\":1e101}"),
                "number at /n has a scale of -101, beyond the limit of 100 either way"},
            {"a top-level array", utf8("[{\"name\":\"a\"}]"), "not a JSON object"},
            {"a top-level string", utf8("\"name\""), "not a JSON object"},
            {"a top-level number", utf8("42"), "not a JSON object"},
            {"a top-level null", utf8(" null"), "not a JSON object"},
            {"an empty body", new byte[0], "the body is empty"},
            {"a blank body", utf8(" \r\n\t"), "the body is empty"},
        };
        for (Reading reading : Reading.values()) {
            for (Object[] body : bodies) {
                cases.add(Arguments.of(reading, body[0], body[1], body[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void strictness(Reading reading, String what, byte[] body, String reason) {
        assertRefused(reading, DEFAULTS, body, reason);
    }

    private static void assertRefused(Reading reading, WebhookJson json, byte[] body, String reason) {
        assertThatThrownBy(() -> reading.name(json, body))
                .isInstanceOfSatisfying(WebhookPayloadException.class, e -> assertThat(e.rawBody()).isSameAs(body))
                .hasMessageContaining(reason);
    }

    /** {@code {"name":"x","deep":[[...]]}} nested {@code depth} levels, the top object included. */
    private static byte[] nested(int depth) {
        return utf8("{\"name\":\"x\",\"deep\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}");
    }

    private static byte[] nameOfLength(int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 16);
        out.writeBytes(utf8("{\"name\":\""));
        out.writeBytes("n".repeat(length).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(utf8("\"}"));
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Text and raw bytes in order: strings as UTF-8, integers as single bytes. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(utf8(text));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
