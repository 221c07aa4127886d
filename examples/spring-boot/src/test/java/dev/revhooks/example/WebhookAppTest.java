package dev.revhooks.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Secret;
import dev.revhooks.spring.boot.autoconfigure.testing.RevRingTestDeliveries;
import dev.revhooks.spring.boot.autoconfigure.testing.RevontTestDeliveries;
import dev.revhooks.spring.boot.autoconfigure.testing.SignedDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The example app in its real server, without Spring Security: what its README promises. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"REVONT_WEBHOOK_SECRET=whsec_example_secret", "REVRING_API_KEY=example-api-key"})
class WebhookAppTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Test
    void aSignedRevontSummaryIs204AndAForgedOne401() throws Exception {
        SignedDelivery summary = RevontTestDeliveries.summaryReady("/hooks/revont", Secret.of("whsec_example_secret"));

        assertThat(send(summary).statusCode()).isEqualTo(204);
        assertThat(send(summary).statusCode()).isEqualTo(200);   // the replay guard: already processed
        assertThat(send(summary.withBody("{}".getBytes())).statusCode()).isEqualTo(401);
    }

    @Test
    void aRevRingPreCallGetsTheListenersAnswer() throws Exception {
        HttpResponse<String> answer = send(RevRingTestDeliveries.preCall("/hooks/revring", Secret.of("example-api-key")));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"vip\":true");
    }

    @Test
    void otherPathsAreTheAppsOwn() throws Exception {
        HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/other")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(other.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> send(SignedDelivery delivery) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + delivery.path()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.headers().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
