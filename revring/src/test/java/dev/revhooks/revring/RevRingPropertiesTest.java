package dev.revhooks.revring;

import static dev.revhooks.core.testing.ByteGen.ascii;
import static dev.revhooks.core.testing.ByteGen.bytes;
import static dev.revhooks.core.testing.ByteGen.flipBit;
import static dev.revhooks.core.testing.ByteGen.text;
import static dev.revhooks.core.testing.ByteGen.utf8;
import static dev.revhooks.revring.Fixtures.KEY;
import static dev.revhooks.revring.Fixtures.KEY_VALUE;
import static dev.revhooks.revring.Fixtures.json;
import static dev.revhooks.revring.Fixtures.keyed;
import static dev.revhooks.revring.Fixtures.receiver;
import static dev.revhooks.revring.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.HttpWhiteSpace;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.guard.PathTokenGuard;
import dev.revhooks.core.guard.SourceAddressGuard;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class RevRingPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String TOKEN_VALUE = "pt_3b9d1f7a2c5e8d0b";
    private static final Secret TOKEN = Secret.of(TOKEN_VALUE);

    /** Every documented field of both webhooks, the event field, and one the documents do not name. */
    private static final List<String> FIELDS = List.of("event", "id", "direction", "status", "fromNumber", "toNumber",
            "organizationId", "agentId", "recordingUrl", "hangupCause", "errorMessage", "transcript", "summary", "metrics",
            "initiatedAt", "startedAt", "endedAt", "durationSeconds", "agentName", "sipTrunkId", "agentCallerIdName",
            "variables", "createdAt", "updatedAt", "dialedAgentId", "somethingNew");

    private static final List<RevRingWebhooks> RECEIVERS = List.of(
            receiver(),
            RevRingWebhooks.builder().apiKey(KEY).serving(RevRingEventType.POST_CALL).build(),
            RevRingWebhooks.builder().apiKey(KEY).requestGuard(PathTokenGuard.queryParameter("token", TOKEN))
                    .requestGuard(SourceAddressGuard.allowing(List.of("203.0.113.0/24", "2001:db8::/32")).trustingProxyHops(1))
                    .build(),
            RevRingWebhooks.builder().requestGuard(PathTokenGuard.lastPathSegment(TOKEN))
                    .dangerouslyAuthenticateWithRequestGuardsOnly().build());

    /**
     * A key as a dashboard shows it: printable (no control characters, which a header could carry
     * only as a stray character, refused as malformed), without surrounding white space.
     */
    private static Gen<String> keys() {
        return ascii(1, 64).map(k -> k.chars().map(c -> HttpWhiteSpace.isForbidden(c) ? 'a' + c % 26 : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString())
                .assuming(k -> !k.isBlank() && k.strip().equals(k));
    }

    @Test
    void theRightKeyIsAcceptedWhateverTheBody() {
        qt().forAll(keys(), bytes(0, 2048)).checkAssert((key, body) -> {
            RevRingWebhooks webhooks = RevRingWebhooks.builder().apiKey(Secret.of("k", key)).build();
            try {
                assertThat(webhooks.verify(RevRingSigner.of(Secret.of(key)).request(body)).credentialId()).isEqualTo("k");
            } catch (WebhookVerificationException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void flippingAnyBitOfTheKeyRejects() {
        qt().forAll(keys(), integers().allPositive()).checkAssert((key, bit) -> {
            RevRingWebhooks webhooks = RevRingWebhooks.builder().apiKey(Secret.of(key)).build();
            String tampered = new String(flipBit(utf8(key), bit), StandardCharsets.UTF_8);
            WebhookRequest request = WebhookRequest.builder(new byte[0]).header("x-api-key", tampered).build();
            assertThatThrownBy(() -> webhooks.verify(request)).isInstanceOfSatisfying(WebhookVerificationException.class,
                    e -> assertThat(e.reason()).isIn(FailureReason.SIGNATURE_MISMATCH, FailureReason.MALFORMED_SIGNATURE));
        });
    }

    @Test
    void anyKeyDifferingInAnyByteOrLengthIsRejected() {
        RevRingWebhooks webhooks = receiver();
        Gen<String> candidates = Generate.oneOf(
                integers().between(1, KEY_VALUE.length()).map(cut -> KEY_VALUE.substring(0, KEY_VALUE.length() - cut)),
                ascii(1, 8).map(extra -> KEY_VALUE + extra),
                ascii(1, 8).map(extra -> extra + KEY_VALUE),
                integers().between(0, KEY_VALUE.length() - 1).zip(ascii(1, 1),
                        (at, c) -> KEY_VALUE.substring(0, at) + c + KEY_VALUE.substring(at + 1)),
                text(40));
        qt().forAll(candidates.assuming(c -> !HttpWhiteSpace.trim(c).equals(KEY_VALUE)
                && !HttpWhiteSpace.trim(c).equals(Fixtures.PREVIOUS_KEY_VALUE)))
                .checkAssert(candidate -> assertThatThrownBy(() -> webhooks.verify(
                        WebhookRequest.builder(new byte[0]).header("X-Api-Key", candidate).build()))
                        .isInstanceOf(WebhookVerificationException.class)
                        .hasMessageNotContaining(KEY_VALUE));
    }

    @Test
    void arbitraryRequestsNeverThrowAnythingButTheLibrarysExceptions() {
        Gen<String> headerNames = Generate.oneOf(Generate.pick(List.of("x-api-key", "X-API-KEY", "X-Forwarded-For",
                "content-type")), ascii(0, 12));
        Gen<String> headerValues = Generate.oneOf(Generate.pick(List.of(KEY_VALUE, "", " ", "203.0.113.9", "2001:db8::1, 1.2.3.4")),
                text(40));
        Gen<List<String[]>> headers = lists()
                .of(headerNames.zip(headerValues, (n, v) -> new String[] {n, v})).ofSizeBetween(0, 4);
        Gen<byte[]> bodies = Generate.oneOf(bytes(0, 300), Generate.pick(List.of(resource(Fixtures.COMPLETED),
                resource(Fixtures.PRE_CALL), resource(Fixtures.DOCUMENT_EXAMPLE), utf8("{}"), utf8("{\"event\":null}"))));
        Gen<String> paths = Generate.oneOf(Generate.pick(List.of("/hooks/pt_3b9d1f7a2c5e8d0b", "/", "")), text(30))
                .mix(Generate.constant((String) null));
        Gen<String> addresses = Generate.oneOf(Generate.pick(List.of("203.0.113.7", "2001:db8::5", "::ffff:203.0.113.1")),
                ascii(0, 20)).mix(Generate.constant((String) null));
        Gen<String> queries = Generate.oneOf(Generate.pick(List.of("token=pt_3b9d1f7a2c5e8d0b", "token=%zz&token")), text(20))
                .mix(Generate.constant((String) null));
        Gen<String[]> pathAndQuery = paths.zip(queries, (path, query) -> new String[] {path, query});
        qt().withExamples(500).forAll(headers, bodies, pathAndQuery, addresses).checkAssert((list, body, target, address) -> {
            WebhookRequest.Builder builder = WebhookRequest.builder(body).path(target[0]).query(target[1]).remoteAddress(address);
            list.forEach(h -> builder.header(h[0], h[1]));
            WebhookRequest request = builder.build();
            for (RevRingWebhooks webhooks : RECEIVERS) {
                try {
                    assertThat(webhooks.receive(request).event()).isNotNull();
                } catch (WebhookException e) {
                    assertThat(e.getMessage()).doesNotContain(KEY_VALUE).doesNotContain(TOKEN_VALUE);
                } catch (RuntimeException e) {
                    fail("a non-library exception escaped for " + request, e);
                }
            }
        });
    }

    @Test
    void arbitraryBytesWithTheRightKeyParseOrAreAPayloadError() {
        RevRingWebhooks webhooks = receiver();
        qt().forAll(bytes(0, 1024)).checkAssert(body -> {
            try {
                assertThat(webhooks.receive(keyed(body)).rawBody()).isSameAs(body);
            } catch (WebhookPayloadException e) {
                assertThat(e.rawBody()).isSameAs(body);
            } catch (WebhookException e) {
                fail("an authentic body is never a verification failure", e);
            }
        });
    }

    @Test
    void anyJsonObjectWithTheRightKeyParsesOrIsAPayloadError() {
        RevRingWebhooks webhooks = receiver();
        qt().withExamples(1000).forAll(jsonObjects()).checkAssert(object -> {
            byte[] body = json(object);
            JsonNode event = object.get("event");
            try {
                RevRingEvent parsed = webhooks.receive(keyed(body)).event();
                assertThat(event == null || event.isTextual()).isTrue();
                String name = event == null ? "post_call" : event.textValue();
                RevRingEventType expected = name.equals("pre_call") ? RevRingEventType.PRE_CALL
                        : name.equals("post_call") ? RevRingEventType.POST_CALL : RevRingEventType.UNKNOWN;
                assertThat(parsed.type()).isEqualTo(expected);
                if (parsed instanceof RevRingEvent.PostCall post) {
                    assertThat(post.call().id()).isNotNull();
                    assertThat(post.call().transcript()).isNotNull();
                }
            } catch (WebhookPayloadException e) {
                assertThat(e.rawBody()).isSameAs(body);
            } catch (WebhookException e) {
                fail("an authentic body is never a verification failure", e);
            }
        });
    }

    /** JSON objects over the documented fields, with plausible values mostly and anything sometimes. */
    private static Gen<ObjectNode> jsonObjects() {
        Gen<Integer> percent = integers().between(0, 99);
        return random -> {
            ObjectNode object = NODES.objectNode();
            for (String field : FIELDS) {
                if (percent.generate(random) < 90) {
                    object.set(field, percent.generate(random) < 93 ? plausible(field).generate(random)
                            : anyValue().generate(random));
                }
            }
            return object;
        };
    }

    private static Gen<JsonNode> plausible(String field) {
        switch (field) {
            case "event":
                return strings(List.of("pre_call", "post_call", "call_started"));
            case "id":
            case "agentId":
            case "dialedAgentId":
                return longs().all().zip(longs().all(), (a, b) -> NODES.textNode(new UUID(a, b).toString()));
            case "direction":
                return strings(List.of("INBOUND", "OUTBOUND", "<string>"));
            case "status":
                return strings(List.of("COMPLETED", "TRANSFERRED", "FAILED", "CANCELED", "<string>"));
            case "hangupCause":
                return strings(List.of("USER_ENDED", "END_CALL_TOOL", "SILENCE_TIMEOUT", "MAX_DURATION",
                        "VOICEMAIL_DETECTED", "<string>"));
            case "initiatedAt":
            case "startedAt":
            case "endedAt":
            case "createdAt":
            case "updatedAt":
                return strings(List.of("2023-11-07T05:31:56Z", "2026-03-02T16:02:07.5+01:00"));
            case "durationSeconds":
                return longs().all().map(n -> (JsonNode) NODES.numberNode(n));
            case "transcript":
                return Generate.constant(() -> (JsonNode) NODES.arrayNode().add(NODES.objectNode().put("role", "agent")));
            case "metrics":
            case "variables":
                return Generate.constant(() -> (JsonNode) NODES.objectNode().put("x", 1));
            default:
                return text(20).map(s -> (JsonNode) NODES.textNode(s));
        }
    }

    private static Gen<JsonNode> strings(List<String> values) {
        return Generate.pick(values).map(s -> (JsonNode) NODES.textNode(s));
    }

    private static Gen<JsonNode> anyValue() {
        return Generate.oneOf(
                text(20).map(s -> (JsonNode) NODES.textNode(s)),
                longs().all().map(n -> (JsonNode) NODES.numberNode(n)),
                doubles().between(-1e6, 1e6).map(d -> (JsonNode) NODES.numberNode(new BigDecimal(d))),
                booleans().all().map(b -> (JsonNode) NODES.booleanNode(b)),
                Generate.constant(() -> (JsonNode) NODES.nullNode()),
                Generate.constant(() -> (JsonNode) NODES.objectNode()),
                Generate.constant(() -> (JsonNode) NODES.arrayNode().addNull().add(NODES.arrayNode())));
    }
}
