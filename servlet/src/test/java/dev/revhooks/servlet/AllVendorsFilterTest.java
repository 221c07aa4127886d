package dev.revhooks.servlet;

import static dev.revhooks.servlet.WebhookHttp.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.testing.ByteGen;
import dev.revhooks.revdesk.RevDeskEventType;
import dev.revhooks.revdesk.RevDeskSigner;
import dev.revhooks.revdesk.RevDeskWebhooks;
import dev.revhooks.revont.RevontSigner;
import dev.revhooks.revont.RevontWebhooks;
import dev.revhooks.revrag.RevRagSigner;
import dev.revhooks.revrag.RevRagWebhooks;
import dev.revhooks.revring.RevRingSigner;
import dev.revhooks.revring.RevRingWebhooks;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The four vendors side by side in one container: concurrent mixed traffic, and arbitrary bodies. */
class AllVendorsFilterTest {

    private static final Instant NOW = Instant.parse("2026-05-27T03:07:00Z");
    private static final Secret REVONT = Secret.of("revont", "whsec_all_vendors_revont_11");
    private static final Secret REVRAG = Secret.of("revrag", "whsec_all_vendors_revrag_22");
    private static final Secret REVRING = Secret.of("revring", "rr_all_vendors_33");
    private static final Secret REVDESK = Secret.of("revdesk", "whsec_all_vendors_revdesk_44");
    private static final Secret WRONG = Secret.of("wrong", "not_any_configured_secret");

    /** One vendor's endpoint: its URL and secret, how it signs, a valid body, the event that body becomes. */
    private record Vendor(String path, Secret secret, BiFunction<Secret, byte[], WebhookRequest> signer,
                          IntFunction<byte[]> body, String event) {
        WebhookRequest signed(byte[] body) {
            return signer.apply(secret, body);
        }

        WebhookRequest forged(byte[] body) {
            return signer.apply(WRONG, body);
        }
    }

    private static final List<Vendor> VENDORS = List.of(
            new Vendor("/revont", REVONT, (s, body) -> RevontSigner.of(s).sign(body),
                    i -> utf8("{\"event\":\"call.ended\",\"timestamp\":\"2026-05-27T03:00:00Z\",\"data\":{\"call_id\":\"c" + i
                            + "\"}}"), "CallEnded"),
            new Vendor("/revrag", REVRAG, (s, body) -> RevRagSigner.of(s).sign(body, NOW),
                    i -> utf8("{\"call_status\":\"ENDED\",\"call_id\":\"123e4567-e89b-12d3-a456-426614174000\","
                            + "\"agent_id\":\"33333333-3333-3333-3333-333333333333\",\"summary\":\"s" + i + "\"}"), "CallEnded"),
            new Vendor("/revring", REVRING, (s, body) -> RevRingSigner.of(s).request(body),
                    i -> utf8("{\"id\":\"" + String.format("7d6f2c1e-5a4b-4c3d-9e8f-%012d", i) + "\",\"direction\":\"INBOUND\",\"status\":\"COMPLETED\",\"fromNumber\":\"+1\","
                            + "\"toNumber\":\"+2\",\"organizationId\":\"o\",\"agentId\":\"5b2e9c4a-1f3d-4e6a-8b7c-9d0e1f2a3b4c\"}"),
                    "PostCall"),
            new Vendor("/revdesk/number_released", REVDESK, (s, body) -> RevDeskSigner.of(s).request(body),
                    i -> utf8("{\"triggerEvent\":\"number.released\",\"payload\":{\"id\":" + i + "}}"), "NumberReleased"));

    private static final DeliveryApp APP = new DeliveryApp();
    private static JettyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new JettyServer(Map.of(
                "/revont", WebhookFilter.of(RevontWebhooks.builder().secret(REVONT).build()),
                "/revrag", WebhookFilter.of(RevRagWebhooks.builder().secret(REVRAG)
                        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()),
                "/revring", WebhookFilter.of(RevRingWebhooks.builder().apiKey(REVRING).build()),
                "/revdesk/number_released", WebhookFilter.of(RevDeskWebhooks.builder()
                        .subscribedTo(RevDeskEventType.NUMBER_RELEASED).secret(REVDESK).build())), APP);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void concurrentDeliveriesAcrossVendorsEachGetTheirOwnVerdict() throws Exception {
        record Sent(Vendor vendor, byte[] body, boolean valid, CompletableFuture<HttpResponse<String>> response) {
        }
        List<Sent> sent = new ArrayList<>();
        int before = APP.calls();
        for (int i = 0; i < 160; i++) {
            Vendor vendor = VENDORS.get(i % VENDORS.size());
            byte[] body = vendor.body().apply(i);
            boolean valid = i % 5 != 0;
            WebhookRequest request = valid ? vendor.signed(body) : vendor.forged(body);
            sent.add(new Sent(vendor, body, valid, WebhookHttp.postAsync(server.uri(vendor.path()), request)));
        }
        int valid = 0;
        for (Sent s : sent) {
            HttpResponse<String> response = s.response().get();
            if (!s.valid()) {
                assertThat(response.statusCode()).as(s.vendor().path()).isEqualTo(401);
                assertThat(response.body()).startsWith("SIGNATURE_MISMATCH: ");
                continue;
            }
            valid++;
            assertThat(response.statusCode()).as(s.vendor().path()).isEqualTo(200);
            Map<String, String> echo = DeliveryApp.echo(response.body());
            assertThat(echo).containsEntry("event", s.vendor().event()).containsEntry("sameBytes", "true")
                    .containsEntry("credential", s.vendor().secret().id());
            // the delivery the app got is this request's own, not another thread's
            assertThat(echo.get("key")).endsWith(":" + WebhookHttp.sha256Hex(s.body()));
            assertThat(APP.delivery(echo.get("key")).rawBody()).isEqualTo(s.body());
        }
        assertThat(APP.calls() - before).isEqualTo(valid);
    }

    @Test
    void arbitraryBodiesNeverGetA5xx() {
        qt().withExamples(60).forAll(ByteGen.bytes(0, 1200)).checkAssert(body -> {
            for (Vendor vendor : VENDORS) {
                HttpResponse<String> authentic = postQuietly(vendor, vendor.signed(body));
                // authentic: delivered (200) or, when it does not parse, 400 from the filter
                assertThat(authentic.statusCode()).as(vendor.path()).isIn(200, 400);
                if (authentic.statusCode() == 400) {
                    assertThat(authentic.body()).as(vendor.path())
                            .matches("(delivery did not parse: |EVENT_TYPE_MISMATCH: )[^\\n]*\\n");
                }
                HttpResponse<String> forged = postQuietly(vendor, vendor.forged(body));
                assertThat(forged.statusCode()).as(vendor.path()).isEqualTo(401);
            }
        });
    }

    private static HttpResponse<String> postQuietly(Vendor vendor, WebhookRequest request) {
        try {
            return WebhookHttp.post(server.uri(vendor.path()), request);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
