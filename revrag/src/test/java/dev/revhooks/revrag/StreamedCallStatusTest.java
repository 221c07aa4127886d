package dev.revhooks.revrag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.json.WebhookJson;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The streaming fast path reads exactly what the databind path reads, or steps aside. */
class StreamedCallStatusTest {

    private static final WebhookJson JSON = WebhookJson.shared();

    private static final List<String> FIELDS = List.of("call_status", "call_id", "agent_id", "summary", "start_time",
            "end_time", "duration", "disconnection_reason", "recording_url", "transcription", "custom_variables",
            "variables_fields", "app_user_id", "extra");

    private static final List<String> VALUES = List.of("null", "\"ENDED\"", "\"RUNNING\"",
            "\"123e4567-e89b-12d3-a456-426614174000\"", "\"Ej5FZ+ibEtOkVkJmFBdAAA==\"", "\"2026-05-27T03:05:00+00:00\"",
            "\"2026-05-27T03:05:00\"", "72", "72.50", "\"72\"", "true", "{}", "{\"plan\":\"gold\"}", "[]", "[null]",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"agent\"}]}", "{\"messages\":[null]}",
            "{\"messages\":[{\"content\":5}]}", "[{\"key\":\"k\",\"type\":\"boolean\",\"value\":true}]",
            "[{\"key\":\"k\",\"value\":null},{\"value\":{\"a\":[1.0]}}]", "[{\"key\":1}]", "\"\"", "1e100", "1e101",
            "1e-999999999", "[{\"key\":\"k\",\"value\":1e999999999}]", "[{\"key\":\"k\",\"value\":-1e-100}]");

    private static final String REQUIRED = "\"call_status\":\"ENDED\",\"call_id\":\"123e4567-e89b-12d3-a456-426614174000\","
            + "\"agent_id\":\"33333333-3333-3333-3333-333333333333\"";

    @Test
    void theFastPathNeverDisagreesWithDatabind() {
        qt().withExamples(3000).forAll(lists().of(integers().between(0, FIELDS.size() * VALUES.size() - 1)).ofSizeBetween(0, 6),
                integers().between(0, 1)).checkAssert((picks, base) -> {
                    StringBuilder json = new StringBuilder(base == 0 ? "{\"zz\":0" : "{" + REQUIRED);
                    Set<String> used = new HashSet<>();
                    for (int pick : picks) {
                        String field = FIELDS.get(pick % FIELDS.size());
                        if (used.add(field) && (base == 0 || !REQUIRED.contains("\"" + field + "\""))) {
                            json.append(",\"").append(field).append("\":").append(VALUES.get(pick / FIELDS.size()));
                        }
                    }
                    byte[] body = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
                    CallStatus fast = StreamedCallStatus.read(JSON, body);
                    if (fast == null) {
                        return; // stepped aside: databind decides
                    }
                    try {
                        assertThat(fast).as(json.toString()).isEqualTo(JSON.read(body, CallStatus.class));
                    } catch (WebhookPayloadException e) {
                        throw new AssertionError("fast path accepted what databind refuses: " + json, e);
                    }
                });
    }
}
