package dev.revhooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontSigner;
import dev.revhooks.revont.RevontWebhooks;
import dev.revhooks.servlet.WebhookFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two "instances" of an app in one real Jetty: {@code /a} and {@code /b}, each a
 * {@link WebhookFilter} with its own {@link JdbcReplayGuard} over its own pool, both on one
 * PostgreSQL database; and {@code /down}, whose guard's database cannot be reached.
 */
class TwoInstancesFilterTest {

    private static final Secret SECRET = Secret.of("whsec_two_instances_test_secret");
    private static final RevontSigner SIGNER = RevontSigner.of(SECRET);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Map<String, AtomicInteger> HANDLED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private static HikariDataSource poolA;
    private static HikariDataSource poolB;
    private static HikariDataSource poolDown;
    private static Server server;
    private static ServerConnector connector;

    /** Counts deliveries by call id; the first attempt of a call id starting with "flaky" fails. */
    static final class App extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
            VerifiedDelivery<RevontEvent> delivery = WebhookFilter.delivery(req, RevontEvent.class);
            String callId = callIdOf(delivery);
            if (callId.startsWith("flaky") && ATTEMPTS.computeIfAbsent(callId, k -> new AtomicInteger()).incrementAndGet() == 1) {
                resp.setStatus(500);
                return;
            }
            HANDLED.computeIfAbsent(callId, k -> new AtomicInteger()).incrementAndGet();
            resp.setStatus(204);
        }
    }

    private static String callIdOf(VerifiedDelivery<RevontEvent> delivery) {
        String raw = new String(delivery.rawBody(), StandardCharsets.UTF_8);
        int start = raw.indexOf("\"call_id\":\"") + "\"call_id\":\"".length();
        return raw.substring(start, raw.indexOf('"', start));
    }

    @BeforeAll
    static void start() throws Exception {
        poolA = Databases.pool(Databases.postgres(), 2);
        poolB = Databases.pool(Databases.postgres(), 2);
        poolDown = Databases.pool("jdbc:postgresql://127.0.0.1:" + closedPort() + "/postgres", 1, Duration.ofMillis(500));
        RevontWebhooks revont = RevontWebhooks.builder().secret(SECRET).build();
        JdbcReplayGuard guardA = JdbcReplayGuard.builder(poolA).table("two_instances").createTableIfMissing().build();
        JdbcReplayGuard guardB = JdbcReplayGuard.builder(poolB).table("two_instances").build();
        JdbcReplayGuard guardDown = JdbcReplayGuard.builder(poolDown).dialect(SqlDialect.POSTGRESQL).build();

        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(WebhookFilter.builder(revont).replayGuard(guardA).build()), "/a", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(WebhookFilter.builder(revont).replayGuard(guardB).build()), "/b", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(WebhookFilter.builder(revont).replayGuard(guardDown).build()), "/down",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new App()), "/*");
        server.setHandler(context);
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        poolA.close();
        poolB.close();
        poolDown.close();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // nothing listens there once closed
        }
    }

    private static HttpResponse<String> deliver(String instance, String callId) throws Exception {
        byte[] body = ("{\"event\":\"summary.ready\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":{\"call_id\":\"" + callId
                + "\",\"rep_id\":\"user_xyz789\",\"duration_seconds\":2847,\"coaching_score\":82}}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + instance))
                .header(RevontWebhooks.SIGNATURE_HEADER, SIGNER.signatureHeader(body))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int handled(String callId) {
        return HANDLED.getOrDefault(callId, new AtomicInteger()).get();
    }

    @Test
    void aDeliveryAndItsRetryReachingDifferentInstancesAreProcessedOnce() throws Exception {
        assertThat(deliver("/a", "call_1").statusCode()).isEqualTo(204);
        HttpResponse<String> retry = deliver("/b", "call_1");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("already processed");
        assertThat(deliver("/a", "call_1").statusCode()).isEqualTo(200);
        assertThat(handled("call_1")).isEqualTo(1);
    }

    @Test
    void aFailedFirstAttemptOnOneInstanceIsProcessedByTheRetryOnTheOther() throws Exception {
        assertThat(deliver("/b", "flaky_2").statusCode()).isEqualTo(500);
        assertThat(deliver("/a", "flaky_2").statusCode()).isEqualTo(204);
        assertThat(deliver("/b", "flaky_2").statusCode()).isEqualTo(200);
        assertThat(handled("flaky_2")).isEqualTo(1);
    }

    @Test
    void anUnreachableDatabaseGets503WithRetryAfterAndNothingPassedOn() throws Exception {
        HttpResponse<String> response = deliver("/down", "call_3");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(response.body()).isEqualTo("replay guard store unavailable; retry later\n");
        assertThat(handled("call_3")).isZero();
    }
}
