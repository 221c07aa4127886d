package dev.revhooks.revring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.json.WebhookJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming fast path reads exactly what the databind path reads, or steps aside. */
class StreamedBodyTest {

    private static final WebhookJson JSON = WebhookJson.shared();

    private static final List<String> FIELDS = List.of("event", "id", "direction", "status", "fromNumber", "toNumber",
            "organizationId", "agentId", "dialedAgentId", "recordingUrl", "hangupCause", "errorMessage", "transcript",
            "summary", "metrics", "initiatedAt", "startedAt", "endedAt", "durationSeconds", "agentName", "sipTrunkId",
            "agentCallerIdName", "variables", "createdAt", "updatedAt", "extra");

    private static final List<String> VALUES = List.of("null", "\"pre_call\"", "\"post_call\"", "\"other\"",
            "\"3c90c3cc-0d44-4b50-8888-8dd25736052a\"", "\"INBOUND\"", "\"COMPLETED\"", "\"<string>\"", "\"+15551234567\"",
            "\"2023-11-07T05:31:56Z\"", "\"2023-11-07T05:31:56\"", "123", "1.5", "true", "{}", "{\"a\":[1]}", "[]",
            "[{}]", "[null]", "[1,\"a\"]", "\"\"", "1e100", "1e101", "1e-999999999", "{\"a\":[1e999999999]}");

    private static final String POST_CALL = "{\"id\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\"direction\":\"INBOUND\","
            + "\"status\":\"COMPLETED\",\"fromNumber\":\"+1\",\"toNumber\":\"+2\",\"organizationId\":\"o\","
            + "\"agentId\":\"3c90c3cc-0d44-4b50-8888-8dd25736052b\"";

    /** What the databind path makes of a body, or null when it refuses it. */
    private static RevRingEvent databind(byte[] body) {
        try {
            ObjectNode tree = JSON.readObject(body);
            if (!tree.has("event") || "post_call".equals(tree.get("event").asText(null)) && tree.get("event").isTextual()) {
                return new RevRingEvent.PostCall(JSON.convert(tree, CallRecord.class, body));
            }
            if (tree.get("event").isTextual() && tree.get("event").textValue().equals("pre_call")) {
                return new RevRingEvent.PreCall(JSON.convert(tree, PreCallRequest.class, body));
            }
            return null;
        } catch (WebhookPayloadException e) {
            return null;
        }
    }

    @Test
    void theFastPathNeverDisagreesWithDatabind() {
        qt().withExamples(3000).forAll(lists().of(integers().between(0, FIELDS.size() * VALUES.size() - 1)).ofSizeBetween(0, 6),
                integers().between(0, 1)).checkAssert((picks, base) -> {
                    StringBuilder json = new StringBuilder(base == 0 ? "{\"zz\":0" : POST_CALL);
                    java.util.Set<String> used = new java.util.HashSet<>();
                    for (int pick : picks) {
                        String field = FIELDS.get(pick % FIELDS.size());
                        if (used.add(field) && (base == 0 || !POST_CALL.contains("\"" + field + "\""))) {
                            json.append(",\"").append(field).append("\":").append(VALUES.get(pick / FIELDS.size()));
                        }
                    }
                    byte[] body = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
                    RevRingEvent fast = StreamedBody.read(JSON, body); // null: stepped aside, the tree path decides
                    if (fast != null) {
                        assertThat(fast).as(json.toString()).isEqualTo(databind(body));
                    }
                });
    }
}
