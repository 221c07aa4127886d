package dev.revhooks.servlet;

import static dev.revhooks.servlet.WebhookHttp.assertNothingSecret;
import static dev.revhooks.servlet.WebhookHttp.assertRejected;
import static dev.revhooks.servlet.WebhookHttp.post;
import static dev.revhooks.servlet.WebhookHttp.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontSigner;
import dev.revhooks.revont.RevontWebhooks;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Revont behind the filter: signed deliveries, every rejection status, the unparseable-delivery
 * handler (kept: 202; failing: 500; none: 400), and what is logged.
 */
class RevontFilterTest {

    private static final String SECRET_VALUE = "whsec_revont_servlet_5d0e9b27";
    private static final Secret SECRET = Secret.of("revont-prod", SECRET_VALUE);
    private static final int SMALL_LIMIT = 1024;
    private static final byte[] SUMMARY_READY = utf8("""
            {
              "event": "summary.ready",
              "timestamp": "2024-09-15T14:32:00Z",
              "data": {
                "call_id": "call_abc123",
                "rep_id": "user_xyz789",
                "prospect_email": "jane@acmecorp.com",
                "duration_seconds": 2847,
                "summary_url": "https://app.revont.ai/calls/call_abc123/summary",
                "coaching_score": 82
              }
            }
            """);
    /** Authentic, but {@code data} is missing; the marker must never be logged. */
    private static final byte[] NO_DATA = utf8("""
            {"event":"call.ended","timestamp":"2024-09-15T14:32:00Z","note":"CUSTOMER-PII-7731"}""");

    private static final RevontSigner SIGNER = RevontSigner.of(SECRET);
    private static final DeliveryApp APP = new DeliveryApp();
    private static final List<UnparseableDelivery> KEPT = new CopyOnWriteArrayList<>();
    private static JettyServer server;

    @BeforeAll
    static void start() throws Exception {
        RevontWebhooks revont = RevontWebhooks.builder().secret(SECRET).build();
        Map<String, Filter> filters = Map.of(
                "/revont", WebhookFilter.of(revont),
                "/revont/kept", WebhookFilter.builder(revont).onUnparseableDelivery(KEPT::add).build(),
                "/revont/failing", WebhookFilter.builder(revont).onUnparseableDelivery(d -> {
                    throw new IllegalStateException("dead-letter store unavailable");
                }).build(),
                "/revont/small", WebhookFilter.of(RevontWebhooks.builder().secret(SECRET)
                        .bodyLimit(BodyLimit.ofBytes(SMALL_LIMIT)).build()),
                "/revont/charset", WebhookFilter.of(revont));
        server = new JettyServer(filters, Map.of("/*", APP, "/revont/charset", new CharsetProbe()));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> send(String path, WebhookRequest request) throws Exception {
        return post(server.uri(path), request);
    }

    @Test
    void aSignedDeliveryReachesTheAppTypedWithItsBodyReadableAgain() throws Exception {
        HttpResponse<String> response = send("/revont", SIGNER.sign(SUMMARY_READY));
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> echo = DeliveryApp.echo(response.body());
        assertThat(echo).containsEntry("event", "SummaryReady").containsEntry("auth", "HMAC_SIGNATURE")
                .containsEntry("credential", "revont-prod").containsEntry("sameBytes", "true")
                .containsEntry("sameText", "true").containsEntry("contentLength", Integer.toString(SUMMARY_READY.length));
        assertThat(echo.get("key")).startsWith("revont:summary.ready:");
        RevontEvent.SummaryReady event = (RevontEvent.SummaryReady) APP.delivery(echo.get("key")).event();
        assertThat(event.data().coachingScore()).isEqualTo(82);
        assertThat(event.data().callId()).isEqualTo("call_abc123");
    }

    @Test
    void forgedTamperedMissingAndMalformedSignaturesAre401() throws Exception {
        WebhookRequest signed = SIGNER.sign(SUMMARY_READY);
        String expected = SIGNER.signatureHeader(SUMMARY_READY);
        WebhookRequest forged = RevontSigner.of(Secret.of("whsec_attacker_guess")).sign(SUMMARY_READY);
        int before = APP.calls();
        try (LogCapture logs = new LogCapture()) {
            assertRejected(send("/revont", forged), FailureReason.SIGNATURE_MISMATCH, SECRET_VALUE, expected);
            assertRejected(send("/revont", WebhookHttp.tampered(signed)), FailureReason.SIGNATURE_MISMATCH,
                    SECRET_VALUE, expected);
            assertRejected(send("/revont", WebhookHttp.without(signed, RevontWebhooks.SIGNATURE_HEADER)),
                    FailureReason.MISSING_SIGNATURE, SECRET_VALUE, expected);
            assertRejected(send("/revont", WebhookHttp.replacing(signed, RevontWebhooks.SIGNATURE_HEADER,
                    expected.substring("sha256=".length()))), FailureReason.MALFORMED_SIGNATURE, SECRET_VALUE, expected);

            assertThat(logs.records()).hasSize(4).allSatisfy(record -> assertThat(record)
                    .startsWith("INFO webhook rejected vendor=revont reason=")
                    .doesNotContain(SECRET_VALUE).doesNotContain(expected.substring("sha256=".length())));
        }
        assertThat(APP.calls()).isEqualTo(before);
    }

    @Test
    void onlyPostIsAllowed() throws Exception {
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> response = WebhookHttp.send(method, server.uri("/revont"), SIGNER.sign(SUMMARY_READY));
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("POST");
            assertThat(response.body()).startsWith("method not allowed");
        }
    }

