package dev.revhooks.revont;

import static dev.revhooks.revont.Fixtures.SIGNER;
import static dev.revhooks.revont.Fixtures.assertPayloadError;
import static dev.revhooks.revont.Fixtures.envelope;
import static dev.revhooks.revont.Fixtures.receiver;
import static dev.revhooks.revont.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revhooks.core.WebhookRequest;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading authentic bodies: every event type, unknown events and fields, and every payload error. */
class RevontEventsTest {

    private static final String AT = "2024-09-15T14:32:00Z";
    private static final Instant AT_INSTANT = Instant.parse(AT);

    private final RevontWebhooks revont = receiver();

    private RevontEvent receive(byte[] body) throws Exception {
        return revont.receive(SIGNER.sign(body)).event();
    }

    static Stream<Arguments> eventsWithRawData() {
        return Stream.of(
                Arguments.of("call.started", RevontEventType.CALL_STARTED, RevontEvent.CallStarted.class),
                Arguments.of("call.ended", RevontEventType.CALL_ENDED, RevontEvent.CallEnded.class),
                Arguments.of("action_item.created", RevontEventType.ACTION_ITEM_CREATED, RevontEvent.ActionItemCreated.class),
                Arguments.of("action_item.completed", RevontEventType.ACTION_ITEM_COMPLETED,
                        RevontEvent.ActionItemCompleted.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsWithRawData")
    void eventsWithoutDocumentedDataExposeCallIdAndTheRawData(String name, RevontEventType type,
                                                             Class<? extends RevontEvent> recordType) throws Exception {
        RevontEvent event = receive(envelope(name, AT, "{\"call_id\":\"call_abc123\",\"item\":{\"text\":\"Send deck\"}}"));

        assertThat(event).isExactlyInstanceOf(recordType);
        assertThat(event.type()).isEqualTo(type);
        assertThat(type.wireName()).isEqualTo(name);
        assertThat(event.event()).isEqualTo(name);
        assertThat(event.timestamp()).isEqualTo(AT_INSTANT);
        assertThat(callId(event)).isEqualTo("call_abc123");
        JsonNode data = rawData(event);
        assertThat(data.get("call_id").textValue()).isEqualTo("call_abc123");
        assertThat(data.get("item").get("text").textValue()).isEqualTo("Send deck");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsWithRawData")
    void aMissingOrNullCallIdIsNull(String name, RevontEventType type, Class<? extends RevontEvent> recordType)
            throws Exception {
        assertThat(callId(receive(envelope(name, AT, "{}")))).isNull();
        assertThat(callId(receive(envelope(name, AT, "{\"call_id\":null}")))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsWithRawData")
    void aCallIdThatIsNotAStringIsAPayloadError(String name, RevontEventType type, Class<? extends RevontEvent> recordType) {
        for (String callId : new String[] {"42", "true", "{}", "[\"call_abc123\"]"}) {
            byte[] body = envelope(name, AT, "{\"call_id\":" + callId + "}");
            assertPayloadError(() -> receive(body), body).hasMessageContaining("call_id");
        }
    }

    private static String callId(RevontEvent event) {
        if (event instanceof RevontEvent.CallStarted e) {
            return e.callId();
        } else if (event instanceof RevontEvent.CallEnded e) {
            return e.callId();
        } else if (event instanceof RevontEvent.ActionItemCreated e) {
            return e.callId();
        } else if (event instanceof RevontEvent.ActionItemCompleted e) {
            return e.callId();
        }
        throw new AssertionError("no call id on " + event);
    }

    private static JsonNode rawData(RevontEvent event) {
        if (event instanceof RevontEvent.CallStarted e) {
            return e.data();
        } else if (event instanceof RevontEvent.CallEnded e) {
            return e.data();
        } else if (event instanceof RevontEvent.ActionItemCreated e) {
            return e.data();
        } else if (event instanceof RevontEvent.ActionItemCompleted e) {
            return e.data();
        } else if (event instanceof RevontEvent.Unknown e) {
            return e.data();
        }
        throw new AssertionError("no raw data on " + event);
    }

    @ParameterizedTest
    @ValueSource(strings = {"call.transferred", "Summary.Ready", "summary.ready ", "", "call_started"})
    void anUnknownEventKeepsItsNameTimestampAndData(String name) throws Exception {
        RevontEvent event = receive(envelope(name, AT, "{\"call_id\":7,\"new\":[1,2]}"));

        assertThat(event).isInstanceOf(RevontEvent.Unknown.class);
        assertThat(event.type()).isEqualTo(RevontEventType.UNKNOWN);
        assertThat(event.event()).isEqualTo(name);
        assertThat(event.timestamp()).isEqualTo(AT_INSTANT);
        assertThat(rawData(event).get("new").get(1).intValue()).isEqualTo(2);
        assertThat(RevontEventType.UNKNOWN.wireName()).isNull();
    }

    @Test
    void anUnknownEventsDeliveryKeyUsesItsName() throws Exception {
        byte[] body = envelope("call.transferred", AT, "{}");
        assertThat(revont.receive(SIGNER.sign(body)).deliveryKey().value()).startsWith("revont:call.transferred:");
    }

    @Test
    void unknownFieldsAreIgnoredEverywhere() throws Exception {
        byte[] body = utf8("{\"id\":\"evt_1\",\"event\":\"summary.ready\",\"timestamp\":\"" + AT + "\",\"version\":2,"
                + "\"data\":{\"call_id\":\"c\",\"coaching_score\":82,\"talk_ratio\":0.4,\"topics\":[\"pricing\"]}}");
        RevontEvent.SummaryReady ready = (RevontEvent.SummaryReady) receive(body);
        assertThat(ready.data()).isEqualTo(new SummaryReadyData("c", null, null, null, null, 82));
    }

    @Test
    void summaryReadyFieldsAreAllOptional() throws Exception {
        RevontEvent.SummaryReady ready = (RevontEvent.SummaryReady) receive(envelope("summary.ready", AT, "{}"));
        assertThat(ready.data()).isEqualTo(new SummaryReadyData(null, null, null, null, null, null));
        RevontEvent.SummaryReady nulls = (RevontEvent.SummaryReady) receive(envelope("summary.ready", AT,
                "{\"call_id\":null,\"rep_id\":null,\"prospect_email\":null,\"duration_seconds\":null,"
                        + "\"summary_url\":null,\"coaching_score\":null}"));
        assertThat(nulls.data()).isEqualTo(ready.data());
    }

    @ParameterizedTest
    @ValueSource(ints = {-5, 0, 100, 101, 150, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void aCoachingScoreOutsideItsDocumentedRangeIsKeptAsSent(int score) throws Exception {
        RevontEvent.SummaryReady ready = (RevontEvent.SummaryReady) receive(
                envelope("summary.ready", AT, "{\"coaching_score\":" + score + "}"));
        assertThat(ready.data().coachingScore()).isEqualTo(score);
    }

    @Test
    void valuesAreKeptAsSent() throws Exception {
        RevontEvent.SummaryReady ready = (RevontEvent.SummaryReady) receive(envelope("summary.ready", AT,
                "{\"prospect_email\":\"not an email\",\"summary_url\":\"::not a url\",\"duration_seconds\":-1,"
                        + "\"call_id\":\"\",\"rep_id\":\"Ünïcødé ✓\"}"));
        assertThat(ready.data()).isEqualTo(new SummaryReadyData("", "Ünïcødé ✓", "not an email", -1L, "::not a url", null));
        RevontEvent.SummaryReady big = (RevontEvent.SummaryReady) receive(envelope("summary.ready", AT,
                "{\"duration_seconds\":" + Long.MAX_VALUE + "}"));
        assertThat(big.data().durationSeconds()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"coaching_score\":\"82\"}",
        "{\"coaching_score\":82.5}",
        "{\"coaching_score\":82.0}",
        "{\"coaching_score\":1e2}",
        "{\"coaching_score\":2147483648}",
        "{\"coaching_score\":true}",
        "{\"duration_seconds\":2847.5}",
        "{\"duration_seconds\":\"2847\"}",
        "{\"duration_seconds\":9223372036854775808}",
        "{\"call_id\":42}",
        "{\"rep_id\":{}}",
        "{\"prospect_email\":true}",
        "{\"summary_url\":[\"https://app.revont.ai\"]}",
    })
    void aMistypedSummaryReadyFieldIsAPayloadErrorNamingTheField(String data) {
        byte[] body = envelope("summary.ready", AT, data);
        String field = data.substring(2, data.indexOf('"', 2));
        assertPayloadError(() -> receive(body), body).hasMessageContaining("data").hasMessageContaining(field);
    }

    static Stream<Arguments> brokenEnvelopes() {
        return Stream.of(
                Arguments.of("{\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":{}}", "event"),
                Arguments.of("{\"event\":null,\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":{}}", "event"),
                Arguments.of("{\"event\":3,\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":{}}", "event"),
                Arguments.of("{\"event\":[\"call.ended\"],\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":{}}", "event"),
                Arguments.of("{\"event\":\"call.ended\",\"data\":{}}", "timestamp"),
                Arguments.of("{\"event\":\"call.ended\",\"timestamp\":null,\"data\":{}}", "timestamp"),
                Arguments.of("{\"event\":\"call.ended\",\"timestamp\":1726410720,\"data\":{}}", "timestamp"),
                Arguments.of("{\"event\":\"call.ended\",\"timestamp\":\"2024-09-15T14:32:00Z\"}", "data"),
                Arguments.of("{\"event\":\"call.ended\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":null}", "data"),
                Arguments.of("{\"event\":\"call.ended\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":[]}", "data"),
                Arguments.of("{\"event\":\"call.ended\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":\"{}\"}", "data"),
                Arguments.of("{\"event\":\"call.transferred\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":7}", "data"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("brokenEnvelopes")
    void aMissingOrMistypedEnvelopeFieldIsAPayloadErrorNamingIt(String json, String field) {
        byte[] body = utf8(json);
        assertPayloadError(() -> receive(body), body).hasMessageContaining("'" + field + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1726410720",
        "1726410720.5",
        "2024-09-15T14:32:00",
        "2024-09-15",
        "14:32:00Z",
        "2024-09-15 14:32:00Z",
        "2024-09-15T14:32:00+0200",
        "2024-09-15T25:00:00Z",
        "2024-02-30T14:32:00Z",
        "yesterday",
        "",
    })
    void aTimestampThatIsNotAnIso8601DateTimeWithOffsetIsAPayloadError(String timestamp) {
        byte[] body = envelope("call.ended", timestamp, "{}");
        assertPayloadError(() -> receive(body), body).hasMessageContaining("'timestamp'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-09-15T16:32:00+02:00", "2024-09-15T09:32:00-05:00", "2024-09-15t14:32:00z",
        "2024-09-15T14:32Z", "2024-09-15T14:32:00.000Z"})
    void timestampsWithAnyOffsetAreNormalisedToUtc(String timestamp) throws Exception {
        assertThat(receive(envelope("call.ended", timestamp, "{}")).timestamp()).isEqualTo(AT_INSTANT);
    }

    @Test
    void fractionsOfASecondAreKept() throws Exception {
        assertThat(receive(envelope("call.ended", "2024-09-15T14:32:00.123456789Z", "{}")).timestamp())
                .isEqualTo(Instant.parse("2024-09-15T14:32:00.123456789Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[]", "\"summary.ready\"", "null", "{", "{\"event\":\"call.ended\"} {}",
        "{\"event\":\"call.ended\",\"event\":\"call.started\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":{}}"})
    void aBodyThatIsNotOneJsonObjectIsAPayloadError(String json) {
        byte[] body = utf8(json);
        assertPayloadError(() -> receive(body), body);
    }

    @Test
    void parseReadsAVerifiedRequestOnItsOwn() throws Exception {
        WebhookRequest request = SIGNER.sign(envelope("call.started", AT, "{\"call_id\":\"c1\"}"));
        revont.verify(request);
        assertThat(revont.parse(request)).isEqualTo(receive(request.body()));
        byte[] broken = utf8("{\"event\":\"call.started\"}");
        assertPayloadError(() -> revont.parse(WebhookRequest.builder(broken).build()), broken);
    }
}
