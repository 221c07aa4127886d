package dev.revhooks.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WireValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookJsonTest {

    enum Color implements WireValue {
        RED("red"), UNKNOWN(null);

        private final String wire;

        Color(String wire) {
            this.wire = wire;
        }

        @Override
        public String wireName() {
            return wire;
        }
    }

    record Sample(@JsonProperty("id") UUID id,
                  @JsonProperty("at") Instant at,
                  @JsonProperty("count") Long count,
                  @JsonProperty("ratio") BigDecimal ratio,
                  @JsonProperty("name") String name,
                  @JsonProperty("color") OpenEnum<Color> color,
                  @JsonProperty("tags") List<String> tags,
                  @JsonProperty("extra") JsonNode extra) {
    }

    record Primitive(@JsonProperty("n") long n) {
    }

    record Required(@JsonProperty(value = "id", required = true) String id) {
    }

    private final WebhookJson json = WebhookJson.shared();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsRecordsWithTypedFields() throws Exception {
        Sample sample = json.read(utf8("""
                {"id":"123e4567-e89b-12d3-a456-426614174000","at":"2026-05-27T03:05:00+02:00","count":3,
                 "ratio":72.5,"name":"n","color":"red","tags":["a"],"extra":{"x":[1]},"unknown":{"y":2}}"""),
                Sample.class);
        assertThat(sample.id()).isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        assertThat(sample.at()).isEqualTo(Instant.parse("2026-05-27T01:05:00Z"));
        assertThat(sample.count()).isEqualTo(3L);
        assertThat(sample.ratio()).isEqualByComparingTo("72.5");
        assertThat(sample.color().value()).isEqualTo(Color.RED);
        assertThat(sample.tags()).containsExactly("a");
        assertThat(sample.extra().get("x").get(0).asInt()).isEqualTo(1);
    }

    @Test
    void acceptsUtcTimestampsWithZAndFractions() throws Exception {
        Sample sample = json.read(utf8("{\"at\":\"2026-06-30T19:30:00.000Z\"}"), Sample.class);
        assertThat(sample.at()).isEqualTo(Instant.parse("2026-06-30T19:30:00Z"));
    }

    @Test
    void unknownEnumValuesAreKept() throws Exception {
        Sample sample = json.read(utf8("{\"color\":\"ultraviolet\"}"), Sample.class);
        assertThat(sample.color().value()).isEqualTo(Color.UNKNOWN);
        assertThat(sample.color().wire()).isEqualTo("ultraviolet");
        assertThat(sample.name()).isNull();
    }

    @Test
    void aNumberWithAnAbsurdExponentIsAPayloadErrorEverywhere() {
        // found by fuzzing: Jackson let this NumberFormatException through unwrapped
        byte[] raw = utf8("{\"ratio\":777777777777777777777e7777777777777777777777777777777777777777777700000000000000000095822277399296226}");
        assertThatThrownBy(() -> json.read(raw, Sample.class)).isInstanceOf(WebhookPayloadException.class);
        assertThatThrownBy(() -> json.readObject(raw)).isInstanceOf(WebhookPayloadException.class);
        assertThatThrownBy(() -> json.read(raw, in -> {
            in.nextField();
            return in.decimal();
        })).isInstanceOf(WebhookPayloadException.class);
    }

    @Test
    void treeDecimalsKeepTheirTrailingZeros() throws Exception {
        assertThat(json.readObject(utf8("{\"d\":2.50}")).get("d").decimalValue().toPlainString()).isEqualTo("2.50");
    }

    @Test
    void upperCaseUuidsAreCanonicalToo() throws Exception {
        assertThat(json.read(utf8("{\"id\":\"123E4567-E89B-12D3-A456-426614174000\"}"), Sample.class).id())
                .isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    }

    @Test
    void openEnumsWriteAsTheirWireValue() {
        assertThat(new String(json.write(OpenEnum.of(Color.class, "blue")), StandardCharsets.UTF_8)).isEqualTo("\"blue\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"color\":1}",
        "{\"count\":\"3\"}",
        "{\"count\":3.5}",
        "{\"name\":5}",
        "{\"name\":true}",
        "{\"id\":\"not-a-uuid\"}",
        "{\"id\":\"Ej5FZ+ibEtOkVkJmFBdAAA==\"}",
        "{\"id\":\"123e4567e89b12d3a456426614174000\"}",
        "{\"id\":42}",
        "{\"at\":\"yesterday\"}",
        "{\"at\":\"\"}",
        "{\"at\":1726410720}",
        "{\"at\":\"1726410720\"}",
        "{\"at\":\"2026-05-27T03:05:00\"}",
        "{\"at\":\"2026-05-27\"}",
        "{\"tags\":\"a\"}",
        "{\"a\":1,\"a\":2}",
        "{\"a\":1} {}",
        "{\"a\":1}x",
        "{\"a\":",
        "{\"a\":tru}",
        "[]",
        "\"text\"",
        "42",
        "",
        "   ",
    })
    void malformedOrMistypedBodiesArePayloadErrorsCarryingTheBody(String body) {
        byte[] raw = utf8(body);
        assertThatThrownBy(() -> json.read(raw, Sample.class))
                .isInstanceOfSatisfying(WebhookPayloadException.class, e -> assertThat(e.rawBody()).isSameAs(raw));
    }

    @Test
    void aByteOrderMarkIsRejected() {
        byte[] raw = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
        assertThatThrownBy(() -> json.read(raw, Sample.class)).isInstanceOf(WebhookPayloadException.class)
                .hasMessageContaining("byte-order mark");
    }

    @Test
    void otherEncodingsAreRejected() {
        byte[] utf16 = "{}".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> json.read(utf16, Sample.class)).isInstanceOf(WebhookPayloadException.class)
                .hasMessageContaining("UTF-8");
        byte[] utf16be = "{}".getBytes(StandardCharsets.UTF_16BE);
        assertThatThrownBy(() -> json.read(utf16be, Sample.class)).isInstanceOf(WebhookPayloadException.class);
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] raw = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> json.read(raw, Sample.class)).isInstanceOf(WebhookPayloadException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void missingRequiredFieldNamesTheField() {
        assertThatThrownBy(() -> json.read(utf8("{}"), Required.class)).isInstanceOf(WebhookPayloadException.class)
                .hasMessageContaining("'id'");
    }

    @Test
    void aPrimitiveComponentIsRequiredAndNotNull() throws Exception {
        assertThat(json.read(utf8("{\"n\":7}"), Primitive.class).n()).isEqualTo(7);
        assertThatThrownBy(() -> json.read(utf8("{}"), Primitive.class)).isInstanceOf(WebhookPayloadException.class);
        assertThatThrownBy(() -> json.read(utf8("{\"n\":null}"), Primitive.class)).isInstanceOf(WebhookPayloadException.class);
    }

    @Test
    void nestingDepthIsBoundedAtTheLimit() throws Exception {
        WebhookJson shallow = WebhookJson.withLimits(new JsonLimits(5, 1000, 10, 100));
        // depth 5: the top object plus four nested arrays
        shallow.readObject(utf8("{\"a\":[[[[1]]]]}"));
        assertThatThrownBy(() -> shallow.readObject(utf8("{\"a\":[[[[[1]]]]]}")))
                .isInstanceOf(WebhookPayloadException.class).hasMessageContaining("depth");
        assertThat(JsonLimits.DEFAULT.maxNestingDepth()).isEqualTo(64);
    }

    @Test
    void stringAndNumberLengthsAreBounded() throws Exception {
        WebhookJson small = WebhookJson.withLimits(new JsonLimits(10, 5, 3, 4));
        small.readObject(utf8("{\"a\":\"12345\",\"b\":123,\"abcd\":1}"));
        assertThatThrownBy(() -> small.readObject(utf8("{\"a\":\"123456\"}")))
                .isInstanceOf(WebhookPayloadException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> small.readObject(utf8("{\"b\":1234}")))
                .isInstanceOf(WebhookPayloadException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> small.readObject(utf8("{\"abcde\":1}")))
                .isInstanceOf(WebhookPayloadException.class).hasMessageContaining("length");
        assertThat(small.limits().maxStringLength()).isEqualTo(5);
    }

    @Test
    void readObjectAndConvert() throws Exception {
        byte[] raw = utf8("{\"data\":{\"name\":\"x\",\"count\":2}}");
        JsonNode data = json.readObject(raw).get("data");
        Sample sample = json.convert(data, Sample.class, raw);
        assertThat(sample.name()).isEqualTo("x");
        assertThatThrownBy(() -> json.convert(json.readObject(utf8("{\"count\":\"x\"}")), Sample.class, raw))
                .isInstanceOfSatisfying(WebhookPayloadException.class, e -> assertThat(e.rawBody()).isSameAs(raw))
                .hasMessageContaining("count");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new JsonLimits(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxNestingDepth");
    }

    @Test
    void mapperCopyDoesNotChangeTheSharedSetUp() throws Exception {
        json.copyOfMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        assertThat(json.read(utf8("{\"zzz\":1}"), Sample.class).name()).isNull();
    }
}
