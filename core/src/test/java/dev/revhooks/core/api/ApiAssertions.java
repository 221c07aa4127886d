package dev.revhooks.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.testing.LocalApiServer;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Test helpers for management API clients, shared with the vendor modules' tests (with
 * {@link LocalApiServer}).
 *
 * <pre>{@code
 * ManagementApiException e = apiFailure(() -> api.delete("wh_1"));
 * assertAuthorizedRequest(server.onlyRequest(), "DELETE", "/v1/webhooks/wh_1", API_KEY_VALUE);
 * assertThat(json(server.onlyRequest().body())).isEqualTo(json("{\"url\":\"https://h.example\"}"));
 * }</pre>
 */
public final class ApiAssertions {

    private ApiAssertions() {
    }

    /**
     * Runs a call that must throw a {@link ManagementApiException}.
     *
     * @param call the call
     * @return the exception
     * @throws AssertionError when the call throws nothing or something else
     */
    public static ManagementApiException apiFailure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ManagementApiException.class);
        return (ManagementApiException) thrown;
    }

    /**
     * Checks the request line and the headers every call sends: the bearer API key and
     * {@code Accept: application/json}, each once.
     *
     * @param request the request the server received
     * @param method the expected method
     * @param rawPath the expected path, as sent
     * @param apiKeyValue the API key the client was given
     * @throws AssertionError when one differs
     */
    public static void assertAuthorizedRequest(LocalApiServer.Received request, String method, String rawPath,
                                               String apiKeyValue) {
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.rawPath()).isEqualTo(rawPath);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + apiKeyValue);
        assertThat(request.header("Accept")).isEqualTo("application/json");
    }

    /**
     * Reads JSON text, to compare bodies regardless of spacing and key order.
     *
     * @param text a JSON object
     * @return the object
     * @throws AssertionError when the text is not a JSON object
     */
    public static ObjectNode json(String text) {
        return json(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads JSON bytes, to compare bodies regardless of spacing and key order.
     *
     * @param bytes a JSON object as UTF-8
     * @return the object
     * @throws AssertionError when the bytes are not a JSON object
     */
    public static ObjectNode json(byte[] bytes) {
        try {
            return WebhookJson.shared().readObject(bytes);
        } catch (WebhookPayloadException e) {
            throw new AssertionError("not a JSON object: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
