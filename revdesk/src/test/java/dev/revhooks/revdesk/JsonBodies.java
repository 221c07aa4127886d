package dev.revhooks.revdesk;

import static org.quicktheories.generators.SourceDSL.integers;

import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.testing.ByteGen;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * QuickTheories generators of JSON objects shaped like RevDesk bodies: the documented field names
 * (flat and enveloped) with values of every JSON kind, well typed or not, so that generated bodies
 * both parse and fail to parse.
 */
final class JsonBodies {

    private static final List<String> NAMES = List.of("id", "from_number", "to_number", "phone_number", "direction",
            "duration_seconds", "status", "failure_code", "failure_category", "disconnection_reason", "created_at",
            "contact_token", "provider_id", "error_message", "channel", "area_code", "organization_id",
            "texting_enabled_numbers", "triggerEvent", "createdAt", "payload", "unknown_field");

    private static final List<Object> SCALARS = Arrays.asList("number.purchased", "number.released", "number.ported",
            "outbound", "VOICEMAIL", "delivered", "ACTIVE", "sms", "2026-06-30T19:30:00.000Z", "2026-06-30T21:30:00+02:00",
            "+15551234567", "", "…", 0L, 4821L, -1L, Long.MAX_VALUE, new BigDecimal("1.5"), new BigDecimal("1e400"),
            true, false, null);

    private static final Gen<Integer> KIND = integers().between(0, 9);
    private static final Gen<Integer> SIZE = integers().between(0, 6);
    private static final Gen<Integer> NAME = integers().between(0, NAMES.size() - 1);
    private static final Gen<Integer> SCALAR = integers().between(0, SCALARS.size() - 1);
    private static final Gen<String> TEXT = ByteGen.text(12);
    private static final List<Object> TRIGGERS = Arrays.asList("number.purchased", "number.released", "number.ported",
            "NUMBER.PURCHASED", "", 1L, null);
    private static final Gen<Integer> TRIGGER = integers().between(0, TRIGGERS.size() - 1);

    private JsonBodies() {
    }

    /**
     * JSON objects, serialised as compact UTF-8.
     *
     * @return the generator
     */
    static Gen<byte[]> objects() {
        return in -> WebhookJson.shared().write(object(in, 3));
    }

    /**
     * Envelopes: a {@code triggerEvent} (mapped, unmapped or not a string) and a {@code payload},
     * each sometimes missing, among other fields.
     *
     * @return the generator
     */
    static Gen<byte[]> envelopes() {
        return in -> {
            Map<String, Object> envelope = object(in, 2);
            if (KIND.generate(in) > 0) {
                envelope.put("triggerEvent", TRIGGERS.get(TRIGGER.generate(in)));
            }
            if (KIND.generate(in) > 0) {
                envelope.put("payload", KIND.generate(in) > 1 ? object(in, 2) : value(in, 1));
            }
            return WebhookJson.shared().write(envelope);
        };
    }

    private static Map<String, Object> object(RandomnessSource in, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        int size = SIZE.generate(in);
        for (int i = 0; i < size; i++) {
            object.put(NAMES.get(NAME.generate(in)), value(in, depth - 1));
        }
        return object;
    }

    private static Object value(RandomnessSource in, int depth) {
        int kind = KIND.generate(in);
        if (depth > 0 && kind == 0) {
            return object(in, depth);
        }
        if (depth > 0 && kind == 1) {
            List<Object> array = new ArrayList<>();
            int size = SIZE.generate(in);
            for (int i = 0; i < size; i++) {
                array.add(value(in, depth - 1));
            }
            return array;
        }
        if (kind == 2) {
            return TEXT.generate(in);
        }
        return SCALARS.get(SCALAR.generate(in));
    }
}
