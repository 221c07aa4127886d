package dev.revhooks.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.revhooks.core.WebhookPayloadException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link JsonCursor} returns for each JSON null, false and integer-or-fraction value, and the
 * path its errors name after nested objects and arrays have been read (PIT found these unpinned).
 */
class JsonCursorMutationTest {

    private static final WebhookJson JSON = WebhookJson.shared();

    /** Reads the only field of a one-field object with {@code read}. */
    private static <T> T only(String json, JsonCursor.ObjectReader<T> read) throws WebhookPayloadException {
        return JSON.read(json.getBytes(StandardCharsets.UTF_8), in -> {
            in.nextField();
            T value = read.read(in);
            assertThat(in.nextField()).isNull();
            return value;
        });
    }

    @Test
    void jsonNullIsNullForEveryTypedRead() throws Exception {
        assertThat(only("{\"f\":null}", JsonCursor::integer)).isNull();
        assertThat(only("{\"f\":null}", JsonCursor::int32)).isNull();
        assertThat(only("{\"f\":null}", JsonCursor::decimal)).isNull();
        assertThat(only("{\"f\":null}", JsonCursor::bool)).isNull();
        JsonCursor.ObjectReader<String> neverCalled = inner -> {
            throw new AssertionError("no object to read");
        };
        assertThat(JsonCursorMutationTest.<String>only("{\"f\":null}", in -> in.object(neverCalled))).isNull();
        assertThat(JsonCursorMutationTest.<List<String>>only("{\"f\":null}", in -> in.objects(neverCalled))).isNull();
        assertThat(only("{\"f\":null}", JsonCursor::strings)).isNull();
        assertThat(only("{\"f\":null}", JsonCursor::trees)).isNull();
        assertThat(only("{\"f\":null}", JsonCursor::tree)).isSameAs(NullNode.getInstance());
    }

    @Test
    void booleansKeepTheirValue() throws Exception {
        assertThat(only("{\"f\":false}", JsonCursor::bool)).isFalse();
        assertThat(only("{\"f\":true}", JsonCursor::bool)).isTrue();
    }

    @Test
    void decimalsAcceptIntegersAndFractionsAndNothingElse() throws Exception {
        assertThat(only("{\"f\":7}", JsonCursor::decimal)).isEqualByComparingTo(new BigDecimal("7"));
        assertThat(only("{\"f\":2.50}", JsonCursor::decimal)).isEqualTo(new BigDecimal("2.50"));
        assertThatThrownBy(() -> only("{\"f\":\"7\"}", JsonCursor::decimal))
                .isInstanceOf(WebhookPayloadException.class)
                .hasMessageContaining("'f': expected a number, got VALUE_STRING");
    }

    @Test
    void integersKeepTheirValue() throws Exception {
        assertThat(only("{\"f\":-9223372036854775808}", JsonCursor::integer)).isEqualTo(Long.MIN_VALUE);
        assertThat(only("{\"f\":2147483647}", JsonCursor::int32)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void anObjectsValueIsWhatItsReaderBuilt() throws Exception {
        JsonCursor.ObjectReader<Long> firstInteger = inner -> {
            inner.nextField();
            Long value = inner.integer();
            inner.nextField();
            return value;
        };
        assertThat(JsonCursorMutationTest.<Long>only("{\"f\":{\"n\":1}}", in -> in.object(firstInteger))).isEqualTo(1L);
    }

    @Test
    void theFirstArrayElementIsIndexedInThePath() {
        assertThatThrownBy(() -> only("{\"list\":[{\"n\":\"x\"}]}", in -> in.objects(element -> {
            element.nextField();
            return element.integer();
        }))).isInstanceOf(WebhookPayloadException.class).hasMessageContaining("at [\"list\"][0][\"n\"]");
    }

    /**
     * After a nested object or array element is read, the path is back at the enclosing object and
     * the current field is the one that held the nested value.
     */
    @Test
    void thePathAndFieldAreRestoredAfterANestedValue() {
        byte[] body = "{\"a\":{\"b\":{\"c\":1},\"list\":[{\"d\":2}],\"e\":\"x\"}}".getBytes(StandardCharsets.UTF_8);
        List<String> afterNested = new ArrayList<>();
        assertThatThrownBy(() -> JSON.read(body, in -> {
            in.nextField();
            return in.object(a -> {
                a.nextField();
                a.object(JsonCursorMutationTest::skipAll);
                afterNested.add(a.mismatch("nothing").getOriginalMessage());
                a.nextField();
                a.objects(JsonCursorMutationTest::skipAll);
                afterNested.add(a.mismatch("nothing").getOriginalMessage());
                a.nextField();
                return a.integer();
            });
        })).isInstanceOf(WebhookPayloadException.class).hasMessageContaining("'e': expected an integer")
                .hasMessageContaining("at [\"a\"][\"e\"]");
        assertThat(afterNested).containsExactly(
                "'b': expected nothing, got END_OBJECT at [\"a\"][\"b\"]",
                "'list': expected nothing, got END_ARRAY at [\"a\"][\"list\"]");
    }

    private static JsonNode skipAll(JsonCursor in) throws IOException {
        while (in.nextField() != null) {
            in.skip();
        }
        return null;
    }
}
