package dev.revhooks.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WireValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming reader accepts exactly what the databind set-up accepts, and builds equal values. */
class JsonCursorTest {

    enum Kind implements WireValue {
        A("a"), UNKNOWN(null);

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        @Override
        public String wireName() {
            return wire;
        }
    }

    record Inner(@JsonProperty("n") Long n, @JsonProperty("s") String s) {
        static Inner read(JsonCursor in) throws IOException {
            Long n = null;
            String s = null;
            for (String field = in.nextField(); field != null; field = in.nextField()) {
                switch (field) {
                    case "n" -> n = in.integer();
                    case "s" -> s = in.string();
                    default -> in.skip();
                }
            }
            return new Inner(n, s);
        }
    }

    record Everything(@JsonProperty(value = "id", required = true) String id,
                      @JsonProperty("long") Long longValue,
                      @JsonProperty("int") Integer intValue,
                      @JsonProperty("dec") BigDecimal dec,
                      @JsonProperty("flag") Boolean flag,
                      @JsonProperty("at") Instant at,
                      @JsonProperty("uuid") UUID uuid,
                      @JsonProperty("kind") OpenEnum<Kind> kind,
                      @JsonProperty("raw") JsonNode raw,
                      @JsonProperty("inner") Inner inner,
                      @JsonProperty("inners") List<Inner> inners,
                      @JsonProperty("names") List<String> names,
                      @JsonProperty("trees") List<JsonNode> trees) {

        Everything {
            Objects.requireNonNull(id, "id");
        }

        static Everything read(JsonCursor in) throws IOException {
            String id = null;
            Long longValue = null;
            Integer intValue = null;
            BigDecimal dec = null;
            Boolean flag = null;
            Instant at = null;
            UUID uuid = null;
            OpenEnum<Kind> kind = null;
            JsonNode raw = null;
            Inner inner = null;
            List<Inner> inners = null;
            List<String> names = null;
            List<JsonNode> trees = null;
            for (String field = in.nextField(); field != null; field = in.nextField()) {
                switch (field) {
                    case "id" -> id = in.string();
                    case "long" -> longValue = in.integer();
                    case "int" -> intValue = in.int32();
                    case "dec" -> dec = in.decimal();
                    case "flag" -> flag = in.bool();
                    case "at" -> at = in.instant();
                    case "uuid" -> uuid = in.uuid();
                    case "kind" -> kind = in.openEnum(Kind.class);
                    case "raw" -> raw = in.tree();
                    case "inner" -> inner = in.object(Inner::read);
                    case "inners" -> inners = in.objects(Inner::read);
                    case "names" -> names = in.strings();
                    case "trees" -> trees = in.trees();
                    default -> in.skip();
                }
            }
            return new Everything(in.required("id", id), longValue, intValue, dec, flag, at, uuid, kind, raw, inner,
                    inners, names, trees);
        }
    }

    private static final WebhookJson JSON = WebhookJson.shared();

    /** Values of every JSON kind, valid and invalid for each field. */
    private static final List<String> VALUES = List.of(
            "null", "true", "false", "0", "-7", "42", "2147483647", "2147483648", "9223372036854775807",
            "9223372036854775808", "1.5", "2.50", "1e3", "\"\"", "\"a\"", "\"x\"", "\"42\"", "\"true\"",
            "\"2026-05-27T03:05:00Z\"", "\"2026-05-27T03:05:00+02:00\"", "\"2026-05-27T03:05:00\"", "\"1700000000\"",
            "\"123e4567-e89b-12d3-a456-426614174000\"", "\"Ej5FZ+ibEtOkVkJmFBdAAA==\"", "{}", "{\"n\":1}",
            "{\"n\":\"1\",\"s\":2}", "{\"n\":1,\"s\":\"t\",\"z\":[1]}", "[]", "[null]", "[{\"n\":2}]", "[\"a\",null]",
            "[1,\"a\"]", "[[]]", "[{\"n\":1.5}]", "1e100", "1e101", "-1e-100", "1.5e-100", "1e999999999",
            "1e-999999999", "[1e101]", "{\"n\":1e-101}");

