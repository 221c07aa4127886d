package dev.revhooks.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.WebhookRequest;
import dev.revhooks.revont.RevontSigner;
import dev.revhooks.revring.RevRingSigner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServeModeTest {

    @Test
    void servePrintsTheUrlsAndCredentialsAndLogsEachDelivery() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (DemoServer server = ServeMode.start(0, Clock.systemUTC(), out)) {
            String banner = bytes.toString(StandardCharsets.UTF_8);
            assertThat(banner).startsWith("revhooks demo receiver at " + server.baseUri() + " (127.0.0.1 only)")
                    .contains("/hooks/revont", "/hooks/revrag", "/hooks/revring/post-call", "/hooks/revring/pre-call",
                            "/hooks/revdesk/number_purchased", "/hooks/revdesk/call_voicemail/{token}",
                            "/hooks/revdesk/sms_delivered")
                    .contains(DemoSecrets.REVONT_SIGNING_SECRET, DemoSecrets.REVRAG_SIGNING_SECRET,
                            DemoSecrets.REVRING_API_KEY, DemoSecrets.REVDESK_SIGNING_SECRET, DemoSecrets.REVDESK_PATH_TOKEN);
            Sender sender = new Sender(server.baseUri());

            Sender.Answer preCall = sender.send(Endpoints.REVRING_PRE_CALL,
                    RevRingSigner.of(DemoSecrets.revring()).request(Sample.REVRING_PRE_CALL.bytes()));
            Sender.Answer forged = sender.send(Endpoints.REVONT,
                    RevontSigner.of(DemoSecrets.attacker()).sign(Sample.REVONT_SUMMARY_READY.bytes()));
            WebhookRequest genuine = RevontSigner.of(DemoSecrets.revont()).sign(Sample.REVONT_SUMMARY_READY.bytes());
            Sender.Answer first = sender.send(Endpoints.REVONT, genuine);
            Sender.Answer again = sender.send(Endpoints.REVONT, genuine);

            assertThat(List.of(preCall.status(), forged.status(), first.status(), again.status()))
                    .containsExactly(200, 401, 204, 200);
            assertThat(preCall.body()).isEqualTo("{\"variables\":{\"callerNumber\":\"+14155550123\",\"directDial\":false}}");
            List<String> log = bytes.toString(StandardCharsets.UTF_8).substring(banner.length()).lines().toList();
            assertThat(log).hasSize(4);
            assertThat(log.get(0)).matches("\\d\\d:\\d\\d:\\d\\d revring event PreCall fromNumber=\\+14155550123 .*");
            assertThat(log.get(1)).matches("\\d\\d:\\d\\d:\\d\\d INFO webhook rejected vendor=revont reason=signature_mismatch"
                    + " status=401 detail=\"SIGNATURE_MISMATCH: .*");
            assertThat(log.get(2)).matches("\\d\\d:\\d\\d:\\d\\d revont event SummaryReady call_id=call_abc123 .*");
            assertThat(log.get(3)).matches("\\d\\d:\\d\\d:\\d\\d INFO webhook duplicate vendor=revont key=revont:summary.ready:[0-9a-f]{64}"
                    + " status=200 detail=\"already processed; acknowledged, not passed on\"");
            for (String secret : List.of(DemoSecrets.REVONT_SIGNING_SECRET, DemoSecrets.REVRING_API_KEY,
                    DemoSecrets.ATTACKER_KEY)) {
                assertThat(log).noneMatch(line -> line.contains(secret));
            }
        }
    }

    @Test
    void aPortInUseIsReportedAndExitsWithStatus1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int status = Demo.run(new String[] {"--serve", "--port", Integer.toString(port)},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(status).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("revhooks demo: port " + port
                    + " on 127.0.0.1 is already in use; choose another with --port N" + System.lineSeparator());
        }
    }
}
