package dev.revhooks.revont;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.testing.ByteGen;
import java.math.BigDecimal;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Arbitrary JSON objects near Revont's envelope: documented and unknown event names, good and bad
 * timestamps, {@code data} with documented fields of right and wrong JSON types, and arbitrary JSON
 * anywhere, so that every parsing branch is reached.
 */
final class EnvelopeGen {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> EVENTS = List.of("call.started", "call.ended", "summary.ready",
            "action_item.created", "action_item.completed", "call.transferred", "Summary.Ready", "");
    private static final List<String> TIMESTAMPS = List.of("2024-09-15T14:32:00Z", "2024-09-15T16:32:00+02:00",
            "2024-09-15T14:32:00.123456789Z", "-999999999-01-01T00:00:00+18:00", "+999999999-12-31T23:59:59-18:00",
            "2024-09-15T14:32:00", "1726410720", "", "2024-13-01T00:00:00Z");
    private static final List<String> DATA_FIELDS = List.of("call_id", "rep_id", "prospect_email", "duration_seconds",
            "summary_url", "coaching_score", "item", "call_id ");
    private static final List<String> TOP_FIELDS = List.of("event", "timestamp", "data", "id", "Event");
    private static final List<String> TEXTS = List.of("call_abc123", "jane@acmecorp.com", "https://app.revont.ai/x", "",
            "Ünïcødé ✓", "\u0000", "😀");

    private EnvelopeGen() {
    }

    /** Serialised JSON objects, mostly envelope-shaped. */
    static Gen<byte[]> bodies() {
        return in -> WebhookJson.shared().write(envelope(in));
    }

    private static ObjectNode envelope(RandomnessSource in) {
        ObjectNode root = NODES.objectNode();
        if (chance(in, 9)) {
            root.set("event", chance(in, 8) ? NODES.textNode(pick(in, EVENTS)) : value(in, 1));
        }
        if (chance(in, 9)) {
            root.set("timestamp", chance(in, 8) ? NODES.textNode(pick(in, TIMESTAMPS)) : value(in, 1));
        }
        if (chance(in, 9)) {
            root.set("data", chance(in, 8) ? data(in) : value(in, 2));
        }
        int extra = (int) in.next(Constraint.between(0, 2));
        for (int i = 0; i < extra; i++) {
            root.set(pick(in, TOP_FIELDS) + "_x", value(in, 2));
        }
        return root;
    }

    private static ObjectNode data(RandomnessSource in) {
        ObjectNode data = NODES.objectNode();
        for (String field : DATA_FIELDS) {
            if (chance(in, 6)) {
                data.set(field, chance(in, 7) ? wellTyped(in, field) : value(in, 1));
            }
        }
        return data;
    }

    private static JsonNode wellTyped(RandomnessSource in, String field) {
        switch (field) {
            case "duration_seconds":
                return NODES.numberNode(in.next(Constraint.between(Long.MIN_VALUE, Long.MAX_VALUE)));
            case "coaching_score":
                return NODES.numberNode((int) in.next(Constraint.between(Integer.MIN_VALUE, Integer.MAX_VALUE)));
            default:
                return NODES.textNode(text(in));
        }
    }

    /** Any JSON value, nested at most {@code depth} levels. */
    private static JsonNode value(RandomnessSource in, int depth) {
        int kind = (int) in.next(Constraint.between(0, depth > 0 ? 7 : 5));
        switch (kind) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(chance(in, 5));
            case 2:
                return NODES.numberNode(in.next(Constraint.none()));
            case 3:
                return NODES.numberNode(BigDecimal.valueOf(in.next(Constraint.none()), (int) in.next(Constraint.between(-3, 20))));
            case 4:
            case 5:
                return NODES.textNode(text(in));
            case 6:
                ArrayNode array = NODES.arrayNode();
                for (long i = in.next(Constraint.between(0, 3)); i > 0; i--) {
                    array.add(value(in, depth - 1));
                }
                return array;
            default:
                ObjectNode object = NODES.objectNode();
                for (long i = in.next(Constraint.between(0, 3)); i > 0; i--) {
                    object.set(chance(in, 5) ? pick(in, DATA_FIELDS) : text(in), value(in, depth - 1));
                }
                return object;
        }
    }

    private static String text(RandomnessSource in) {
        return chance(in, 5) ? pick(in, TEXTS) : ByteGen.ascii(0, 12).generate(in);
    }

    /** True with probability {@code tenths}/10. */
    private static boolean chance(RandomnessSource in, int tenths) {
        return in.next(Constraint.between(0, 9)) < tenths;
    }

    private static String pick(RandomnessSource in, List<String> values) {
        return values.get((int) in.next(Constraint.between(0, values.size() - 1)));
    }
}