    private static final List<String> FIELDS = List.of("id", "long", "int", "dec", "flag", "at", "uuid", "kind", "raw",
            "inner", "inners", "names", "trees", "other");

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void streamingAgreesWithDatabindOnEveryCombination() {
        qt().withExamples(3000).forAll(lists().of(integers().between(0, FIELDS.size() * VALUES.size() - 1)).ofSizeBetween(0, 8))
                .checkAssert(picks -> {
                    StringBuilder json = new StringBuilder("{");
                    java.util.Set<String> used = new java.util.HashSet<>();
                    for (int pick : picks) {
                        String field = FIELDS.get(pick % FIELDS.size());
                        if (used.add(field)) {
                            json.append(json.length() == 1 ? "" : ",").append('"').append(field).append("\":")
                                    .append(VALUES.get(pick / FIELDS.size()));
                        }
                    }
                    byte[] body = utf8(json.append('}').toString());
                    Everything bound;
                    try {
                        bound = JSON.read(body, Everything.class);
                    } catch (WebhookPayloadException e) {
                        assertThatThrownBy(() -> JSON.read(body, Everything::read)).as(json.toString())
                                .isInstanceOf(WebhookPayloadException.class);
                        return;
                    }
                    try {
                        assertThat(JSON.read(body, Everything::read)).as(json.toString()).isEqualTo(bound);
                    } catch (WebhookPayloadException e) {
                        throw new AssertionError("streaming rejected what databind accepts: " + json, e);
                    }
                });
    }

    @Test
    void readsEveryTypeAsDatabindDoes() throws Exception {
        byte[] body = utf8("{\"id\":\"x\",\"long\":9223372036854775807,\"int\":-3,\"dec\":2.50,\"flag\":true,"
                + "\"at\":\"2026-05-27T03:05:00+02:00\",\"uuid\":\"123e4567-e89b-12d3-a456-426614174000\",\"kind\":\"new\","
                + "\"raw\":{\"a\":[1,{}]},\"inner\":{\"n\":1,\"s\":\"t\",\"x\":{\"deep\":[1]}},\"inners\":[{\"n\":2},null],"
                + "\"names\":[\"a\",null],\"trees\":[1,null,\"s\"],\"unknown\":[{\"a\":1}]}");
        Everything streamed = JSON.read(body, Everything::read);
        assertThat(streamed).isEqualTo(JSON.read(body, Everything.class));
        assertThat(streamed.dec().toPlainString()).isEqualTo("2.50");
        assertThat(streamed.at()).isEqualTo(Instant.parse("2026-05-27T01:05:00Z"));
        assertThat(streamed.kind().value()).isEqualTo(Kind.UNKNOWN);
        assertThat(streamed.inners()).hasSize(2).containsNull();
        assertThat(streamed.trees().get(1).isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"long\":1}",
        "{\"id\":null}",
        "{\"id\":\"x\",\"long\":1.5}",
        "{\"id\":\"x\",\"int\":2147483648}",
        "{\"id\":\"x\",\"inner\":{\"n\":\"1\"}}",
        "{\"id\":\"x\",\"inners\":[{\"s\":1}]}",
        "{\"id\":\"x\",\"id\":\"y\"}",
        "{\"id\":\"x\"} {}",
        "{\"id\":\"x\",\"at\":1700000000}",
    })
    void errorsArePayloadErrorsNamingTheFieldAndCarryingTheBody(String json) {
        byte[] body = utf8(json);
        assertThatThrownBy(() -> JSON.read(body, Everything::read))
                .isInstanceOfSatisfying(WebhookPayloadException.class, e -> assertThat(e.rawBody()).isSameAs(body));
    }

    @Test
    void messagesUseDatabindsPathNotation() {
        byte[] nested = utf8("{\"id\":\"x\",\"inners\":[{\"n\":1},{\"n\":\"1\"}]}");
        assertThatThrownBy(() -> JSON.read(nested, Everything::read)).hasMessageContaining("[\"inners\"][1][\"n\"]")
                .hasMessageContaining("'n'");
        byte[] missing = utf8("{\"long\":1}");
        assertThatThrownBy(() -> JSON.read(missing, Everything::read)).hasMessageContaining("'id'")
                .hasMessageContaining("[\"id\"]");
    }

    @Test
    void aRecordThatRefusesItsValuesIsAPayloadError() {
        byte[] body = utf8("{\"id\":\"x\"}");
        assertThatThrownBy(() -> JSON.read(body, in -> {
            in.nextField();
            in.skip();
            in.nextField();
            throw new IllegalArgumentException("refused");
        })).isInstanceOf(WebhookPayloadException.class).hasMessageContaining("refused");
    }

    @Test
    void theLimitsApplyToo() {
        WebhookJson shallow = WebhookJson.withLimits(new JsonLimits(3, 100, 100, 100));
        assertThatThrownBy(() -> shallow.read(utf8("{\"id\":\"x\",\"raw\":[[[1]]]}"), Everything::read))
                .isInstanceOf(WebhookPayloadException.class).hasMessageContaining("depth");
        assertThatThrownBy(() -> shallow.read(utf8("\uFEFF{}"), Everything::read)).isInstanceOf(WebhookPayloadException.class);
    }
}
