package dev.revhooks.spring.boot.autoconfigure.testing;

import dev.revhooks.core.WebhookRequest;
import java.net.URI;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.RequestEntity;

/**
 * A delivery as a vendor would send it (body, headers and the path it is posted to), for an app's
 * own tests of its webhook listeners. Build one with a vendor's helper
 * ({@link RevontTestDeliveries}, {@link RevRagTestDeliveries}, {@link RevRingTestDeliveries},
 * {@link RevDeskTestDeliveries}) and send it with any client:
 *
 * <pre>{@code
 * SignedDelivery delivery = RevontTestDeliveries.summaryReady("/hooks/revont", Secret.of(secret));
 * // TestRestTemplate / RestTemplate
 * ResponseEntity<String> answer = restTemplate.exchange(delivery.toRequestEntity(URI.create("http://localhost:" + port)), String.class);
 * // MockMvc (with the starter's filter added to it)
 * mockMvc.perform(post(delivery.path()).headers(delivery.headers()).content(delivery.body()));
 * }</pre>
 *
 * <p>{@link #withBody(byte[])} keeps the headers, so the result is a forged delivery a receiver must refuse.
 */
public final class SignedDelivery {

    private final String path;
    private final WebhookRequest request;

    private SignedDelivery(String path, WebhookRequest request) {
        this.path = Objects.requireNonNull(path, "path");
        this.request = Objects.requireNonNull(request, "request");
    }

    /**
     * A delivery of a signer's request to a path.
     *
     * @param path the webhook path, e.g. {@code /hooks/revont}
     * @param request the request a vendor signer built
     * @return the delivery
     */
    public static SignedDelivery of(String path, WebhookRequest request) {
        return new SignedDelivery(path, request);
    }

    /**
     * The path the delivery is posted to.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * The raw body.
     *
     * @return a copy of the body
     */
    public byte[] body() {
        return request.body().clone();
    }

    /**
     * The headers, with {@code Content-Type: application/json} when the signer set none.
     *
     * @return a fresh, mutable copy
     */
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        for (String name : request.headers().names()) {
            request.headers().all(name).forEach(value -> headers.add(name, value));
        }
        if (request.headers().first("Content-Type") == null) {
            headers.add("Content-Type", "application/json");
        }
        return headers;
    }

    /**
     * A {@code POST} of this delivery to the path under {@code baseUri}.
     *
     * @param baseUri the app's base, e.g. {@code http://localhost:8080}
     * @return the request entity, for {@code RestTemplate}, {@code TestRestTemplate} or {@code RestClient}
     */
    public RequestEntity<byte[]> toRequestEntity(URI baseUri) {
        return RequestEntity.post(baseUri.resolve(path)).headers(headers()).body(body());
    }

    /**
     * The same headers posted to another path.
     *
     * @param otherPath the path
     * @return a new delivery
     */
    public SignedDelivery withPath(String otherPath) {
        return new SignedDelivery(otherPath, request);
    }

    /**
     * Another body under the same headers: a forged delivery.
     *
     * @param otherBody the body
     * @return a new delivery
     */
    public SignedDelivery withBody(byte[] otherBody) {
        return new SignedDelivery(path, WebhookRequest.builder(otherBody.clone()).headers(request.headers()).build());
    }

    @Override
    public String toString() {
        return "SignedDelivery[" + path + ", " + request.body().length + " bytes]";
    }
}
