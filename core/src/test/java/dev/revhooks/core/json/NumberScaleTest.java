package dev.revhooks.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.json.JsonCursorTest.Everything;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every decimal handed out has a scale within {@link JsonLimits#maxNumberScale()}, in both parse paths. */
class NumberScaleTest {

    private static final WebhookJson JSON = WebhookJson.shared();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] dec(String number) {
        return utf8("{\"id\":\"x\",\"dec\":" + number + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e-999999999", "1e101", "-1E+101", "1e-101", "0e999", "0.5e-100", "1.0e-100"})
    void aDecimalBeyondTheScaleIsAPayloadErrorNamingTheFieldInBothPaths(String number) {
        byte[] body = dec(number);
        assertThatThrownBy(() -> JSON.read(body, Everything.class)).isInstanceOfSatisfying(WebhookPayloadException.class,
                e -> assertThat(e.rawBody()).isSameAs(body)).hasMessageContaining("number at /dec has a scale of")
                .hasMessageContaining("beyond the limit of 100 either way");
        assertThatThrownBy(() -> JSON.read(body, Everything::read)).isInstanceOfSatisfying(WebhookPayloadException.class,
                e -> assertThat(e.rawBody()).isSameAs(body)).hasMessageContaining("number at /dec has a scale of");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e100", "-1e-100", "1E+100", "1.5e-99", "12345", "0.0001", "9.99e100"})
    void aDecimalWithinTheScaleIsReadInBothPaths(String number) throws Exception {
        BigDecimal expected = new BigDecimal(number);
        assertThat(JSON.read(dec(number), Everything.class).dec()).isEqualTo(expected);
        assertThat(JSON.read(dec(number), Everything::read).dec()).isEqualTo(expected);
    }

    @Test
    void treesAreBoundedTooWhereverTheNumberSits() throws Exception {
        byte[] nested = utf8("{\"id\":\"x\",\"raw\":{\"a\":[1,{\"b\":1e-101}]}}");
        assertThatThrownBy(() -> JSON.read(nested, Everything.class)).isInstanceOf(WebhookPayloadException.class)
                .hasMessageContaining("number at /raw/a/1/b has a scale of 101");
        assertThatThrownBy(() -> JSON.read(nested, Everything::read)).isInstanceOf(WebhookPayloadException.class)
                .hasMessageContaining("number at /raw/a/1/b has a scale of 101");
        assertThatThrownBy(() -> JSON.readObject(utf8("{\"v\":[1e999999999]}"))).isInstanceOf(WebhookPayloadException.class)
                .hasMessageContaining("number at /v/0 has a scale of -999999999");
        byte[] trees = utf8("{\"id\":\"x\",\"trees\":[1,1e101]}");
        assertThatThrownBy(() -> JSON.read(trees, Everything::read)).isInstanceOf(WebhookPayloadException.class)
                .hasMessageContaining("number at /trees/1");
        JsonNode fine = JSON.readObject(utf8("{\"v\":[1e100,1e-100,2.50]}")).get("v");
        assertThat(fine.get(0).decimalValue()).isEqualTo(new BigDecimal("1e100"));
        assertThat(fine.get(2).decimalValue().toPlainString()).isEqualTo("2.50");
    }

    @Test
    void aNumberNobodyReadsIsBoundedTooSoBothPathsRefuseTheSameBodies() {
        for (String json : List.of("{\"id\":\"x\",\"other\":1e999999999}", "{\"id\":\"x\",\"other\":{\"a\":[1e-101]}}",
                "{\"id\":\"x\",\"inner\":{\"z\":[{\"y\":1e101}]}}")) {
            byte[] body = utf8(json);
            assertThatThrownBy(() -> JSON.read(body, Everything.class)).as(json).isInstanceOf(WebhookPayloadException.class)
                    .hasMessageContaining("has a scale of");
            assertThatThrownBy(() -> JSON.read(body, Everything::read)).as(json).isInstanceOf(WebhookPayloadException.class)
                    .hasMessageContaining("has a scale of");
        }
    }

    @Test
    void integersAndDoublesAreNotDecimalsAndStayAsTheyWere() throws Exception {
        assertThat(JSON.read(utf8("{\"id\":\"x\",\"long\":123}"), Everything.class).longValue()).isEqualTo(123L);
        ObjectMapper mapper = JSON.copyOfMapper();
        assertThat(mapper.readValue("{\"d\":1.5}", Map.class)).isEqualTo(Map.of("d", new BigDecimal("1.5")));
    }

    @Test
    void everyWayIntoTheParserIsBounded() throws Exception {
        ObjectMapper mapper = JSON.copyOfMapper();
        String json = "{\"v\":1e101}";
        byte[] bytes = utf8(json);
        assertScaleError(() -> mapper.readTree(json));
        assertScaleError(() -> mapper.readTree(new StringReader(json)));
        assertScaleError(() -> mapper.readTree(new ByteArrayInputStream(bytes)));
        assertScaleError(() -> mapper.readTree(bytes));
        assertScaleError(() -> mapper.readTree(mapper.getFactory().createParser(json.toCharArray())));
        assertScaleError(() -> mapper.readValue((java.io.DataInput) new DataInputStream(new ByteArrayInputStream(bytes)),
                JsonNode.class));
        assertScaleError(() -> mapper.readValue(json, Map.class));
        assertScaleError(() -> mapper.readValue(json, Object.class));
        assertThat(mapper.copy().readTree("{\"v\":1e100}").get("v").decimalValue()).isEqualTo(new BigDecimal("1e100"));
    }

    @Test
    void theParserChecksEveryWayOfMovingToANumber() throws Exception {
        ObjectMapper mapper = JSON.copyOfMapper();
        String json = "{\"a\":[1e101]}";
        try (var parser = mapper.createParser(json)) {
            parser.nextToken();
            assertThat(parser.nextFieldName()).isEqualTo("a");
            parser.nextToken();
            assertThatThrownBy(parser::nextToken).isInstanceOf(MismatchedInputException.class)
                    .hasMessageContaining("number at /a/0 has a scale of -101");
        }
        try (var parser = mapper.createParser(json)) {
            parser.nextToken();
            assertThat(parser.nextValue()).isEqualTo(com.fasterxml.jackson.core.JsonToken.START_ARRAY);
            assertThatThrownBy(parser::nextValue).isInstanceOf(MismatchedInputException.class);
        }
        try (var parser = mapper.createParser(json)) {
            parser.nextToken();
            parser.nextToken();
            parser.nextToken();
            assertThatThrownBy(parser::nextTextValue).isInstanceOf(MismatchedInputException.class);
        }
        try (var parser = mapper.createParser(json)) {
            parser.nextToken();
            assertThatThrownBy(parser::skipChildren).isInstanceOf(MismatchedInputException.class);
        }
        try (var parser = mapper.createParser("{\"a\":[1e100,{\"b\":[]}],\"c\":2}")) {
            parser.nextToken();
            parser.nextToken();
            parser.nextToken();
            assertThat(parser.skipChildren().currentToken()).isEqualTo(com.fasterxml.jackson.core.JsonToken.END_ARRAY);
            assertThat(parser.nextFieldName()).isEqualTo("c");
            parser.nextToken();
            assertThat(parser.skipChildren().getIntValue()).isEqualTo(2);
        }
        try (var parser = mapper.createParser("{\"a\":[1")) {
            parser.nextToken();
            parser.nextToken();
            parser.nextToken();
            assertThatThrownBy(parser::skipChildren).isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        }
    }

    @Test
    void theScaleIsComputedFromTheCharacters() {
        assertThat(scale("1")).isZero();
        assertThat(scale("-1.50")).isEqualTo(2);
        assertThat(scale("1.50e3")).isEqualTo(-1);
        assertThat(scale("1.5E+3")).isEqualTo(-2);
        assertThat(scale("-1.5e-3")).isEqualTo(4);
        assertThat(scale("1e0")).isZero();
        assertThat(scale("1e" + "9".repeat(90))).isEqualTo(-1_000_000_000_000L);
        assertThat(scale("1e-" + "9".repeat(90))).isEqualTo(1_000_000_000_000L);
        for (String number : List.of("0.001", "12.5e-7", "-3E4", "1.000e+10", "7e-100", "5.5e2147483647")) {
            assertThat(scale(number)).as(number).isEqualTo(new BigDecimal(number).scale());
        }
    }

    private static long scale(String number) {
        char[] padded = ("[" + number + "]").toCharArray();
        return ScaleBoundFactory.scale(padded, 1, number.length());
    }

    @Test
    void exponentsAreAcceptedExactlyWhileTheScaleIsWithinTheLimit() {
        qt().forAll(integers().between(-2_000_000_000, 2_000_000_000), integers().between(0, 5))
                .checkAssert((exponent, fractionDigits) -> {
                    String number = "1" + (fractionDigits == 0 ? "" : "." + "0".repeat(fractionDigits - 1) + "5")
                            + "e" + exponent;
                    long scale = (long) fractionDigits - exponent;
                    boolean within = Math.abs(scale) <= 100;
                    assertAgreement(number, within);
                });
        qt().forAll(integers().between(-120, 120)).checkAssert(exponent -> assertAgreement("7e" + exponent,
                Math.abs(exponent) <= 100));
    }

    @Test
    void theScaleLimitIsConfigurable() throws Exception {
        WebhookJson strict = WebhookJson.withLimits(new JsonLimits(64, 1000, 100, 100, 2));
        assertThat(strict.limits().maxNumberScale()).isEqualTo(2);
        assertThat(strict.read(dec("1.25"), Everything.class).dec()).isEqualTo(new BigDecimal("1.25"));
        assertThatThrownBy(() -> strict.read(dec("1.255"), Everything::read)).isInstanceOf(WebhookPayloadException.class)
                .hasMessageContaining("beyond the limit of 2 either way");
        assertThatThrownBy(() -> strict.read(dec("1e3"), Everything.class)).isInstanceOf(WebhookPayloadException.class);
        WebhookJson integersOnly = WebhookJson.withLimits(new JsonLimits(64, 1000, 100, 100, 0));
        assertThat(integersOnly.read(dec("12"), Everything::read).dec()).isEqualTo(new BigDecimal("12"));
        assertThatThrownBy(() -> integersOnly.read(dec("1.2"), Everything::read)).isInstanceOf(WebhookPayloadException.class);
        assertThat(JsonLimits.DEFAULT.maxNumberScale()).isEqualTo(JsonLimits.DEFAULT_MAX_NUMBER_SCALE).isEqualTo(100);
        assertThat(new JsonLimits(1, 1, 1, 1).maxNumberScale()).isEqualTo(100);
        assertThatThrownBy(() -> new JsonLimits(1, 1, 1, 1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxNumberScale must not be negative, was -1");
    }

    private static void assertAgreement(String number, boolean within) {
        byte[] body = dec(number);
        if (within) {
            try {
                BigDecimal expected = new BigDecimal(number);
                assertThat(JSON.read(body, Everything.class).dec()).as(number).isEqualTo(expected);
                assertThat(JSON.read(body, Everything::read).dec()).as(number).isEqualTo(expected);
                assertThat(expected.toPlainString().length()).isLessThan(220);
            } catch (WebhookPayloadException e) {
                throw new AssertionError(number + " was refused", e);
            }
        } else {
            assertThatThrownBy(() -> JSON.read(body, Everything.class)).as(number).isInstanceOf(WebhookPayloadException.class);
            assertThatThrownBy(() -> JSON.read(body, Everything::read)).as(number).isInstanceOf(WebhookPayloadException.class);
        }
    }

    private static void assertScaleError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(MismatchedInputException.class).hasMessageContaining("number at /v");
    }
}
