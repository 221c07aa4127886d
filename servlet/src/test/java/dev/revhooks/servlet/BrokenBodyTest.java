package dev.revhooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.BodyLimit;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A body that cannot be read to its end (issue 23): a sender that stalls (Jetty's idle timeout,
 * here 300 ms, fails the read), ends early, resets the connection or sends a broken chunk. Each
 * is answered {@code 400} with {@code Connection: close} where the sender can still read, logged
 * at INFO without the body, and never reaches the app.
 */
class BrokenBodyTest {

    private static final String PATH = "/hooks/plain";
    private static final byte[] BODY = "{\"event\":\"test\",\"n\":1}".getBytes(StandardCharsets.UTF_8);
    private static final String ANSWER = "incomplete body: the request body could not be read to its end\n";
    private static final String LOGGED = "test webhook body could not be read";
    private static final AtomicInteger APP_CALLS = new AtomicInteger();

    private static JettyServer server;

    @BeforeAll
    static void start() throws Exception {
        HttpServlet app = new HttpServlet() {
            @Override
            protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
                APP_CALLS.incrementAndGet();
                resp.setStatus(204);
            }
        };
        server = new JettyServer(Map.of(PATH, WebhookFilter.of(new TestReceiver(BodyLimit.ofBytes(64 * 1024)))),
                Map.of("/*", app), 64 * 1024, Duration.ofMillis(300));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void resetCalls() {
        APP_CALLS.set(0);
    }

    private static byte[] fixedLengthHead(int declared) {
        return RawHttp.head(PATH, "X-Test-Signature: " + TestReceiver.sign(BODY), "Content-Length: " + declared);
    }

    private static byte[] chunkedHead() {
        return RawHttp.head(PATH, "X-Test-Signature: " + TestReceiver.sign(BODY), "Transfer-Encoding: chunked");
    }

    private static void assertAnswered400AndClosed(RawHttp client, LogCapture logs) throws Exception {
        RawHttp.Answer answer = client.read();
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo(ANSWER);
        assertThat(answer.header("Connection")).isEqualTo("close");
        assertThat(client.closedByServer()).isTrue();
        assertLoggedWithoutBody(logs);
    }

    private static void assertLoggedWithoutBody(LogCapture logs) throws Exception {
        assertThat(logs.await(LOGGED, Duration.ofSeconds(10))).as("logged").isTrue();
        assertThat(logs.records()).singleElement().satisfies(record -> {
            assertThat(record).startsWith("INFO " + LOGGED).contains("answering 400 and closing the connection");
            assertThat(record).doesNotContain("\"event\"").doesNotContain("partial-body");
        });
        assertThat(APP_CALLS).as("calls reaching the app").hasValue(0);
    }

    @Test
    void aStalledFixedLengthBodyIs400AndTheConnectionIsClosed() throws Exception {
        try (LogCapture logs = new LogCapture(); RawHttp client = new RawHttp(server.port())) {
            client.write(fixedLengthHead(BODY.length + 40)).write(BODY);
            assertAnswered400AndClosed(client, logs);
            assertThat(logs.records().get(0)).contains("Content-Length " + (BODY.length + 40));
        }
    }

    @Test
    void aStalledChunkedBodyIs400AndTheConnectionIsClosed() throws Exception {
        try (LogCapture logs = new LogCapture(); RawHttp client = new RawHttp(server.port())) {
            client.write(chunkedHead()).write(Integer.toHexString(BODY.length) + "\r\n").write(BODY).write("\r\n");
            assertAnswered400AndClosed(client, logs);
            assertThat(logs.records().get(0)).contains("no Content-Length");
        }
    }

    @Test
    void aBodyEndingBeforeItsContentLengthIs400() throws Exception {
        try (LogCapture logs = new LogCapture(); RawHttp client = new RawHttp(server.port())) {
            client.write(fixedLengthHead(BODY.length + 40)).write(BODY);
            client.shutdownOutput();
            assertAnswered400AndClosed(client, logs);
        }
    }

    @Test
    void aChunkedBodyEndingWithoutItsLastChunkIs400() throws Exception {
        try (LogCapture logs = new LogCapture(); RawHttp client = new RawHttp(server.port())) {
            client.write(chunkedHead()).write(Integer.toHexString(BODY.length) + "\r\n").write(BODY).write("\r\n");
            client.shutdownOutput();
            assertAnswered400AndClosed(client, logs);
        }
    }

    @Test
    void aMalformedChunkIs400() throws Exception {
        try (LogCapture logs = new LogCapture(); RawHttp client = new RawHttp(server.port())) {
            client.write(chunkedHead()).write("5\r\npartial-body-zz\r\n");
            assertAnswered400AndClosed(client, logs);
        }
    }

    @Test
    void aConnectionResetMidBodyIsLoggedAndNeverReachesTheApp() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            RawHttp client = new RawHttp(server.port());
            client.write(fixedLengthHead(BODY.length + 40)).write("partial-body");
            client.reset();
            // the sender is gone: nothing to answer, but the filter logs it and the app never sees it
            assertLoggedWithoutBody(logs);
        }
    }

    @Test
    void aWholeBodyOnTheSameServerStillPasses() throws Exception {
        try (RawHttp client = new RawHttp(server.port())) {
            client.write(fixedLengthHead(BODY.length)).write(BODY);
            assertThat(client.read().status()).isEqualTo(204);
            assertThat(APP_CALLS).hasValue(1);
        }
    }
}
