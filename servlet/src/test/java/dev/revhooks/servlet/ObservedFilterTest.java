package dev.revhooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WireValue;
import dev.revhooks.core.observe.AdapterOutcome;
import dev.revhooks.core.observe.DeliveryObservation;
import dev.revhooks.core.observe.WebhookObserver;
import dev.revhooks.core.replay.InMemoryReplayGuard;
import dev.revhooks.core.replay.ClaimToken;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.core.replay.ReplayStoreUnavailableException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the filter reports to its observer beyond the receiver: each adapter outcome once, with the
 * delivery's event type where there is one; and its key=value log lines.
 */
class ObservedFilterTest {

    private static final int LIMIT = 1024;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final BlockingQueue<String> SEEN = new LinkedBlockingQueue<>();
    private static final InMemoryReplayGuard GUARD = InMemoryReplayGuard.builder().build();
    private static JettyServer server;

    /** An event type for {@link TestReceiver}'s JSON objects: {@code ping} when the body has a {@code type}. */
    enum TestEventType implements WireValue {
        PING("ping"),
        UNKNOWN(null);

        private final String wireName;

        TestEventType(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    /** Writes down every call, in order, as one line. */
    static final class RecordingObserver implements WebhookObserver {
        @Override
        public DeliveryObservation start(String vendor) {
            SEEN.add("start " + vendor);
            return new DeliveryObservation() {
                @Override
                public void rejected(FailureReason reason, long verifyNanos) {
                    SEEN.add("rejected " + reason);
                }
            };
        }

        @Override
        public void answered(String vendor, WireValue eventType, AdapterOutcome outcome) {
            SEEN.add(vendor + " " + outcome + " " + (eventType == null ? "no event" : eventType.wireName()));
        }
    }

    /** Throws from every call: the filter's answers must not change. */
    static final class BrokenObserver implements WebhookObserver {
        @Override
        public DeliveryObservation start(String vendor) {
            throw new IllegalStateException("broken observer");
        }

        @Override
        public void answered(String vendor, WireValue eventType, AdapterOutcome outcome) {
            throw new IllegalStateException("broken observer");
        }
    }

    /** A replay guard whose store cannot be reached: every call fails as a shared store's would. */
    static final class UnreachableStore implements ReplayGuard {
        @Override
        public ClaimResult claim(DeliveryKey key) {
            throw new ReplayStoreUnavailableException("connection refused", new IOException("connection refused"));
        }

        @Override
        public boolean complete(DeliveryKey key, ClaimToken token) {
            throw new ReplayStoreUnavailableException("connection refused", new IOException("connection refused"));
        }

        @Override
        public boolean release(DeliveryKey key, ClaimToken token) {
            throw new ReplayStoreUnavailableException("connection refused", new IOException("connection refused"));
        }
    }

    /** Answers 204; throws for ids starting with "throwing". */
    static final class App extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
            if (WebhookFilter.delivery(req, ObjectNode.class).event().path("id").asText().startsWith("throwing")) {
                throw new IllegalStateException("app failure");
            }
            resp.setStatus(204);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        TestReceiver receiver = new TestReceiver(BodyLimit.ofBytes(LIMIT));
        server = new JettyServer(Map.of(
                "/observed", WebhookFilter.builder(receiver).replayGuard(GUARD)
                        .observer(new RecordingObserver(), node -> node.has("type") ? TestEventType.PING : TestEventType.UNKNOWN)
                        .build(),
                "/failing-dead-letters", WebhookFilter.builder(receiver).observer(new RecordingObserver())
                        .onUnparseableDelivery(d -> {
                            throw new IOException("dead-letter store down");
                        }).build(),
                "/store-down", WebhookFilter.builder(receiver).replayGuard(new UnreachableStore())
                        .observer(new RecordingObserver(), node -> node.has("type") ? TestEventType.PING : TestEventType.UNKNOWN)
                        .build(),
                "/broken-observer", WebhookFilter.builder(receiver).replayGuard(InMemoryReplayGuard.builder().build())
                        .observer(new BrokenObserver()).build()), new App());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void forget() {
        SEEN.clear();
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return CLIENT.send(HttpRequest.newBuilder(server.uri(path)).header("X-Test-Signature", TestReceiver.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> seen() {
        List<String> seen = new ArrayList<>();
        SEEN.drainTo(seen);
        return seen;
    }

    @Test
    void aMethodOtherThanPostIsReportedWithoutAnEventType() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(server.uri("/observed")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(seen()).containsExactly("test METHOD_NOT_ALLOWED no event");
    }

    @Test
    void aBodyRefusedBeforeTheReceiverIsReportedAsARejectedDelivery() throws Exception {
        HttpResponse<String> response = post("/observed", "{\"pad\":\"" + "x".repeat(LIMIT) + "\"}");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(seen()).containsExactly("start test", "rejected PAYLOAD_TOO_LARGE");
    }

    @Test
    void aDuplicateIsReportedWithItsEventTypeAndLoggedWithItsKey() throws Exception {
        String json = "{\"id\":\"dup-1\",\"type\":\"ping\"}";
        assertThat(post("/observed", json).statusCode()).isEqualTo(204);
        assertThat(seen()).isEmpty(); // accepted: the receiver's own observer counts that
        try (LogCapture logs = new LogCapture()) {
            assertThat(post("/observed", json).statusCode()).isEqualTo(200);
            String key = "test:any:" + WebhookHttp.sha256Hex(json.getBytes(StandardCharsets.UTF_8));
            assertThat(logs.records()).containsExactly("INFO webhook duplicate vendor=test key=" + key
                    + " status=200 detail=\"already processed; acknowledged, not passed on\"");
        }
        assertThat(seen()).containsExactly("test DUPLICATE ping");

        String untyped = "{\"id\":\"dup-2\"}";
        post("/observed", untyped);
        post("/observed", untyped);
        assertThat(seen()).containsExactly("test DUPLICATE null");
    }

    @Test
    void aReplayStoreThatCannotBeReachedIsReportedAndLogged() throws Exception {
        String json = "{\"id\":\"store-down-1\",\"type\":\"ping\"}";
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> response = post("/store-down", json);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
            String key = "test:any:" + WebhookHttp.sha256Hex(json.getBytes(StandardCharsets.UTF_8));
            assertThat(logs.records()).singleElement().satisfies(r -> assertThat(r)
                    .startsWith("WARNING webhook store_unavailable vendor=test key=" + key + " status=503 detail=\""));
        }
        assertThat(seen()).containsExactly("test STORE_UNAVAILABLE ping");
    }

    @Test
    void aCopyArrivingWhileTheFirstIsHandledIsReportedInProgress() throws Exception {
        String json = "{\"id\":\"first-still-handled\",\"type\":\"ping\"}";
        DeliveryKey key = DeliveryKey.of("test", "any", json.getBytes(StandardCharsets.UTF_8));
        ReplayGuard.ClaimResult first = GUARD.claim(key); // the first copy, being handled
        assertThat(first.claim()).isEqualTo(ReplayGuard.Claim.NEW);
        try {
            assertThat(post("/observed", json).statusCode()).isEqualTo(409);
        } finally {
            GUARD.release(key, first.token());
        }
        assertThat(seen()).containsExactly("test IN_PROGRESS ping");
    }

    @Test
    void aHandlerThatThrowsIsReportedWithTheEventType() throws Exception {
        assertThat(post("/observed", "{\"id\":\"throwing-1\",\"type\":\"ping\"}").statusCode()).isEqualTo(500);
        assertThat(seen()).containsExactly("test HANDLER_FAILED ping");
    }

    @Test
    void aDeadLetterHandlerThatThrowsIsReportedWithoutAnEventType() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            assertThat(post("/failing-dead-letters", "[]").statusCode()).isEqualTo(500);
            assertThat(logs.records()).singleElement().satisfies(record -> assertThat(record)
                    .startsWith("SEVERE webhook unparseable vendor=test key=test:unparseable:" + WebhookHttp.sha256Hex(
                            "[]".getBytes(StandardCharsets.UTF_8)) + " status=500 handler=failed")
                    .contains("dead-letter store down"));
        }
        assertThat(seen()).containsExactly("test HANDLER_FAILED no event");
    }

    @Test
    void aBodyThatEndsBeforeItsContentLengthIsReportedUnreadable() throws Exception {
        URI uri = server.uri("/observed");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /observed HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"id\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            assertThat(SEEN.poll(10, TimeUnit.SECONDS)).isEqualTo("test BODY_UNREADABLE no event");
        }
    }

