package dev.revhooks.servlet;

import static dev.revhooks.servlet.WebhookHttp.assertRejected;
import static dev.revhooks.servlet.WebhookHttp.post;
import static dev.revhooks.servlet.WebhookHttp.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.guard.PathTokenGuard;
import dev.revhooks.core.guard.SourceAddressGuard;
import dev.revhooks.core.replay.InMemoryReplayGuard;
import dev.revhooks.revdesk.RevDeskEvent;
import dev.revhooks.revdesk.RevDeskEventType;
import dev.revhooks.revdesk.RevDeskSigner;
import dev.revhooks.revdesk.RevDeskWebhooks;
import jakarta.servlet.Filter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RevDesk behind the filter: one URL per subscribed event type, signed lifecycle envelopes,
 * unsigned flat events refused by default and accepted by opt-in behind a path token, a query
 * token or a source-address allowlist that the filter feeds with the request's path, query and
 * remote address.
 */
class RevDeskFilterTest {

    private static final String SIGNING_VALUE = "whsec_revdesk_servlet_signing_7c41";
    private static final Secret SIGNING = Secret.of("revdesk-signing", SIGNING_VALUE);
    private static final String PATH_TOKEN = "pt_3f9c81d2e6a04b57";
    private static final String QUERY_TOKEN = "qt_a81c5e02f7d94b36";

    private static final byte[] NUMBER_PURCHASED = utf8("""
            {"triggerEvent":"number.purchased","createdAt":"2026-06-30T19:30:00.000Z",\
            "payload":{"id":4821,"phone_number":"+15551234567","area_code":"555","status":"ACTIVE","organization_id":"org_1"}}""");
    private static final byte[] NUMBER_RELEASED = utf8("""
            {"triggerEvent":"number.released","createdAt":"2026-06-30T19:31:00.000Z",\
            "payload":{"id":4821,"phone_number":"+15551234567","area_code":"555","status":"RELEASED","organization_id":"org_1"}}""");
    private static final byte[] CALL = utf8("""
            {"id":"call_abc123","from_number":"+15551234567","to_number":"+15557654321","direction":"outbound",\
            "duration_seconds":0,"status":"VOICEMAIL","failure_code":"voicemail_reached","failure_category":"voicemail",\
            "disconnection_reason":null,"created_at":"2026-06-30T19:30:00.000Z"}""");
    private static final byte[] SMS = utf8("""
            {"id":"msg_uuid","phone_number":"+15557654321","from_number":"+15551234567","direction":"outbound",\
            "status":"delivered","contact_token":"ct_1","provider_id":"pr_1","error_message":null,"channel":"sms",\
            "created_at":"2026-06-30T19:30:00.000Z"}""");

    private static final RevDeskSigner SIGNER = RevDeskSigner.of(SIGNING);
    private static final DeliveryApp APP = new DeliveryApp();
    private static final List<UnparseableDelivery> KEPT = new CopyOnWriteArrayList<>();
    private static JettyServer server;

