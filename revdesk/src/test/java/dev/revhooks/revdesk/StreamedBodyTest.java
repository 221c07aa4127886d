package dev.revhooks.revdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.revhooks.core.WebhookException;
import dev.revhooks.core.json.WebhookJson;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The streaming fast path reads exactly what the tree path reads, or steps aside. */
class StreamedBodyTest {

    private static final WebhookJson JSON = WebhookJson.shared();

    private static final List<RevDeskEventType> TYPED = List.of(RevDeskEventType.NUMBER_PURCHASED,
            RevDeskEventType.NUMBER_RELEASED, RevDeskEventType.CALL_BUSY, RevDeskEventType.CALL_FAILED,
            RevDeskEventType.SMS_SENT, RevDeskEventType.SMS_FAILED);

    private static final List<String> FIELDS = List.of("triggerEvent", "createdAt", "payload", "id", "from_number",
            "to_number", "phone_number", "direction", "duration_seconds", "status", "failure_code", "failure_category",
            "disconnection_reason", "created_at", "contact_token", "provider_id", "error_message", "channel", "extra");

    private static final List<String> VALUES = List.of("null", "\"number.purchased\"", "\"number.released\"",
            "\"number.ported\"", "\"2026-06-30T19:30:00.000Z\"", "\"2026-06-30\"", "{\"id\":4821,\"status\":\"ACTIVE\"}",
            "{\"id\":\"4821\"}", "{}", "\"call_abc\"", "\"+15551234567\"", "\"outbound\"", "0", "12.5", "\"VOICEMAIL\"",
            "true", "[]", "{\"a\":1}", "\"\"", "9223372036854775808", "1e100", "1e101", "1e-999999999",
            "{\"a\":[1e999999999]}");

    @Test
    void theFastPathNeverDisagreesWithTheTreePath() {
        EventReader reader = new EventReader(JSON);
        qt().withExamples(3000).forAll(integers().between(0, TYPED.size() - 1),
                lists().of(integers().between(0, FIELDS.size() * VALUES.size() - 1)).ofSizeBetween(0, 7))
                .checkAssert((typeIndex, picks) -> {
                    RevDeskEventType type = TYPED.get(typeIndex);
                    StringBuilder json = new StringBuilder("{\"zz\":0");
                    Set<String> used = new HashSet<>();
                    for (int pick : picks) {
                        String field = FIELDS.get(pick % FIELDS.size());
                        if (used.add(field)) {
                            json.append(",\"").append(field).append("\":").append(VALUES.get(pick / FIELDS.size()));
                        }
                    }
                    byte[] body = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
                    RevDeskEvent fast = StreamedBody.read(JSON, type, body);
                    if (fast == null) {
                        return; // stepped aside
                    }
                    RevDeskEvent tree;
                    try {
                        tree = treePath(reader, type, body);
                    } catch (WebhookException e) {
                        throw new AssertionError("fast path accepted what the tree path refuses: " + json, e);
                    }
                    assertThat(fast).as(json.toString()).isEqualTo(tree);
                });
    }

    private static RevDeskEvent treePath(EventReader reader, RevDeskEventType type, byte[] body) throws WebhookException {
        return reader.readTree(type, body);
    }
}
