package dev.revhooks.demo;

import dev.revhooks.core.WebhookRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends deliveries to the demo receiver over real HTTP, as a vendor would. */
final class Sender {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final URI baseUri;

    Sender(URI baseUri) {
        this.baseUri = baseUri;
    }

    /**
     * POSTs the request's exact body bytes with its headers.
     *
     * @param path the URL path
     * @param request the body and headers to send
     * @return the receiver's status and body
     * @throws IOException when the exchange fails
     * @throws InterruptedException when interrupted
     */
    Answer send(String path, WebhookRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (String name : request.headers().names()) {
            for (String value : request.headers().all(name)) {
                http.header(name, value);
            }
        }
        HttpResponse<String> response = client.send(http.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /**
     * The receiver's answer.
     *
     * @param status the HTTP status
     * @param body the body, decoded as UTF-8; empty when none
     */
    record Answer(int status, String body) {
    }
}
