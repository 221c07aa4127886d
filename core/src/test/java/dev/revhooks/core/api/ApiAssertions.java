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

    /**
     * Error bodies an API might answer that echo what it was sent: the key's first 16 characters, the
     * key upper-cased, the webhook URL with its token, the token alone in a query, and the key cut in
     * the middle, each inside a JSON error.
     *
     * @param apiKeyValue the API key the client was given (at least 24 characters)
     * @param webhookUrl the webhook URL the client sent, holding {@code token}
     * @param token the credential in the URL's path or query
     * @return the bodies
     */
    public static java.util.List<String> echoingBodies(String apiKeyValue, String webhookUrl, String token) {
        return java.util.List.of(
                "{\"error\":\"bad key " + apiKeyValue.substring(0, 16) + "...\"}",
                "{\"error\":\"unknown key\",\"key\":\"" + apiKeyValue.toUpperCase(java.util.Locale.ROOT) + "\"}",
                "{\"error\":\"url rejected\",\"url\":\"" + webhookUrl + "\"}",
                "{\"error\":\"url rejected\",\"request\":\"POST /hooks?token=" + token + "\"}",
                "{\"error\":\"token " + token + " is invalid\"}",
                "{\"echo\":\"" + apiKeyValue.substring(3, 14) + " / " + apiKeyValue.substring(12).toLowerCase(java.util.Locale.ROOT)
                        + "\",\"u\":\"" + webhookUrl.toUpperCase(java.util.Locale.ROOT) + "\"}");
    }

    /**
     * Checks that neither the message, the excerpt nor {@code toString()} shows any 8 characters in a
     * row of the key (in any case) or the given token (in any case).
     *
     * @param e the exception
     * @param apiKeyValue the API key the client was given
     * @param token a credential the client sent in a URL
     * @throws AssertionError when one shows
     */
    public static void assertShowsNoCredential(ManagementApiException e, String apiKeyValue, String token) {
        for (String text : java.util.List.of(e.getMessage(), e.bodyExcerpt(), e.toString())) {
            String folded = text.toLowerCase(java.util.Locale.ROOT);
            for (int i = 0; i + 8 <= apiKeyValue.length(); i++) {
                assertThat(folded).as(text).doesNotContain(apiKeyValue.substring(i, i + 8).toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(folded).as(text).doesNotContain(token.toLowerCase(java.util.Locale.ROOT));
        }
    }
}