    @Test
    void aForgedSignatureIsLoggedAsKeyValuesWithoutTheSignature() throws Exception {
        byte[] body = "{\"id\":\"forged\"}".getBytes(StandardCharsets.UTF_8);
        String forged = TestReceiver.sign("{\"id\":\"other\"}".getBytes(StandardCharsets.UTF_8));
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(server.uri("/observed"))
                    .header("X-Test-Signature", forged).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(logs.records()).singleElement().satisfies(record -> assertThat(record)
                    .startsWith("INFO webhook rejected vendor=test reason=signature_mismatch status=401 detail=\"SIGNATURE_MISMATCH: ")
                    .endsWith("\"")
                    .doesNotContain(forged).doesNotContain(TestReceiver.sign(body)).doesNotContain("whsec_servlet_test"));
        }
        assertThat(seen()).isEmpty(); // the receiver's own observer reports a rejection it made
    }

    @Test
    void aDetailQuotingTheSendersTextIsOneQuotedLogValue() throws Exception {
        // a duplicate key whose name holds a quote, a backslash and a line break: the parse error names it
        String json = "{\"a\\\" b=1 \\\\ \\n\":1,\"a\\\" b=1 \\\\ \\n\":2}";
        try (LogCapture logs = new LogCapture()) {
            assertThat(post("/observed", json).statusCode()).isEqualTo(400);
            assertThat(logs.records()).singleElement().satisfies(record -> assertThat(record)
                    .matches("WARNING webhook unparseable vendor=test key=test:unparseable:[0-9a-f]{64} status=400 handler=none"
                            + " detail=\"(?:[^\"\\\\\\n]|\\\\.)*\"")
                    .contains("b=1"));
        }
        assertThat(seen()).isEmpty();
    }

    @Test
    void anObserverThatThrowsChangesNoAnswer() throws Exception {
        HttpResponse<String> get = CLIENT.send(HttpRequest.newBuilder(server.uri("/broken-observer")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(post("/broken-observer", "{\"pad\":\"" + "x".repeat(LIMIT) + "\"}").statusCode()).isEqualTo(413);
        assertThat(post("/broken-observer", "{\"id\":\"b-1\"}").statusCode()).isEqualTo(204);
        assertThat(post("/broken-observer", "{\"id\":\"b-1\"}").statusCode()).isEqualTo(200);
        assertThat(post("/broken-observer", "{\"id\":\"throwing-b\"}").statusCode()).isEqualTo(500);
    }
}
