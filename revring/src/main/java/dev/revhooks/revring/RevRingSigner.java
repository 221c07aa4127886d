package dev.revhooks.revring;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.json.WebhookJson;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Builds requests as RevRing sends them, carrying an API key in {@code x-api-key}, for testing
 * the code that receives them.
 *
 * <pre>{@code
 * RevRingSigner signer = RevRingSigner.of(Secret.of("test-key"));
 * WebhookRequest request = signer.request(Files.readAllBytes(Path.of("post-call.json")));
 * RevRingEvent event = RevRingWebhooks.builder().apiKey(Secret.of("test-key")).build()
 *         .receive(request).event();
 * }</pre>
 *
 * <p>Add a path or a remote address for request guards with {@link WebhookRequest#toBuilder()}.
 */
public final class RevRingSigner {

    private final Secret apiKey;

    private RevRingSigner(Secret apiKey) {
        this.apiKey = apiKey;
    }

    /**
     * A signer sending the given key.
     *
     * @param apiKey the key to put in {@code x-api-key}
     * @return the signer
     */
    public static RevRingSigner of(Secret apiKey) {
        return new RevRingSigner(Objects.requireNonNull(apiKey, "apiKey"));
    }

    /**
     * A request with this body, exactly as given, and the key header.
     *
     * @param rawBody the body; not copied
     * @return the request, with {@code x-api-key} and {@code Content-Type: application/json}
     */
    public WebhookRequest request(byte[] rawBody) {
        return WebhookRequest.builder(rawBody)
                .header(RevRingWebhooks.API_KEY_HEADER, new String(apiKey.bytes(), StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .build();
    }

    /**
     * A post-call request carrying the call record as JSON.
     *
     * @param call the record
     * @return the request
     */
    public WebhookRequest postCall(CallRecord call) {
        return request(WebhookJson.shared().write(Objects.requireNonNull(call, "call")));
    }

    /**
     * A pre-call request: the request's fields and {@code "event": "pre_call"}.
     *
     * @param preCall the request body
     * @return the request
     */
    public WebhookRequest preCall(PreCallRequest preCall) {
        return request(WebhookJson.shared().write(new PreCallBody(Objects.requireNonNull(preCall, "preCall"))));
    }

    @Override
    public String toString() {
        return "RevRingSigner[" + apiKey + "]";
    }

    /** The pre-call body as RevRing sends it: the event name, then the request's fields. */
    private record PreCallBody(@JsonUnwrapped PreCallRequest request) {

        @JsonProperty(RevRingWebhooks.EVENT_FIELD)
        String event() {
            return RevRingEventType.PRE_CALL.wireName();
        }
    }
}
