package dev.revhooks.jdbc.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.replay.InMemoryReplayGuard;
import dev.revhooks.core.testing.RecordingObserver;
import dev.revhooks.jdbc.Databases;
import dev.revhooks.jdbc.TableName;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revring.RevRingEvent;
import dev.revhooks.revring.RevRingSigner;
import dev.revhooks.revring.RevRingWebhooks;
import dev.revhooks.servlet.WebhookFilter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** WebhookFilter's inbox mode in a real Jetty over H2: what is answered, and what is stored. */
class InboxFilterTest {

    private static HikariDataSource pool;
    private static JdbcInbox inbox;

    @BeforeAll
    static void start() {
        pool = Databases.pool(Databases.newH2Url(), 4);
        inbox = JdbcInbox.builder(pool).createTableIfMissing().build();
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void aVerifiedDeliveryIsAnswered202OnceStoredAndARetryIsAcknowledgedWithoutASecondRow() throws Exception {
        try (InboxServer server = new InboxServer(WebhookFilter.builder(Deliveries.REVONT).inbox(inbox, RevontEvent::event).build())) {
            HttpResponse<String> first = server.post(Deliveries.signed(101));
            HttpResponse<String> retry = server.post(Deliveries.signed(101));

            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(first.body()).isEqualTo("stored\n");
            assertThat(retry.statusCode()).isEqualTo(202);
            assertThat(retry.body()).isEqualTo("already stored\n");
            assertThat(server.passedOn).hasValue(0);
            assertThat(rows("WHERE event_type = 'summary.ready' AND state = 'PENDING' AND delivery_key LIKE 'revont:summary.ready:%'"
                    + " AND auth_method = 'HMAC_SIGNATURE' AND credential_id = '" + Deliveries.SECRET.id() + "'")).isEqualTo(1);
        }
    }

    @Test
    void aRejectedDeliveryIsNotStored() throws Exception {
        try (InboxServer server = new InboxServer(WebhookFilter.builder(Deliveries.REVONT).inbox(inbox).build())) {
            WebhookRequest signed = Deliveries.signed(102);
            byte[] tampered = signed.body().clone();
            tampered[tampered.length - 2] ^= 1;
            long before = rows("");

            HttpResponse<String> answer = server.post(WebhookRequest.builder(tampered).headers(signed.headers()).build());

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).startsWith("SIGNATURE_MISMATCH");
            assertThat(rows("")).isEqualTo(before);
        }
    }

    @Test
    void anAuthenticBodyThatDoesNotParseIsStoredAsADeadLetterWithItsReason() throws Exception {
        try (InboxServer server = new InboxServer(WebhookFilter.builder(Deliveries.REVONT).inbox(inbox).build())) {
            byte[] body = "{\"event\":\"summary.ready\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"note\":\"NO-DATA-4411\"}"
                    .getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> answer = server.post(Deliveries.SIGNER.sign(body));

            assertThat(answer.statusCode()).isEqualTo(202);
            assertThat(rows("WHERE state = 'DEAD' AND event_type = 'unparseable' AND delivery_key LIKE 'revont:unparseable:%'"
                    + " AND last_error LIKE 'WebhookPayloadException: %data%'")).isEqualTo(1);
            assertThat(inbox.deadLetters(100)).anySatisfy(letter -> {
                assertThat(letter.eventType()).isEqualTo("unparseable");
                assertThat(letter.lastError()).doesNotContain("NO-DATA-4411");
            });
        }
    }

    @Test
    void aStoreThatCannotWriteGets503WithRetryAfterAndNothingIsPassedOn() throws Exception {
        JdbcInbox broken = JdbcInbox.builder(pool).table(TableName.of("missing_inbox")).build();
        RecordingObserver observer = new RecordingObserver();
        try (InboxServer server = new InboxServer(WebhookFilter.builder(Deliveries.REVONT).inbox(broken)
                .observer(observer, RevontEvent::type).build())) {
            HttpResponse<String> answer = server.post(Deliveries.signed(103));

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(answer.body()).isEqualTo("inbox unavailable; retry later\n");
            assertThat(server.passedOn).hasValue(0);
            assertThat(observer.lines()).containsExactly("answered revont SUMMARY_READY STORE_UNAVAILABLE");
        }
    }

    @Test
    void anUnparseableBodyTheStoreCannotWriteIsReportedStoreUnavailableWithoutAnEventType() throws Exception {
        JdbcInbox broken = JdbcInbox.builder(pool).table(TableName.of("missing_inbox")).build();
        RecordingObserver observer = new RecordingObserver();
        try (InboxServer server = new InboxServer(WebhookFilter.builder(Deliveries.REVONT).inbox(broken)
                .observer(observer, RevontEvent::type).build())) {
            byte[] body = "{\"event\":\"summary.ready\",\"timestamp\":\"2024-09-15T14:32:00Z\"}".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> answer = server.post(Deliveries.SIGNER.sign(body));

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(observer.lines()).containsExactly("answered revont - STORE_UNAVAILABLE");
        }
    }

    @Test
    void revRingsPreCallExchangeNeverGoesThroughTheInbox() throws Exception {
        Secret key = Secret.of("revring-key", "rk_live_inbox_4c1d8e");
        RevRingWebhooks revring = RevRingWebhooks.builder().apiKey(key).build();
        byte[] preCall = ("{\"event\":\"pre_call\",\"agentId\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\","
                + "\"fromNumber\":\"+15551234567\",\"toNumber\":\"+15557654321\",\"dialedAgentId\":null}")
                .getBytes(StandardCharsets.UTF_8);
        long before = rows("");
        try (InboxServer server = new InboxServer(WebhookFilter.<RevRingEvent>builder(revring).inbox(inbox).build())) {
            HttpResponse<String> answer = server.post(RevRingSigner.of(key).request(preCall));

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(server.passedOn).hasValue(1);
            assertThat(rows("")).isEqualTo(before);
        }
    }

    @Test
    void inboxModeAndAReplayGuardAreExclusive() {
        WebhookFilter.Builder<RevontEvent> builder = WebhookFilter.builder(Deliveries.REVONT).inbox(inbox)
                .replayGuard(InMemoryReplayGuard.builder().build());
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessage("choose inbox mode or a replay guard: the inbox de-duplicates by delivery key itself");
    }

    private static long rows(String where) {
        return Deliveries.count(pool, "SELECT COUNT(*) FROM revhooks_inbox " + where);
    }
}
