package dev.revhooks.servlet;

import static dev.revhooks.servlet.WebhookHttp.assertRejected;
import static dev.revhooks.servlet.WebhookHttp.post;
import static dev.revhooks.servlet.WebhookHttp.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.revring.PreCallRequest;
import dev.revhooks.revring.RevRingEvent;
import dev.revhooks.revring.RevRingEventType;
import dev.revhooks.revring.RevRingSigner;
import dev.revhooks.revring.RevRingWebhooks;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RevRing behind the filter: the {@code x-api-key} header (right, previous, wrong, missing, too
 * long), the post-call record, and the pre-call exchange answered downstream with
 * {@code PreCallAnswer} JSON.
 */
class RevRingFilterTest {

    private static final String KEY_VALUE = "rr_live_4b1d9e0c7a2f";
    private static final String PREVIOUS_KEY_VALUE = "rr_live_0aa3c5e1b8d4";
    private static final Secret KEY = Secret.of("current", KEY_VALUE);
    private static final Secret PREVIOUS_KEY = Secret.of("previous", PREVIOUS_KEY_VALUE);
    private static final UUID AGENT = UUID.fromString("5b2e9c4a-1f3d-4e6a-8b7c-9d0e1f2a3b4c");
    private static final byte[] POST_CALL = utf8("""
            {"id":"7d6f2c1e-5a4b-4c3d-9e8f-0a1b2c3d4e5f","direction":"INBOUND","status":"COMPLETED",\
            "fromNumber":"+14155550123","toNumber":"+14155550199","organizationId":"org_8Jx2kQ",\
            "agentId":"5b2e9c4a-1f3d-4e6a-8b7c-9d0e1f2a3b4c","hangupCause":"USER_ENDED","durationSeconds":127,\
            "transcript":[{"role":"agent","content":"Hi, this is Ava from Acme Dental.","timestamp":0.4}]}""");

    private static final RevRingSigner SIGNER = RevRingSigner.of(KEY);
    private static final DeliveryApp APP = new DeliveryApp();
    private static JettyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new JettyServer(Map.of(
                "/revring", WebhookFilter.of(RevRingWebhooks.builder().secrets(List.of(KEY, PREVIOUS_KEY)).build()),
                "/revring/post-call", WebhookFilter.of(RevRingWebhooks.builder().apiKey(KEY)
                        .serving(RevRingEventType.POST_CALL).build())), APP);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> send(String path, WebhookRequest request) throws Exception {
        return post(server.uri(path), request);
    }

    @Test
    void aPostCallRecordReachesTheAppTyped() throws Exception {
        HttpResponse<String> response = send("/revring", SIGNER.request(POST_CALL));
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> echo = DeliveryApp.echo(response.body());
        assertThat(echo).containsEntry("event", "PostCall").containsEntry("auth", "SHARED_KEY")
                .containsEntry("credential", "current").containsEntry("sameBytes", "true").containsEntry("sameText", "true");
        assertThat(echo.get("key")).startsWith("revring:post_call:");
        RevRingEvent.PostCall event = (RevRingEvent.PostCall) APP.delivery(echo.get("key")).event();
        assertThat(event.call().durationSeconds()).isEqualTo(127L);
        assertThat(event.call().fromNumber()).isEqualTo("+14155550123");

        HttpResponse<String> previous = send("/revring", RevRingSigner.of(PREVIOUS_KEY).request(POST_CALL));
        assertThat(DeliveryApp.echo(previous.body())).containsEntry("credential", "previous");
    }

    @Test
    void aPreCallIsAnsweredDownstreamWithPreCallAnswerJson() throws Exception {
        PreCallRequest direct = new PreCallRequest(AGENT, "+14155550123", "+14155550199", AGENT);
        HttpResponse<String> response = send("/revring", SIGNER.preCall(direct));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body())
                .isEqualTo("{\"variables\":{\"callerNumber\":\"+14155550123\",\"directDial\":true,\"bodyReread\":true}}");

        // the document's own body, sent twice: both answered (a pre-call is never a duplicate)
        byte[] documented = utf8("""
                {"event":"pre_call","agentId":"5b2e9c4a-1f3d-4e6a-8b7c-9d0e1f2a3b4c","fromNumber":"+14155550123",\
                "toNumber":"+14155550199","dialedAgentId":null}""");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> again = send("/revring", SIGNER.request(documented));
            assertThat(again.statusCode()).isEqualTo(200);
            ObjectNode answer = WebhookJson.shared().readObject(again.body().getBytes(StandardCharsets.UTF_8));
            assertThat(answer.get("variables").get("directDial").booleanValue()).isFalse();
        }
    }

    @Test
    void wrongMissingEmptyAndOverlongKeysAreRejected() throws Exception {
        WebhookRequest valid = SIGNER.request(POST_CALL);
        int before = APP.calls();
        try (LogCapture logs = new LogCapture()) {
            assertRejected(send("/revring", RevRingSigner.of(Secret.of("rr_live_guessed")).request(POST_CALL)),
                    FailureReason.SIGNATURE_MISMATCH, KEY_VALUE, PREVIOUS_KEY_VALUE, "rr_live_guessed");
            assertRejected(send("/revring", WebhookHttp.without(valid, "x-api-key")),
                    FailureReason.MISSING_SIGNATURE, KEY_VALUE, PREVIOUS_KEY_VALUE);
            assertRejected(send("/revring", WebhookHttp.replacing(valid, "x-api-key", "")),
                    FailureReason.MALFORMED_SIGNATURE, KEY_VALUE);
            assertRejected(send("/revring", WebhookHttp.replacing(valid, "x-api-key", KEY_VALUE + "x".repeat(9000))),
                    FailureReason.HEADER_TOO_LARGE, KEY_VALUE);
            assertThat(logs.records()).hasSize(4).allSatisfy(record -> assertThat(record)
                    .doesNotContain(KEY_VALUE).doesNotContain(PREVIOUS_KEY_VALUE).doesNotContain("rr_live_guessed"));
        }
        assertThat(APP.calls()).isEqualTo(before);
    }

    @Test
    void anEndpointServingPostCallOnlyRefusesAPreCallWith400() throws Exception {
        WebhookRequest preCall = SIGNER.preCall(new PreCallRequest(AGENT, "+14155550123", "+14155550199", null));
        assertRejected(send("/revring/post-call", preCall), FailureReason.EVENT_TYPE_MISMATCH, KEY_VALUE);
        assertThat(DeliveryApp.echo(send("/revring/post-call", SIGNER.request(POST_CALL)).body()))
                .containsEntry("event", "PostCall");
    }
}
