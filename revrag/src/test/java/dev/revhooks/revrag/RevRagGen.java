package dev.revhooks.revrag;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.WireValue;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.testing.ByteGen;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators for RevRag material: call-status records, JSON objects, signature headers. */
final class RevRagGen {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = WebhookJson.shared().copyOfMapper();
    /** 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, the years ISO 8601 writes without a sign. */
    private static final long FIRST_SECOND = -62135596800L;
    private static final long LAST_SECOND = 253402300799L;
    static final List<String> DOCUMENTED_FIELDS = List.of("call_status", "call_id", "agent_id", "summary",
            "start_time", "end_time", "duration", "disconnection_reason", "recording_url", "transcription",
            "custom_variables", "variables_fields", "app_user_id");

    private RevRagGen() {
    }

    /** Well-formed Unicode text, as UTF-8 JSON can carry it: any code points, no lone surrogates. */
    static Gen<String> text(int maxLength) {
        return ByteGen.text(maxLength).map(RevRagGen::withoutLoneSurrogates).mix(ByteGen.ascii(0, maxLength), 40);
    }

    private static String withoutLoneSurrogates(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c < 0xD800 || c > 0xDFFF).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** {@code gen}'s values, or null one time in five. */
    static <T> Gen<T> nullable(Gen<T> gen) {
        return gen.toOptionals(20).map(value -> value.orElse(null));
    }

    static Gen<UUID> uuids() {
        return longs().all().zip(longs().all(), UUID::new);
    }

    static Gen<Instant> instants() {
        return longs().between(FIRST_SECOND, LAST_SECOND).zip(integers().between(0, 999_999_999), Instant::ofEpochSecond);
    }

    /** Numbers of any sign, size and scale, as JSON can write them. */
    static Gen<BigDecimal> decimals() {
        return longs().all().zip(integers().between(-20, 20), (unscaled, scale) -> new BigDecimal(BigInteger.valueOf(unscaled), scale));
    }

    static <E extends Enum<E> & WireValue> Gen<OpenEnum<E>> openEnums(Class<E> type, String... documented) {
        return arbitrary().pick(documented).mix(ByteGen.ascii(0, 12), 25).map(wire -> OpenEnum.of(type, wire));
    }

    /**
     * JSON values that read back equal to themselves: strings, ints, booleans, fractions without
     * trailing zeros in plain notation, and arrays and objects of those.
     */
    static Gen<JsonNode> stableJson(int depth) {
        Gen<JsonNode> scalar = Generate.oneOf(
                text(8).map(NODES::textNode),
                integers().all().map(NODES::numberNode),
                booleans().all().map(NODES::booleanNode),
                longs().between(1, 999_999_999).assuming(n -> n % 10 != 0)
                        .zip(integers().between(1, 6), (unscaled, scale) -> NODES.numberNode(BigDecimal.valueOf(unscaled, scale))));
        if (depth == 0) {
            return scalar;
        }
        Gen<JsonNode> array = lists().of(stableJson(depth - 1)).ofSizeBetween(0, 3).map(RevRagGen::array);
        Gen<JsonNode> object = lists().of(ByteGen.ascii(0, 6)).ofSizeBetween(0, 3)
                .zip(lists().of(stableJson(depth - 1)).ofSize(3), RevRagGen::object);
        return scalar.mix(array, 20).mix(object, 20);
    }

    /** Any JSON value, including nulls, fractions with trailing zeros, exponents and deep nesting. */
    static Gen<JsonNode> anyJson(int depth) {
        Gen<JsonNode> scalar = Generate.oneOf(
                text(12).map(NODES::textNode),
                longs().all().map(NODES::numberNode),
                decimals().map(NODES::numberNode),
                booleans().all().map(NODES::booleanNode),
                arbitrary().constant(NODES.nullNode()),
                uuids().map(uuid -> NODES.textNode(uuid.toString())),
                instants().map(instant -> NODES.textNode(instant.toString())),
                arbitrary().pick("ENDED", "assistant", "user", "call.ended", "", "2026-05-27T03:05:00", "1779851100")
                        .map(NODES::textNode));
        if (depth == 0) {
            return scalar;
        }
        Gen<JsonNode> array = lists().of(anyJson(depth - 1)).ofSizeBetween(0, 3).map(RevRagGen::array);
        return scalar.mix(array, 25).mix(objectsWith(List.of("role", "content", "key", "type", "value", "messages", "x"),
                depth - 1).map(JsonNode.class::cast), 25);
    }