    @Test
    void aBodyOverTheReceiversLimitIs413DeclaredOrChunked() throws Exception {
        byte[] atLimit = padded(SMALL_LIMIT);
        assertThat(send("/revont/small", SIGNER.sign(atLimit)).statusCode()).isEqualTo(200);
        byte[] over = padded(SMALL_LIMIT + 1);
        assertRejected(send("/revont/small", SIGNER.sign(over)), FailureReason.PAYLOAD_TOO_LARGE, SECRET_VALUE);

        try (LogCapture logs = new LogCapture()) {
            WebhookHttp.postEndlessBody(server.uri("/revont/small"))
                    .ifPresent(answer -> assertRejected(answer, FailureReason.PAYLOAD_TOO_LARGE, SECRET_VALUE));
            assertThat(logs.records()).singleElement().satisfies(record -> assertThat(record)
                    .isEqualTo("INFO webhook rejected vendor=revont reason=payload_too_large status=413"
                            + " detail=\"PAYLOAD_TOO_LARGE: the body is larger than the allowed size (limit is " + SMALL_LIMIT
                            + " bytes)\""));
        }
    }

    @Test
    void anUnparseableAuthenticDeliveryWithoutAHandlerIs400AndLogsTheKeyNotTheBody() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> response = send("/revont", SIGNER.sign(NO_DATA));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).startsWith("delivery did not parse: ").contains("data").endsWith("\n");
            assertThat(response.body()).doesNotContain("CUSTOMER-PII-7731");
            String key = "revont:unparseable:" + WebhookHttp.sha256Hex(NO_DATA);
            assertThat(logs.records()).singleElement().satisfies(record -> assertThat(record)
                    .startsWith("WARNING ").contains(key).contains("data").doesNotContain("CUSTOMER-PII-7731"));
        }
    }

    @Test
    void anUnparseableAuthenticDeliveryGoesRawToTheHandlerAnd202() throws Exception {
        int before = APP.calls();
        HttpResponse<String> response = send("/revont/kept", SIGNER.sign(NO_DATA));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        assertThat(KEPT).anySatisfy(kept -> {
            assertThat(kept.vendor()).isEqualTo("revont");
            assertThat(kept.rawBody()).isEqualTo(NO_DATA);
            assertThat(kept.deliveryKey().value()).isEqualTo("revont:unparseable:" + WebhookHttp.sha256Hex(NO_DATA));
            assertThat(kept.reason()).contains("data").doesNotContain("CUSTOMER-PII-7731");
            assertThat(kept.authentication()).isEqualTo(Authentication.hmacSignature("revont-prod"));
        });
        // a forged unparseable body is refused before parsing and never handed over
        int kept = KEPT.size();
        assertRejected(send("/revont/kept", WebhookHttp.withBody(SIGNER.sign(SUMMARY_READY), NO_DATA)),
                FailureReason.SIGNATURE_MISMATCH);
        assertThat(KEPT).hasSize(kept);
        assertThat(APP.calls()).isEqualTo(before);
    }

    @Test
    void aFailingHandlerIs500SoThatRevontRetries() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> response = send("/revont/failing", SIGNER.sign(NO_DATA));
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("the unparseable delivery could not be kept\n");
            assertNothingSecret(response, "dead-letter store unavailable", SECRET_VALUE);
            assertThat(logs.records()).singleElement().satisfies(record -> assertThat(record).startsWith("SEVERE ")
                    .contains("revont:unparseable:" + WebhookHttp.sha256Hex(NO_DATA)).contains("dead-letter store unavailable")
                    .doesNotContain("CUSTOMER-PII-7731"));
        }
    }

    @Test
    void getReaderReportsAnUnknownCharsetAsTheServletApiSays() throws Exception {
        WebhookRequest signed = SIGNER.sign(SUMMARY_READY);
        HttpResponse<String> bogus = send("/revont/charset",
                signed.toBuilder().header("Content-Type", "application/json; charset=x-no-such-charset").build());
        assertThat(bogus.body()).isEqualTo("UnsupportedEncodingException, bytes still readable: true");
        HttpResponse<String> latin1 = send("/revont/charset",
                signed.toBuilder().header("Content-Type", "application/json; charset=ISO-8859-1").build());
        assertThat(latin1.body()).isEqualTo("read " + SUMMARY_READY.length + " chars, bytes still readable: true");
    }

    /** Reads the body as text, then as bytes, and says what happened. */
    static final class CharsetProbe extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String outcome;
            try (BufferedReader reader = req.getReader()) {
                outcome = "read " + reader.transferTo(Writer.nullWriter()) + " chars";
            } catch (UnsupportedEncodingException e) {
                outcome = e.getClass().getSimpleName();
            }
            boolean bytes = Arrays.equals(req.getInputStream().readAllBytes(),
                    WebhookFilter.delivery(req, RevontEvent.class).rawBody());
            resp.getWriter().print(outcome + ", bytes still readable: " + bytes);
        }
    }

    private static byte[] padded(int size) {
        String head = "{\"event\":\"call.started\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":{\"pad\":\"";
        String tail = "\"}}";
        return utf8(head + "x".repeat(size - head.length() - tail.length()) + tail);
    }
}
