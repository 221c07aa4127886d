package dev.revhooks.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WireValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The databind set-up of a newly built {@link WebhookJson} (open enums, strict UUIDs and
 * date-times, limit validation, body pre-checks and error messages). Each test that reads builds
 * its own instance: a mapper caches the deserializers it has built, so only a fresh one shows how
 * they are made.
 */
class WebhookJsonMutationTest {

    enum Colour implements WireValue {
        RED("red"), UNKNOWN(null);

        private final String wire;

        Colour(String wire) {
            this.wire = wire;
        }

        @Override
        public String wireName() {
            return wire;
        }
    }

    record Paint(@JsonProperty("colour") OpenEnum<Colour> colour) {
    }

    record Stamp(@JsonProperty("at") Instant at, @JsonProperty("id") UUID id) {
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static WebhookJson fresh() {
        return WebhookJson.withLimits(JsonLimits.DEFAULT);
    }

    @Test
    void openEnumComponentsReadDocumentedAndUnknownValues() throws Exception {
        WebhookJson json = fresh();
        assertThat(json.read(utf8("{\"colour\":\"red\"}"), Paint.class).colour()).isEqualTo(OpenEnum.of(Colour.RED));
        OpenEnum<Colour> mauve = json.read(utf8("{\"colour\":\"mauve\"}"), Paint.class).colour();
        assertThat(mauve.value()).isEqualTo(Colour.UNKNOWN);
        assertThat(mauve.wire()).isEqualTo("mauve");
    }

    @Test
    void anOpenEnumFromAnythingButAStringIsAPayloadError() {
        byte[] body = utf8("{\"colour\":7}");
        assertThatThrownBy(() -> fresh().read(body, Paint.class)).isInstanceOf(WebhookPayloadException.class)
                .hasMessageContaining("OpenEnum").hasMessageEndingWith(" at " + Paint.class.getName() + "[\"colour\"]");
    }

    @Test
    void anOpenEnumOfANonWireValueTypeIsAProgrammingError() {
        ObjectMapper mapper = fresh().copyOfMapper();
        JavaType notWireValue = mapper.getTypeFactory().constructParametricType(OpenEnum.class, Thread.State.class);
        assertThatThrownBy(() -> mapper.readValue("\"NEW\"", notWireValue)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("OpenEnum needs an enum type argument implementing WireValue");
        JavaType notEnum = mapper.getTypeFactory().constructParametricType(OpenEnum.class, String.class);
        assertThatThrownBy(() -> mapper.readValue("\"x\"", notEnum)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("OpenEnum needs an enum type argument implementing WireValue");
        JavaType raw = mapper.getTypeFactory().constructType(OpenEnum.class);
        assertThatThrownBy(() -> mapper.readValue("\"x\"", raw)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("OpenEnum needs an enum type argument implementing WireValue");
    }

    @Test
    void instantsAndUuidsComeOnlyFromTheirStrictStrings() throws Exception {
        WebhookJson json = fresh();
        assertThat(json.read(utf8("{\"at\":\"2026-05-27T03:05:00+02:00\",\"id\":\"123e4567-e89b-12d3-a456-426614174000\"}"),
                Stamp.class)).isEqualTo(new Stamp(Instant.parse("2026-05-27T01:05:00Z"),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000")));
        assertThatThrownBy(() -> json.read(utf8("{\"at\":1700000000}"), Stamp.class))
                .isInstanceOf(WebhookPayloadException.class).hasMessageEndingWith(" at " + Stamp.class.getName() + "[\"at\"]");
        assertThatThrownBy(() -> json.read(utf8("{\"at\":\"2026-05-27T03:05:00\"}"), Stamp.class))
                .isInstanceOf(WebhookPayloadException.class).hasMessageContaining(StrictScalars.INSTANT_EXPECTED);
        assertThatThrownBy(() -> json.read(utf8("{\"id\":42}"), Stamp.class))
                .isInstanceOf(WebhookPayloadException.class).hasMessageEndingWith(" at " + Stamp.class.getName() + "[\"id\"]");
        assertThatThrownBy(() -> json.read(utf8("{\"id\":\"123e4567e89b12d3a456426614174000\"}"), Stamp.class))
                .isInstanceOf(WebhookPayloadException.class).hasMessageContaining(StrictScalars.UUID_EXPECTED);
    }

    @Test
    void everyHexDigitAtTheEdgeOfItsRangeIsAUuidDigit() {
        assertThat(StrictScalars.uuid("09afAF09-09af-AF09-afAF-09afAF09afAF"))
                .isEqualTo(UUID.fromString("09afaf09-09af-af09-afaf-09afaf09afaf"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // one character just outside each hex range, in the first group
        "/9afAF09-09af-AF09-afAF-09afAF09afAF",
        ":9afAF09-09af-AF09-afAF-09afAF09afAF",
        "`9afAF09-09af-AF09-afAF-09afAF09afAF",
        "g9afAF09-09af-AF09-afAF-09afAF09afAF",
        "@9afAF09-09af-AF09-afAF-09afAF09afAF",
        "G9afAF09-09af-AF09-afAF-09afAF09afAF",
        // UUID.fromString accepts a sign in a group; the canonical form does not
        "+23e4567-e89b-12d3-a456-426614174000",
        "123e4567-e89b-12d3-a456-42661417400-",
        "123e4567-e89b-12d3-a456+426614174000",
    })
    void anythingElseIsNotAUuid(String text) {
        assertThat(StrictScalars.uuid(text)).isNull();
    }

    @Test
    void eachLimitMustBeAtLeastOne() {
        assertThatNoException().isThrownBy(() -> new JsonLimits(1, 1, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new JsonLimits(0, 1, 1, 1))
                .withMessage("maxNestingDepth must be positive, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new JsonLimits(1, 0, 1, 1))
                .withMessage("maxStringLength must be positive, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new JsonLimits(1, 1, 0, 1))
                .withMessage("maxNumberLength must be positive, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new JsonLimits(1, 1, 1, -1))
                .withMessage("maxNameLength must be positive, was -1");
    }

    @Test
    void aBodyThatIsOnlyAByteOrderMarkIsReportedAsOne() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertThatThrownBy(() -> WebhookJson.shared().readObject(bom)).isInstanceOf(WebhookPayloadException.class)
                .hasMessageContaining("byte-order mark");
    }

    @Test
    void mappingErrorsNameThePathOnlyWhenThereIsOne() {
        assertThatThrownBy(() -> WebhookJson.shared().read(utf8("{\"at\":1}"), Stamp.class))
                .isInstanceOf(WebhookPayloadException.class).hasMessageEndingWith(" at " + Stamp.class.getName() + "[\"at\"]");
        assertThatThrownBy(() -> WebhookJson.shared().read(utf8("{}"), Integer.class))
                .isInstanceOf(WebhookPayloadException.class)
                .hasMessageStartingWith("the body does not match the expected shape: ")
                .hasMessageNotContaining(" at ");
    }
}