    /** Objects whose members are drawn from {@code names} (plus a random one), each with any JSON value. */
    static Gen<ObjectNode> objectsWith(List<String> names, int depth) {
        Gen<String> name = arbitrary().pick(names).mix(ByteGen.ascii(0, 8), 15);
        return lists().of(name).ofSizeBetween(0, names.size())
                .zip(lists().of(anyJson(depth)).ofSize(names.size()), RevRagGen::object);
    }

    /**
     * JSON objects shaped like the call-status object: documented names with values of any type,
     * half of them laid over a valid call status so that most members have the right type.
     */
    static Gen<ObjectNode> callStatusLikeObjects() {
        return objectsWith(DOCUMENTED_FIELDS, 3).zip(callStatuses(), booleans().all(), (members, valid, overlay) -> {
            if (!overlay) {
                return members;
            }
            ObjectNode merged = MAPPER.valueToTree(valid);
            merged.setAll(members);
            return merged;
        });
    }

    /** Valid call-status records, every component varied. */
    static Gen<CallStatus> callStatuses() {
        Gen<TranscriptMessage> messages = nullable(openEnums(TranscriptRole.class, "assistant", "user"))
                .zip(nullable(text(40)), TranscriptMessage::new);
        Gen<Transcription> transcriptions = nullable(lists().of(messages).ofSizeBetween(0, 4).map(Transcription::new));
        Gen<CustomVariable> variables = nullable(text(10)).zip(nullable(arbitrary().pick("boolean", "string", "number")),
                nullable(stableJson(2)), CustomVariable::new);
        Gen<JsonNode> variablesFields = nullable(lists().of(text(6)).ofSizeBetween(0, 3)
                .zip(lists().of(stableJson(1)).ofSize(3), RevRagGen::object).map(JsonNode.class::cast));
        Gen<OpenEnum<CallState>> statuses = openEnums(CallState.class, "ENDED");
        Gen<String> optionalText = nullable(text(30));
        Gen<Instant> optionalInstants = nullable(instants());
        Gen<BigDecimal> optionalDecimals = nullable(decimals());
        Gen<List<CustomVariable>> variableLists = lists().of(variables).ofSizeBetween(0, 4);
        return in -> new CallStatus(statuses.generate(in), uuids().generate(in), uuids().generate(in),
                optionalText.generate(in), optionalInstants.generate(in), optionalInstants.generate(in),
                optionalDecimals.generate(in), optionalText.generate(in), optionalText.generate(in),
                transcriptions.generate(in), variableLists.generate(in), variablesFields.generate(in),
                optionalText.generate(in));
    }

    /** An array of {@code items}. */
    private static ArrayNode array(List<JsonNode> items) {
        ArrayNode node = NODES.arrayNode();
        items.forEach(node::add);
        return node;
    }

    /** An object of the first {@code names.size()} values, under those names (a repeated name keeps the last). */
    private static ObjectNode object(List<String> names, List<JsonNode> values) {
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < names.size(); i++) {
            node.set(names.get(i), values.get(i));
        }
        return node;
    }

    /** Signature header values assembled from the header's own pieces, valid and not. */
    static Gen<String> signatureHeaderSoup(String t, String v1) {
        Gen<String> token = arbitrary().pick("t=", "v1=", "v0=", "v2=", ",", ", ", " ", "\t", "=", t, v1,
                v1.toUpperCase(Locale.ROOT), "-", "0", "99999999999999999999", "zz", "t=" + t, "v1=" + v1)
                .mix(text(6), 20);
        return lists().of(token).ofSizeBetween(0, 10).map(tokens -> String.join("", tokens));
    }
}
