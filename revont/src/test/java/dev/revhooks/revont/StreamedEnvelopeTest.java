package dev.revhooks.revont;

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

/** The streaming envelope reader builds exactly the events the tree path builds, or steps aside. */
class StreamedEnvelopeTest {

    private static final WebhookJson JSON = WebhookJson.shared();

    private static final List<String> DATA_FIELDS = List.of("call_id", "rep_id", "prospect_email", "duration_seconds",
            "summary_url", "coaching_score", "extra");

    private static final List<String> VALUES = List.of("null", "\"call_abc123\"", "\"\"", "2847", "82", "2147483648",
            "82.5", "\"82\"", "true", "{}", "[1]", "-1", "1e100", "1e101", "1e-999999999", "{\"a\":[1e999999999]}");

    private static final List<String> EVENTS = List.of("\"summary.ready\"", "\"call.ended\"", "\"call.started\"",
            "\"action_item.created\"", "\"new.event\"", "7", "null");

    private static final List<String> TIMESTAMPS = List.of("\"2024-09-15T14:32:00Z\"", "\"2024-09-15T16:32:00+02:00\"",
            "\"2024-09-15T14:32:00\"", "1726410720");

    @Test
    void theStreamingPathNeverDisagreesWithTheTreePath() {
        qt().withExamples(3000).forAll(integers().between(0, EVENTS.size() - 1), integers().between(0, TIMESTAMPS.size() - 1),
                integers().between(0, 2),
                lists().of(integers().between(0, DATA_FIELDS.size() * VALUES.size() - 1)).ofSizeBetween(0, 5))
                .checkAssert((event, timestamp, order, picks) -> {
                    StringBuilder data = new StringBuilder("{");
                    Set<String> used = new HashSet<>();
                    for (int pick : picks) {
                        String field = DATA_FIELDS.get(pick % DATA_FIELDS.size());
                        if (used.add(field)) {
                            data.append(data.length() == 1 ? "" : ",").append('"').append(field).append("\":")
                                    .append(VALUES.get(pick / DATA_FIELDS.size()));
                        }
                    }
                    data.append('}');
                    String e = "\"event\":" + EVENTS.get(event);
                    String t = "\"timestamp\":" + TIMESTAMPS.get(timestamp);
                    String d = "\"data\":" + data;
                    String json = switch (order) {
                        case 0 -> "{" + e + "," + t + "," + d + "}";
                        case 1 -> "{" + d + "," + e + "," + t + "}";
                        default -> "{" + t + "," + d + "}";
                    };
                    byte[] body = json.getBytes(StandardCharsets.UTF_8);
                    RevontEvent streamed;
                    try {
                        streamed = RevontEnvelope.readStreaming(JSON, body).toEvent(JSON, body);
                    } catch (WebhookPayloadException stepAside) {
                        return;
                    }
                    try {
                        assertThat(streamed).as(json).isEqualTo(RevontEnvelope.readTree(JSON, body).toEvent(JSON, body));
                    } catch (WebhookPayloadException refused) {
                        throw new AssertionError("streaming accepted what the tree path refuses: " + json, refused);
                    }
                });
    }
}
