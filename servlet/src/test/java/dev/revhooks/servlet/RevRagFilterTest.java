package dev.revhooks.servlet;

import static dev.revhooks.servlet.WebhookHttp.assertRejected;
import static dev.revhooks.servlet.WebhookHttp.post;
import static dev.revhooks.servlet.WebhookHttp.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.revrag.RevRagEvent;
import dev.revhooks.revrag.RevRagSigner;
import dev.revhooks.revrag.RevRagWebhooks;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RevRag behind the filter, on a fixed clock: {@code t=…,v1=…} signatures, the 5-minute window
 * each way, and the unparseable-delivery handler.
 */
class RevRagFilterTest {

    private static final Instant NOW = Instant.parse("2026-05-27T03:07:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String SECRET_VALUE = "whsec_revrag_servlet_81f0c2aa";
    private static final Secret SECRET = Secret.of("revrag-current", SECRET_VALUE);
    private static final byte[] CALL_ENDED = utf8("""
            {
              "call_status": "ENDED",
              "call_id": "123e4567-e89b-12d3-a456-426614174000",
              "agent_id": "33333333-3333-3333-3333-333333333333",
              "summary": "User asked about their loan eligibility and was guided to the application.",
              "start_time": "2026-05-27T03:05:00+00:00",
              "end_time": "2026-05-27T03:06:12+00:00",
              "duration": 72,
              "disconnection_reason": "user_hangup",
              "custom_variables": [{ "key": "interested_in_loan", "type": "boolean", "value": true }],
              "app_user_id": "user_12345"
            }
            """);
    /** Authentic, but {@code call_id} is not a UUID. */
    private static final byte[] BAD_CALL_ID = utf8("""
            {"call_status":"ENDED","call_id":"not-a-uuid","agent_id":"33333333-3333-3333-3333-333333333333"}""");

    private static final RevRagSigner SIGNER = RevRagSigner.of(SECRET);
    private static final DeliveryApp APP = new DeliveryApp();
    private static final List<UnparseableDelivery> KEPT = new CopyOnWriteArrayList<>();
    private static JettyServer server;

    @BeforeAll
    static void start() throws Exception {
        RevRagWebhooks revrag = RevRagWebhooks.builder().secret(SECRET).clock(CLOCK).build();
        server = new JettyServer(Map.of(
                "/revrag", WebhookFilter.of(revrag),
                "/revrag/kept", WebhookFilter.builder(revrag).onUnparseableDelivery(KEPT::add).build()), APP);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> send(String path, WebhookRequest request) throws Exception {
        return post(server.uri(path), request);
    }

    @Test
    void aFreshSignedDeliveryReachesTheAppTyped() throws Exception {
        HttpResponse<String> response = send("/revrag", SIGNER.sign(CALL_ENDED, NOW.minusSeconds(2)));
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> echo = DeliveryApp.echo(response.body());
        assertThat(echo).containsEntry("event", "CallEnded").containsEntry("auth", "HMAC_SIGNATURE")
                .containsEntry("credential", "revrag-current").containsEntry("sameBytes", "true")
                .containsEntry("sameText", "true");
        assertThat(echo.get("key")).startsWith("revrag:signed-body:");
        RevRagEvent.CallEnded event = (RevRagEvent.CallEnded) APP.delivery(echo.get("key")).event();
        assertThat(event.call().appUserId()).isEqualTo("user_12345");
        assertThat(event.call().customVariables()).singleElement()
                .satisfies(variable -> assertThat(variable.booleanValue()).hasValue(true));
    }

    @Test
    void staleAndFutureTimestampsAre401AndTheWindowEdgesPass() throws Exception {
        Duration window = Duration.ofMinutes(5);
        assertThat(send("/revrag", SIGNER.sign(CALL_ENDED, NOW.minus(window))).statusCode()).isEqualTo(200);
        assertThat(send("/revrag", SIGNER.sign(CALL_ENDED, NOW.plus(window))).statusCode()).isEqualTo(200);

        int before = APP.calls();
        assertRejected(send("/revrag", SIGNER.sign(CALL_ENDED, NOW.minus(window).minusSeconds(1))),
                FailureReason.TIMESTAMP_OUT_OF_TOLERANCE, SECRET_VALUE);
        assertRejected(send("/revrag", SIGNER.sign(CALL_ENDED, NOW.minus(Duration.ofDays(3)))),
                FailureReason.TIMESTAMP_OUT_OF_TOLERANCE, SECRET_VALUE);
        assertRejected(send("/revrag", SIGNER.sign(CALL_ENDED, NOW.plus(window).plusSeconds(1))),
                FailureReason.TIMESTAMP_OUT_OF_TOLERANCE, SECRET_VALUE);
        assertThat(APP.calls()).isEqualTo(before);
    }

    @Test
    void forgedTamperedAndMissingSignaturesAre401() throws Exception {
        WebhookRequest signed = SIGNER.sign(CALL_ENDED, NOW);
        String expected = SIGNER.signatureHeader(CALL_ENDED, NOW);
        String expectedHex = expected.substring(expected.indexOf("v1=") + 3);
        WebhookRequest forged = RevRagSigner.of(Secret.of("whsec_attacker_guess")).sign(CALL_ENDED, NOW);
        // a replay moved to a fresh time: the signature covers t, so it no longer matches
        WebhookRequest retimed = WebhookHttp.replacing(WebhookHttp.replacing(signed, "X-Webhook-Signature",
                        expected.replace("t=" + NOW.getEpochSecond(), "t=" + (NOW.getEpochSecond() + 60))),
                "X-Webhook-Timestamp", Long.toString(NOW.getEpochSecond() + 60));
        int before = APP.calls();

        assertRejected(send("/revrag", forged), FailureReason.SIGNATURE_MISMATCH, SECRET_VALUE, expectedHex);
        assertRejected(send("/revrag", WebhookHttp.tampered(signed)), FailureReason.SIGNATURE_MISMATCH,
                SECRET_VALUE, expectedHex);
        assertRejected(send("/revrag", retimed), FailureReason.SIGNATURE_MISMATCH, SECRET_VALUE, expectedHex);
        assertRejected(send("/revrag", WebhookHttp.without(signed, "X-Webhook-Signature")),
                FailureReason.MISSING_SIGNATURE, SECRET_VALUE, expectedHex);
        assertRejected(send("/revrag", WebhookHttp.replacing(signed, "X-Webhook-Signature", "v1=" + expectedHex)),
                FailureReason.MISSING_TIMESTAMP, SECRET_VALUE, expectedHex);
        assertRejected(send("/revrag", WebhookHttp.replacing(signed, "X-Webhook-Signature", "t=" + NOW.getEpochSecond()
                + ",v1=" + expectedHex.substring(2))), FailureReason.MALFORMED_SIGNATURE, SECRET_VALUE, expectedHex);
        assertThat(APP.calls()).isEqualTo(before);
    }

    @Test
    void anUnparseableAuthenticDeliveryIsKeptAnd202() throws Exception {
        HttpResponse<String> response = send("/revrag/kept", SIGNER.sign(BAD_CALL_ID, NOW));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(KEPT).singleElement().satisfies(kept -> {
            assertThat(kept.vendor()).isEqualTo("revrag");
            assertThat(kept.rawBody()).isEqualTo(BAD_CALL_ID);
            assertThat(kept.reason()).contains("call_id");
            assertThat(kept.authentication()).isEqualTo(Authentication.hmacSignature("revrag-current"));
        });
        HttpResponse<String> plain = send("/revrag", SIGNER.sign(BAD_CALL_ID, NOW));
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).startsWith("delivery did not parse: ").contains("call_id");
        // a stale unparseable delivery is refused before parsing, so never kept
        assertRejected(send("/revrag/kept", SIGNER.sign(BAD_CALL_ID, NOW.minus(Duration.ofHours(1)))),
                FailureReason.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(KEPT).hasSize(1);
    }
}