    @BeforeAll
    static void start() throws Exception {
        UnaryOperator<RevDeskWebhooks.Builder> unsigned = b -> b.acceptUnauthenticatedUnsignedEvents();
        Map<String, Filter> filters = Map.ofEntries(
                Map.entry("/revdesk/number_purchased", filter(RevDeskEventType.NUMBER_PURCHASED, b -> b.secret(SIGNING))),
                Map.entry("/revdesk/number_released", filter(RevDeskEventType.NUMBER_RELEASED, b -> b.secret(SIGNING))),
                Map.entry("/revdesk/no-secret/number_released", filter(RevDeskEventType.NUMBER_RELEASED,
                        b -> b.secret(SIGNING).acceptUnauthenticatedNoSecretProvided())),
                Map.entry("/revdesk/call_busy", filter(RevDeskEventType.CALL_BUSY, b -> b.secret(SIGNING))),
                Map.entry("/revdesk/call_voicemail", filter(RevDeskEventType.CALL_VOICEMAIL, unsigned)),
                Map.entry("/revdesk/call_no_answer/*", filter(RevDeskEventType.CALL_NO_ANSWER, b -> unsigned.apply(b)
                        .requestGuard(PathTokenGuard.lastPathSegment(Secret.of(PATH_TOKEN))))),
                Map.entry("/revdesk/sms_delivered", filter(RevDeskEventType.SMS_DELIVERED, b -> unsigned.apply(b)
                        .requestGuard(PathTokenGuard.queryParameter("token", Secret.of(QUERY_TOKEN))))),
                Map.entry("/revdesk/sms_failed", filter(RevDeskEventType.SMS_FAILED, b -> unsigned.apply(b)
                        .requestGuard(SourceAddressGuard.allowing(List.of("127.0.0.1/32"))))),
                Map.entry("/revdesk/sms_sent", filter(RevDeskEventType.SMS_SENT, b -> unsigned.apply(b)
                        .requestGuard(SourceAddressGuard.allowing(List.of("203.0.113.0/24", "2001:db8::/32"))))),
                Map.entry("/revdesk/kept/number_purchased", WebhookFilter.builder(RevDeskWebhooks.builder()
                        .subscribedTo(RevDeskEventType.NUMBER_PURCHASED).secret(SIGNING).build())
                        .onUnparseableDelivery(KEPT::add).build()),
                Map.entry("/revdesk/kept/sms_failed", WebhookFilter.builder(RevDeskWebhooks.builder()
                        .subscribedTo(RevDeskEventType.SMS_FAILED).acceptUnauthenticatedUnsignedEvents()
                        .requestGuard(SourceAddressGuard.allowing(List.of("127.0.0.1/32"))).build())
                        .onUnparseableDelivery(KEPT::add).build()),
                Map.entry("/revdesk/once/number_purchased", WebhookFilter.builder(RevDeskWebhooks.builder()
                        .subscribedTo(RevDeskEventType.NUMBER_PURCHASED).secret(SIGNING).build())
                        .replayGuard(InMemoryReplayGuard.builder().build()).build()),
                Map.entry("/revdesk/once/call_failed", WebhookFilter.builder(RevDeskWebhooks.builder()
                        .subscribedTo(RevDeskEventType.CALL_FAILED).secret(SIGNING).acceptUnauthenticatedUnsignedEvents().build())
                        .replayGuard(InMemoryReplayGuard.builder().build()).build()));
        server = new JettyServer(filters, APP);
    }

