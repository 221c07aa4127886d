package dev.revhooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.BodyLimit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A body that cannot be read to its end (issue 23): a sender that stalls (Jetty's idle timeout,
 * here 1 s, fails the read), ends early, resets the connection or sends a broken chunk. Each is
 * answered {@code 400} with {@code Connection: close} where the sender can still read, logged at
 * INFO without the body, and never reaches the app. A client that ends or resets its side waits
 * until the request is in the filter first: an end that reaches Jetty before it has dispatched the
 * request is Jetty's to answer, and never reaches the filter.
 */
class BrokenBodyTest {

    private static final String PATH = "/hooks/plain";
    private static final byte[] BODY = "{\"event\":\"test\",\"n\":1}".getBytes(StandardCharsets.UTF_8);
    private static final String ANSWER = "incomplete body: the request body could not be read to its end\n";
    private static final String LOGGED = "webhook body_unreadable vendor=test";
    private static final CountingApp APP = new CountingApp();

    private static JettyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = APP.serve(PATH, WebhookFilter.of(new TestReceiver(BodyLimit.ofBytes(64 * 1024))), 64 * 1024,
                Duration.ofSeconds(1));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void resetApp() {
        APP.reset();
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
            assertThat(record).startsWith("INFO " + LOGGED).contains("status=400").contains("closing the connection");
            assertThat(record).doesNotContain("\"event\"").doesNotContain("partial-body");
        });
        assertThat(APP.calls()).as("calls reaching the app").isZero();
    }

    @Test
    void aStalledFixedLengthBodyIs400AndTheConnectionIsClosed() throws Exception {
        try (LogCapture logs = new LogCapture(); RawHttp client = new RawHttp(server.port())) {
            client.write(fixedLengthHead(BODY.length + 40)).write(BODY);
            assertAnswered400AndClosed(client, logs);
            assertThat(logs.records().get(0)).contains("content_length=" + (BODY.length + 40) + " ");
        }
    }

    @Test
    void aStalledChunkedBodyIs400AndTheConnectionIsClosed() throws Exception {
        try (LogCapture logs = new LogCapture(); RawHttp client = new RawHttp(server.port())) {
            client.write(chunkedHead()).write(Integer.toHexString(BODY.length) + "\r\n").write(BODY).write("\r\n");
            assertAnswered400AndClosed(client, logs);
            assertThat(logs.records().get(0)).contains("content_length=none ");
        }
    }

    @Test
    void aBodyEndingBeforeItsContentLengthIs400() throws Exception {
        try (LogCapture logs = new LogCapture(); RawHttp client = new RawHttp(server.port())) {
            client.write(fixedLengthHead(BODY.length + 40)).write(BODY);
            assertThat(APP.awaitDispatched()).isTrue();
            client.shutdownOutput();
            assertAnswered400AndClosed(client, logs);
        }
    }

    @Test
    void aChunkedBodyEndingWithoutItsLastChunkIs400() throws Exception {
        try (LogCapture logs = new LogCapture(); RawHttp client = new RawHttp(server.port())) {
            client.write(chunkedHead()).write(Integer.toHexString(BODY.length) + "\r\n").write(BODY).write("\r\n");
            assertThat(APP.awaitDispatched()).isTrue();
            client.shutdownOutput();
            assertAnswered400AndClosed(client, logs);
        }
    }

    @Test
    void aMalformedChunkIs400() throws Exception {
        try (LogCapture logs = new LogCapture(); RawHttp client = new RawHttp(server.port())) {
            client.write(chunkedHead());
            assertThat(APP.awaitDispatched()).isTrue();
            client.write("5\r\npartial-body-zz\r\n");
            assertAnswered400AndClosed(client, logs);
        }
    }

    @Test
    void aConnectionResetMidBodyIsLoggedAndNeverReachesTheApp() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            RawHttp client = new RawHttp(server.port());
            client.write(fixedLengthHead(BODY.length + 40)).write("partial-body");
            assertThat(APP.awaitDispatched()).isTrue();
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
            assertThat(APP.calls()).isEqualTo(1);
        }
    }
}
