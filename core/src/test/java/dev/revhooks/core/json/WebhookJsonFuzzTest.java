package dev.revhooks.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WireValue;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Coverage-guided fuzzing of {@link WebhookJson} on arbitrary bytes, with limits small enough for
 * the fuzzer to reach (depth 8, strings 64, numbers 16, names 32). Only
 * {@link WebhookPayloadException} may escape, always carrying the very body it was given. A body
 * that {@link WebhookJson#readObject} accepts must be strict UTF-8 without a byte-order mark,
 * start with '{' and stay within every limit, as measured by an independent scanner; the typed
 * read and the tree conversion exercise the strict scalar readers (UUID, Instant, open enums,
 * integers, decimals).
 *
 * <p>Input layout (fuzz/README.md): the whole input is the body.
 */
class WebhookJsonFuzzTest {

    static final JsonLimits LIMITS = new JsonLimits(8, 64, 16, 32);
    private static final WebhookJson JSON = WebhookJson.withLimits(LIMITS);

    enum Kind implements WireValue {
        CALL("call"), UNKNOWN(null);

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        @Override
        public String wireName() {
            return wire;
        }
    }

    record Typed(@JsonProperty(value = "id", required = true) UUID id,
                 @JsonProperty("at") Instant at,
                 @JsonProperty("count") long count,
                 @JsonProperty("total") Long total,
                 @JsonProperty("ratio") BigDecimal ratio,
                 @JsonProperty("name") String name,
                 @JsonProperty("kind") OpenEnum<Kind> kind,
                 @JsonProperty("tags") List<String> tags,
                 @JsonProperty("nested") List<Typed> nested,
                 @JsonProperty("raw") JsonNode raw) {
    }

    @FuzzTest(maxDuration = "5m")
    void read(FuzzedDataProvider data) {
        byte[] body = data.consumeRemainingAsBytes();
        try {
            ObjectNode tree = JSON.readObject(body);
            assertWithinLimits(body);
            JSON.convert(tree, Typed.class, body);
        } catch (WebhookPayloadException e) {
            assertThat(e.rawBody()).isSameAs(body);
            assertThat(e.getMessage()).isNotBlank();
        }
        try {
            JSON.read(body, Typed.class);
        } catch (WebhookPayloadException e) {
            assertThat(e.rawBody()).isSameAs(body);
        }
    }

    /** Checks an accepted body with a scanner of its own: encoding, shape and every limit. */
    static void assertWithinLimits(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("accepted a body that is not UTF-8", e);
        }
        assertThat(text).as("accepted a body that is not an object").matches("(?s)[ \\t\\r\\n]*\\{.*");
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[') {
                depth++;
                assertThat(depth).as("nesting").isLessThanOrEqualTo(LIMITS.maxNestingDepth());
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == '"') {
                int units = 0;
                int j = i + 1;
                while (text.charAt(j) != '"') {
                    j += text.charAt(j) != '\\' ? 1 : text.charAt(j + 1) == 'u' ? 6 : 2;
                    units++;
                }
                int next = j + 1;
                while (next < text.length() && " \t\r\n".indexOf(text.charAt(next)) >= 0) {
                    next++;
                }
                boolean name = next < text.length() && text.charAt(next) == ':';
                assertThat(units).as(name ? "name length" : "string length")
                        .isLessThanOrEqualTo(name ? LIMITS.maxNameLength() : LIMITS.maxStringLength());
                i = j;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                int digits = 0;
                while (i < text.length() && "0123456789+-.eE".indexOf(text.charAt(i)) >= 0) {
                    digits = Character.isDigit(text.charAt(i)) ? digits + 1 : 0;
                    assertThat(digits).as("number length").isLessThanOrEqualTo(LIMITS.maxNumberLength());
                    i++;
                }
                i--;
            }
        }
    }
}