    private static Filter filter(RevDeskEventType type, UnaryOperator<RevDeskWebhooks.Builder> config) {
        return WebhookFilter.of(config.apply(RevDeskWebhooks.builder().subscribedTo(type)).build());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> send(String pathAndQuery, WebhookRequest request) throws Exception {
        return post(server.uri(pathAndQuery), request);
    }

    @Test
    void eachSubscribedTypeUrlGetsItsOwnTypedEvent() throws Exception {
        HttpResponse<String> purchased = send("/revdesk/number_purchased", SIGNER.request(NUMBER_PURCHASED));
        assertThat(purchased.statusCode()).isEqualTo(200);
        Map<String, String> echo = DeliveryApp.echo(purchased.body());
        assertThat(echo).containsEntry("event", "NumberPurchased").containsEntry("auth", "HMAC_SIGNATURE")
                .containsEntry("credential", "revdesk-signing").containsEntry("sameBytes", "true")
                .containsEntry("sameText", "true").containsEntry("contentLength", Integer.toString(NUMBER_PURCHASED.length));
        assertThat(echo.get("key")).startsWith("revdesk:number_purchased:");
        RevDeskEvent.NumberPurchased event = (RevDeskEvent.NumberPurchased) APP.delivery(echo.get("key")).event();
        assertThat(event.envelope().payload().phoneNumber()).isEqualTo("+15551234567");

        HttpResponse<String> released = send("/revdesk/number_released", SIGNER.request(NUMBER_RELEASED));
        assertThat(DeliveryApp.echo(released.body())).containsEntry("event", "NumberReleased");

        // the same flat body is a different event on each URL: the URL says which type it is
        HttpResponse<String> voicemail = send("/revdesk/call_voicemail", RevDeskSigner.unsignedRequest(CALL));
        HttpResponse<String> noAnswer = send("/revdesk/call_no_answer/" + PATH_TOKEN, RevDeskSigner.unsignedRequest(CALL));
        assertThat(DeliveryApp.echo(voicemail.body())).containsEntry("event", "CallVoicemail");
        assertThat(DeliveryApp.echo(noAnswer.body())).containsEntry("event", "CallNoAnswer");
        assertThat(DeliveryApp.echo(voicemail.body()).get("key")).startsWith("revdesk:call_voicemail:");
        assertThat(DeliveryApp.echo(noAnswer.body()).get("key")).startsWith("revdesk:call_no_answer:");
    }

    @Test
    void aLifecycleEnvelopeOnAnotherTypesUrlIs400() throws Exception {
        int before = APP.calls();
        assertRejected(send("/revdesk/number_purchased", SIGNER.request(NUMBER_RELEASED)),
                FailureReason.EVENT_TYPE_MISMATCH, SIGNING_VALUE);
        assertRejected(send("/revdesk/number_released", SIGNER.request(NUMBER_PURCHASED)),
                FailureReason.EVENT_TYPE_MISMATCH, SIGNING_VALUE);
        assertThat(APP.calls()).isEqualTo(before);
    }

    @Test
    void forgedTamperedMissingAndMalformedSignaturesAre401() throws Exception {
        String expected = SIGNER.signature(NUMBER_PURCHASED);
        WebhookRequest signed = SIGNER.request(NUMBER_PURCHASED);
        WebhookRequest forged = RevDeskSigner.of(Secret.of("whsec_not_the_subscription_secret")).request(NUMBER_PURCHASED);
        int before = APP.calls();

        assertRejected(send("/revdesk/number_purchased", forged), FailureReason.SIGNATURE_MISMATCH, SIGNING_VALUE, expected);
        assertRejected(send("/revdesk/number_purchased", WebhookHttp.tampered(signed)),
                FailureReason.SIGNATURE_MISMATCH, SIGNING_VALUE, expected);
        assertRejected(send("/revdesk/number_purchased", WebhookHttp.without(signed, RevDeskWebhooks.SIGNATURE_HEADER)),
                FailureReason.MISSING_SIGNATURE, SIGNING_VALUE, expected);
        assertRejected(send("/revdesk/number_purchased",
                        WebhookHttp.replacing(signed, RevDeskWebhooks.SIGNATURE_HEADER, "sha256=" + expected)),
                FailureReason.MALFORMED_SIGNATURE, SIGNING_VALUE, expected);
        // a signed delivery on an unsigned family's URL must verify too
        assertRejected(send("/revdesk/call_busy", WebhookHttp.withBody(SIGNER.request(CALL), SMS)),
                FailureReason.SIGNATURE_MISMATCH, SIGNING_VALUE);
        assertThat(APP.calls()).isEqualTo(before);
    }

    @Test
    void noSecretProvidedIsRefusedUnlessOptedIn() throws Exception {
        WebhookRequest noSecret = RevDeskSigner.withoutSigningSecret().request(NUMBER_RELEASED);
        assertRejected(send("/revdesk/number_released", noSecret), FailureReason.NO_SECRET_CONFIGURED_AT_SENDER);

        HttpResponse<String> accepted = send("/revdesk/no-secret/number_released", noSecret);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(DeliveryApp.echo(accepted.body())).containsEntry("event", "NumberReleased")
                .containsEntry("auth", "NONE").containsEntry("credential", "-");
    }

    @Test
    void unsignedEventsAreRefusedByDefaultAndAcceptedByOptIn() throws Exception {
        assertRejected(send("/revdesk/call_busy", RevDeskSigner.unsignedRequest(CALL)),
                FailureReason.UNSIGNED_DELIVERY_NOT_ALLOWED);
        // an unsigned lifecycle event is never accepted: RevDesk always signs those
        assertRejected(send("/revdesk/number_purchased", RevDeskSigner.unsignedRequest(NUMBER_PURCHASED)),
                FailureReason.MISSING_SIGNATURE);
        // a signed delivery is accepted on an unsigned family's URL
        HttpResponse<String> signedBusy = send("/revdesk/call_busy", SIGNER.request(CALL));
        assertThat(DeliveryApp.echo(signedBusy.body())).containsEntry("event", "CallBusy")
                .containsEntry("auth", "HMAC_SIGNATURE");

        HttpResponse<String> optedIn = send("/revdesk/call_voicemail", RevDeskSigner.unsignedRequest(CALL));
        assertThat(optedIn.statusCode()).isEqualTo(200);
        Map<String, String> echo = DeliveryApp.echo(optedIn.body());
        assertThat(echo).containsEntry("auth", "NONE").containsEntry("sameBytes", "true");
        RevDeskEvent.CallVoicemail event = (RevDeskEvent.CallVoicemail) APP.delivery(echo.get("key")).event();
        assertThat(event.call().id()).isEqualTo("call_abc123");
    }

    @Test
    void aPathTokenGuardSeesTheRequestPath() throws Exception {
        WebhookRequest unsigned = RevDeskSigner.unsignedRequest(CALL);
        HttpResponse<String> ok = send("/revdesk/call_no_answer/" + PATH_TOKEN, unsigned);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(DeliveryApp.echo(ok.body())).containsEntry("auth", "REQUEST_GUARDS").containsEntry("event", "CallNoAnswer");
        // percent-encoded, the same token
        HttpResponse<String> encoded = send("/revdesk/call_no_answer/" + PATH_TOKEN.replace("_", "%5F"), unsigned);
        assertThat(encoded.statusCode()).isEqualTo(200);

        try (LogCapture logs = new LogCapture()) {
            assertRejected(send("/revdesk/call_no_answer/pt_wrong", unsigned), FailureReason.REQUEST_GUARD_FAILED, PATH_TOKEN);
            assertRejected(send("/revdesk/call_no_answer/" + PATH_TOKEN + "x", unsigned), FailureReason.REQUEST_GUARD_FAILED,
                    PATH_TOKEN);
            assertRejected(send("/revdesk/call_no_answer", unsigned), FailureReason.REQUEST_GUARD_FAILED, PATH_TOKEN);
            // the guard runs even on a signed request, in addition to the signature
            assertRejected(send("/revdesk/call_no_answer/pt_wrong", SIGNER.request(CALL)), FailureReason.REQUEST_GUARD_FAILED,
                    PATH_TOKEN);
            assertThat(logs.records()).hasSize(4).allSatisfy(record -> assertThat(record)
                    .isEqualTo("INFO webhook rejected vendor=revdesk reason=request_guard_failed status=401"
                            + " detail=\"REQUEST_GUARD_FAILED: a request guard refused the request (path token does not match)\""));
        }
    }

    @Test
    void aQueryTokenGuardSeesTheQueryString() throws Exception {
        WebhookRequest unsigned = RevDeskSigner.unsignedRequest(SMS);
        HttpResponse<String> ok = send("/revdesk/sms_delivered?token=" + QUERY_TOKEN + "&x=1", unsigned);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(DeliveryApp.echo(ok.body())).containsEntry("auth", "REQUEST_GUARDS").containsEntry("event", "SmsDelivered");

        assertRejected(send("/revdesk/sms_delivered?token=qt_wrong", unsigned), FailureReason.REQUEST_GUARD_FAILED, QUERY_TOKEN);
        assertRejected(send("/revdesk/sms_delivered", unsigned), FailureReason.REQUEST_GUARD_FAILED, QUERY_TOKEN);
        assertRejected(send("/revdesk/sms_delivered?token=" + QUERY_TOKEN + "&token=" + QUERY_TOKEN, unsigned),
                FailureReason.REQUEST_GUARD_FAILED, QUERY_TOKEN);
        // in the path instead of the query: refused
        assertRejected(send("/revdesk/sms_delivered;token=" + QUERY_TOKEN, unsigned), FailureReason.REQUEST_GUARD_FAILED,
                QUERY_TOKEN);
    }

    @Test
    void aSourceAddressGuardSeesTheRemoteAddress() throws Exception {
        WebhookRequest unsigned = RevDeskSigner.unsignedRequest(SMS);
        HttpResponse<String> allowed = send("/revdesk/sms_failed", unsigned);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(DeliveryApp.echo(allowed.body())).containsEntry("auth", "REQUEST_GUARDS").containsEntry("event", "SmsFailed");

        assertRejected(send("/revdesk/sms_sent", unsigned), FailureReason.REQUEST_GUARD_FAILED);
        // X-Forwarded-For is not trusted without configured proxy hops
        assertRejected(send("/revdesk/sms_sent", unsigned.toBuilder().header("X-Forwarded-For", "203.0.113.9").build()),
                FailureReason.REQUEST_GUARD_FAILED);
    }

    @Test
    void withAReplayGuardASignedCopyIsPassedOnOnceButUnsignedOnesAlways() throws Exception {
        int before = APP.calls();
        assertThat(send("/revdesk/once/number_purchased", SIGNER.request(NUMBER_PURCHASED)).statusCode()).isEqualTo(200);
        HttpResponse<String> copy = send("/revdesk/once/number_purchased", SIGNER.request(NUMBER_PURCHASED));
        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(copy.body()).isEqualTo("duplicate delivery: already processed\n");
        assertThat(APP.calls()).isEqualTo(before + 1);

        // unsigned: whoever sends it chooses the key, so the default leaves it out of the guard
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> unsigned = send("/revdesk/once/call_failed", RevDeskSigner.unsignedRequest(CALL));
            assertThat(DeliveryApp.echo(unsigned.body())).containsEntry("event", "CallFailed").containsEntry("auth", "NONE");
        }
        // signed on the same URL: guarded
        assertThat(send("/revdesk/once/call_failed", SIGNER.request(CALL)).statusCode()).isEqualTo(200);
        assertThat(send("/revdesk/once/call_failed", SIGNER.request(CALL)).body()).startsWith("duplicate delivery");
        assertThat(APP.calls()).isEqualTo(before + 4);
    }

