package dev.revhooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.BodyLimit;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a {@code 413} reaches a sender (issue 24). A body of up to twice the limit in all is read and
 * discarded before the answer, so a sender that writes its whole body before reading (most HTTP
 * clients) gets the {@code 413} every time, on a connection that stays open. A larger one is
 * answered at once with {@code Connection: close}: a sender that reads while writing gets the
 * {@code 413}; one that does not may see a reset instead (documented).
 */
class TooLargeAnswerTest {

    private static final int LIMIT = 64 * 1024;
    private static final String PATH = "/hooks/plain";
    private static final CountingApp APP = new CountingApp();
    private static JettyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = APP.serve(PATH, WebhookFilter.of(new TestReceiver(BodyLimit.ofBytes(LIMIT))), 64 * 1024,
                Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void resetApp() {
        APP.reset();
    }

    private static byte[] signedHead(byte[] body, String framing) {
        return RawHttp.head(PATH, "X-Test-Signature: " + TestReceiver.sign(body), framing);
    }

    /** After the 413, a valid delivery on the same connection passes: the whole refused body was consumed. */
    private static void assertConnectionStillServes(RawHttp client) throws Exception {
        byte[] small = WebhookFilterTest.paddedJson(100);
        client.write(signedHead(small, "Content-Length: " + small.length)).write(small);
        assertThat(client.read().status()).isEqualTo(204);
        assertThat(APP.calls()).isEqualTo(1);
    }

    @Test
    void aDeclaredBodyJustOverTheLimitWrittenWholeBeforeReadingGets413OnAnOpenConnection() throws Exception {
        for (int over : new int[] {LIMIT + 1, 2 * LIMIT}) {
            byte[] body = WebhookFilterTest.paddedJson(over);
            try (RawHttp client = new RawHttp(server.port())) {
                client.write(signedHead(body, "Content-Length: " + body.length)).write(body);
                RawHttp.Answer answer = client.read();
                assertThat(answer.status()).as("%d bytes", over).isEqualTo(413);
                assertThat(answer.body()).startsWith("PAYLOAD_TOO_LARGE: ");
                assertThat(answer.header("Connection")).isNull();
                APP.reset();
                assertConnectionStillServes(client);
            }
        }
    }

    @Test
    void aChunkedBodyJustOverTheLimitWrittenWholeBeforeReadingGets413OnAnOpenConnection() throws Exception {
        byte[] body = WebhookFilterTest.paddedJson(LIMIT + 100);
        try (RawHttp client = new RawHttp(server.port())) {
            client.write(signedHead(body, "Transfer-Encoding: chunked"))
                    .write(Integer.toHexString(body.length) + "\r\n").write(body).write("\r\n0\r\n\r\n");
            RawHttp.Answer answer = client.read();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).startsWith("PAYLOAD_TOO_LARGE: ");
            assertConnectionStillServes(client);
        }
    }

    @Test
    void aDeclaredBodyOverTwiceTheLimitIsAnsweredUnreadAndTheConnectionClosed() throws Exception {
        byte[] body = WebhookFilterTest.paddedJson(2 * LIMIT + 1);
        try (RawHttp client = new RawHttp(server.port())) {
            // a sender that reads the answer before finishing its write gets it
            client.write(signedHead(body, "Content-Length: " + body.length));
            RawHttp.Answer answer = client.read();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).contains("(Content-Length is over the limit of " + LIMIT + " bytes)");
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(APP.calls()).isZero();
    }

    @Test
    void anEndlessChunkedBodyIsAnsweredAfterTwiceTheLimitAndTheConnectionClosed() throws Exception {
        byte[] chunk = new byte[16 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        try (LogCapture logs = new LogCapture(); RawHttp client = new RawHttp(server.port())) {
            client.write(signedHead(chunk, "Transfer-Encoding: chunked"));
            // write exactly twice the limit plus one chunk, then read: the filter has stopped reading by then
            for (int sent = 0; sent <= 2 * LIMIT; sent += chunk.length) {
                client.write(Integer.toHexString(chunk.length) + "\r\n").write(chunk).write("\r\n");
            }
            RawHttp.Answer answer = client.read();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(client.closedByServer()).isTrue();
            assertThat(logs.records()).singleElement().satisfies(r -> assertThat(r).contains("webhook rejected vendor=test reason=payload_too_large status=413"));
        }
        assertThat(APP.calls()).isZero();
    }
}
