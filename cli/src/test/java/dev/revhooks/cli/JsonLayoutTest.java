package dev.revhooks.cli;

import static dev.revhooks.cli.Harness.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.testing.ByteGen;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class JsonLayoutTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SAMPLE = "{ \"a\" : [1, 2.50, {}], \"b\":{\"c\":\"x, y: {z}\\\"\",\"d\":[]},\"e\":null }";

    private static String apply(JsonLayout layout, String json) {
        return new String(layout.apply(utf8(json)).orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void compactRemovesAllWhiteSpaceBetweenTokensAndNoneInsideStrings() {
        assertThat(apply(JsonLayout.COMPACT, SAMPLE))
                .isEqualTo("{\"a\":[1,2.50,{}],\"b\":{\"c\":\"x, y: {z}\\\"\",\"d\":[]},\"e\":null}");
    }

    @Test
    void spacedWritesPythonsDefaultSeparators() {
        assertThat(apply(JsonLayout.SPACED, SAMPLE))
                .isEqualTo("{\"a\": [1, 2.50, {}], \"b\": {\"c\": \"x, y: {z}\\\"\", \"d\": []}, \"e\": null}");
    }

    @Test
    void indentedWritesJavaScriptsAndPythonsPrettyLayout() {
        assertThat(apply(JsonLayout.INDENTED_2, SAMPLE)).isEqualTo(String.join("\n",
                "{",
                "  \"a\": [",
                "    1,",
                "    2.50,",
                "    {}",
                "  ],",
                "  \"b\": {",
                "    \"c\": \"x, y: {z}\\\"\",",
                "    \"d\": []",
                "  },",
                "  \"e\": null",
                "}"));
        assertThat(apply(JsonLayout.INDENTED_4, "{\"a\":[1]}")).isEqualTo("{\n    \"a\": [\n        1\n    ]\n}");
    }

    @Test
    void indentedByTwoRebuildsTheVendorDocumentsExampleExactly() {
        byte[] pretty = Harness.resource("revont-summary-ready.json");
        byte[] compact = JsonLayout.COMPACT.apply(pretty).orElseThrow();

        byte[] rebuilt = JsonLayout.INDENTED_2.apply(compact).orElseThrow();

        assertThat(Scenario.concat(rebuilt, new byte[] {'\n'})).isEqualTo(pretty);
    }

    @Test
    void keepsNonAsciiBytesAndEscapesAsSent() {
        assertThat(apply(JsonLayout.COMPACT, "{ \"n\" : \"\u00e9\\u00e9\" }")).isEqualTo("{\"n\":\"\u00e9\\u00e9\"}");
    }

    @Test
    void laysOutATopLevelArray() {
        assertThat(apply(JsonLayout.SPACED, "[1,[2,3]]")).isEqualTo("[1, [2, 3]]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"text\"", "42", "{\"a\":1} {}", "{\"a\":1", "{\"a\":\"open}", "{\"a\" 1}",
            "{\"a\":1,}", "[1 2]", "{\"a\":1]", "{,}", "[:]", "\uFEFF{}", "{\"a\"::1}", "{1}x"})
    void givesNothingForWhatIsNotOneSoundJsonObjectOrArray(String text) {
        assertThat(JsonLayout.COMPACT.apply(utf8(text))).isEmpty();
    }

    @Test
    void arbitraryBytesNeverThrow() {
        qt().forAll(ByteGen.bytes(0, 200)).checkAssert(bytes -> {
            for (JsonLayout layout : JsonLayout.values()) {
                layout.apply(bytes);
            }
        });
    }

    @Test
    void everyLayoutKeepsTheSameJsonAndTheLayoutsConvert() {
        qt().forAll(json(3)).checkAssert(node -> {
            byte[] original = write(node);
            byte[] compact = JsonLayout.COMPACT.apply(original).orElseThrow();
            for (JsonLayout layout : JsonLayout.values()) {
                byte[] relaid = layout.apply(original).orElseThrow();
                assertThat(read(relaid)).isEqualTo(node);
                assertThat(layout.apply(relaid)).hasValueSatisfying(again -> assertThat(again).isEqualTo(relaid));
                assertThat(JsonLayout.COMPACT.apply(relaid)).hasValueSatisfying(c -> assertThat(c).isEqualTo(compact));
            }
        });
    }

    /** JSON objects of strings (any characters), numbers, booleans, nulls, arrays and objects, nested. */
    private static Gen<JsonNode> json(int depth) {
        Gen<String> keys = text(6);
        Gen<JsonNode> scalars = SourceDSL.integers().between(0, 4).zip(text(8), SourceDSL.longs().all(),
                (kind, text, number) -> scalar(kind, text, number));
        Gen<JsonNode> values = depth == 0 ? scalars : scalars.mix(json(depth - 1), 30);
        return SourceDSL.lists().of(keys.zip(values, List::<Object>of)).ofSizeBetween(0, 4)
                .zip(SourceDSL.booleans().all(), (entries, asArray) -> {
                    if (asArray) {
                        ArrayNode array = JsonNodeFactory.instance.arrayNode();
                        entries.forEach(entry -> array.add((JsonNode) entry.get(1)));
                        return array;
                    }
                    ObjectNode object = JsonNodeFactory.instance.objectNode();
                    entries.forEach(entry -> object.set((String) entry.get(0), (JsonNode) entry.get(1)));
                    return object;
                });
    }

    /** Any characters but lone surrogates, which no JSON writer writes. */
    private static Gen<String> text(int maxLength) {
        return SourceDSL.strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(0, maxLength);
    }

    private static JsonNode scalar(int kind, String text, long number) {
        switch (kind) {
            case 0:
                return JsonNodeFactory.instance.textNode(text);
            case 1:
                return JsonNodeFactory.instance.numberNode(number);
            case 2:
                return JsonNodeFactory.instance.booleanNode(number % 2 == 0);
            case 3:
                return JsonNodeFactory.instance.nullNode();
            default:
                return JsonNodeFactory.instance.textNode(text + "\",: {}[]\\");
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