    @Test
    void anUnparseableUnsignedBodyCannotForgeLogLinesOrResponseLines() throws Exception {
        byte[] crafted = utf8(new String(CALL, StandardCharsets.UTF_8)
                .replace("2026-06-30T19:30:00.000Z", "x\\r\\nSEVERE: FORGED LOG LINE\\u2028"));
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> response = send("/revdesk/call_no_answer/" + PATH_TOKEN, RevDeskSigner.unsignedRequest(crafted));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("did not parse").contains("FORGED LOG LINE").endsWith("\n");
            assertThat(response.body().lines()).hasSize(1);
            assertThat(response.body()).doesNotContain("\r").doesNotContain("\u2028");
            assertThat(logs.records()).anySatisfy(record -> assertThat(record).contains("FORGED LOG LINE"))
                    .allSatisfy(record -> assertThat(record).doesNotContain("\n").doesNotContain("\r")
                            .doesNotContain("\u2028"));
        }
    }

    @Test
    void theHandlerIsToldWhetherAnUnparseableBodyWasSignedOrOnlyPassedTheGuards() throws Exception {
        byte[] broken = utf8("{\"triggerEvent\":");
        assertThat(send("/revdesk/kept/number_purchased", SIGNER.request(broken)).statusCode()).isEqualTo(202);
        assertThat(send("/revdesk/kept/sms_failed", RevDeskSigner.unsignedRequest(broken)).statusCode()).isEqualTo(202);
        assertThat(KEPT).extracting(UnparseableDelivery::authentication).containsExactly(
                Authentication.hmacSignature("revdesk-signing"), Authentication.requestGuards());
        assertThat(KEPT).allSatisfy(kept -> assertThat(kept.rawBody()).isEqualTo(broken));
        assertThat(KEPT.get(0).authentication().provenBySecret()).isTrue();
        assertThat(KEPT.get(1).authentication().provenBySecret()).isFalse();
    }
}
