package dev.revhooks.revdesk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.revhooks.core.Secret;
import dev.revhooks.core.api.ApiArguments;
import dev.revhooks.core.api.ApiClientBuilder;
import dev.revhooks.core.api.ApiTransport.Answer;
import dev.revhooks.core.api.ApiTransport.Call;
import dev.revhooks.core.api.ApiTransport;
import dev.revhooks.core.api.ManagementApiException;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.revdesk.RevDeskEventType;
import dev.revhooks.revdesk.RevDeskWebhooks;
import java.net.URI;
import java.util.Set;

/**
 * A client for RevDesk's webhook subscriptions: subscribe a URL to one event type, and unsubscribe
 * it, for deployment pipelines.
 *
 * <pre>{@code
 * RevDeskApi api = RevDeskApi.builder()
 *         .apiKey(Secret.of(System.getenv("REVDESK_API_KEY")))
 *         .build();                                       // once; immutable, thread-safe
 * String id = api.subscribe("https://hooks.example.com/revdesk/call_busy/" + pathToken,
 *         RevDeskEventType.CALL_BUSY);                    // one URL per event type
 * // ... later
 * api.unsubscribe(id);
 * }</pre>
 *
 * <p><b>No signing secret.</b> The subscribe call carries none (the document shows no field for
 * one), so a subscription made here has none: RevDesk then sends its signed event types
 * ({@code number_purchased}, {@code number_released}) with
 * {@code X-revdesk-Signature-256: no-secret-provided} instead of a signature. A
 * {@link RevDeskWebhooks} receiver rejects those ({@code NO_SECRET_CONFIGURED_AT_SENDER}) unless
 * built with {@link RevDeskWebhooks.Builder#acceptUnauthenticatedNoSecretProvided()}; nothing then
 * proves RevDesk sent them, so put a request guard (a secret path token or a source-address
 * allowlist) in front. Call-disposition and SMS events are never signed
 * ({@link RevDeskWebhooks.Builder#acceptUnauthenticatedUnsignedEvents()}).
 *
 * <p>Every call sends {@code Authorization: Bearer <API key>} to the base URI (by default
 * {@value #DEFAULT_BASE_URI_TEXT}) and is sent once: the client never retries, so a subscribe that
 * fails without a clear answer may still have created a subscription (the exception says so).
 * Arguments are checked before anything is sent; a caller error is an
 * {@link IllegalArgumentException}, every failure of the call a {@link ManagementApiException}. The
 * API key never appears in a message, an exception or {@link #toString()}.
 */
public final class RevDeskApi {

    /** The documented base URI, as text: {@value}. */
    public static final String DEFAULT_BASE_URI_TEXT = "https://api.revdesk.com/api/v1";

    private static final String SUBSCRIPTIONS = "/webhook_subscriptions";
    private static final String SUBSCRIBE_UNCERTAIN = "The subscription may have been created; RevDesk documents no"
            + " way to list subscriptions, and subscribing again may deliver each event twice to the URL";

    private final ApiTransport transport;
    private final WebhookJson json;

    private RevDeskApi(ApiTransport transport, WebhookJson json) {
        this.transport = transport;
        this.json = json;
    }

    /**
     * A builder; the API key is required. The base URI defaults to {@value #DEFAULT_BASE_URI_TEXT},
     * below which {@code /webhook_subscriptions} lives; the timeouts to 10 seconds to connect and 30 for a whole call.
     *
     * <pre>{@code
     * builder().apiKey(key).requestTimeout(Duration.ofSeconds(20)).build();
     * }</pre>
     *
     * @return a new builder
     */
    public static ApiClientBuilder<RevDeskApi> builder() {
        return new ApiClientBuilder<>("RevDesk API", URI.create(DEFAULT_BASE_URI_TEXT), RevDeskApi::new);
    }

    /**
     * {@code POST /webhook_subscriptions}: subscribes a URL to one event type, for the whole
     * workspace. See the class description: the subscription has no signing secret.
     *
     * @param webhookUrl the https:// URL RevDesk should POST the events to
     * @param eventType the event type, not {@link RevDeskEventType#UNKNOWN}
     * @return the subscription's id, such as {@code whk_…}, for {@link #unsubscribe(String)}
     * @throws IllegalArgumentException when {@code webhookUrl} is not an https:// URL with a host, or
     *     {@code eventType} is null or {@code UNKNOWN}; nothing is sent
     * @throws ManagementApiException a status other than 200 or 201 (for example 401, 422), an answer
     *     without an id, no answer in time, a network error or an interrupt; unless the status was a
     *     4xx, the subscription may exist, and the message says so
     */
    public String subscribe(String webhookUrl, RevDeskEventType eventType) throws ManagementApiException {
        return subscribe(webhookUrl, eventType, null, null);
    }

    /**
     * {@code POST /webhook_subscriptions}, optionally scoped to one workflow or one campaign. See the
     * class description: the subscription has no signing secret.
     *
     * @param webhookUrl the https:// URL RevDesk should POST the events to
     * @param eventType the event type, not {@link RevDeskEventType#UNKNOWN}
     * @param workflowId deliver only this workflow's events; null for all
     * @param campaignId deliver only this campaign's events; null for all
     * @return the subscription's id, such as {@code whk_…}, for {@link #unsubscribe(String)}
     * @throws IllegalArgumentException when {@code webhookUrl} is not an https:// URL with a host,
     *     {@code eventType} is null or {@code UNKNOWN}, or an id is blank or has surrounding white
     *     space; nothing is sent
     * @throws ManagementApiException as {@link #subscribe(String, RevDeskEventType)}
     */
    public String subscribe(String webhookUrl, RevDeskEventType eventType, String workflowId, String campaignId)
            throws ManagementApiException {
        ApiArguments.httpsUrl("the webhook url", webhookUrl);
        if (eventType == null) {
            throw new IllegalArgumentException("the event type must not be null");
        }
        if (eventType.wireName() == null) {
            throw new IllegalArgumentException(
                    "RevDeskEventType.UNKNOWN cannot be subscribed to; pass the event type's name as a string");
        }
        return send(webhookUrl, eventType.wireName(), workflowId, campaignId);
    }

    /**
     * {@code POST /webhook_subscriptions} with the event type as RevDesk writes it, for a type newer
     * than this library; otherwise as {@link #subscribe(String, RevDeskEventType, String, String)}. The
     * name is sent as given (RevDesk decides whether it exists).
     *
     * @param webhookUrl the https:// URL RevDesk should POST the events to
     * @param eventType the event type's name, such as {@code "call_completed"}
     * @param workflowId deliver only this workflow's events; null for all
     * @param campaignId deliver only this campaign's events; null for all
     * @return the subscription's id, for {@link #unsubscribe(String)}
     * @throws IllegalArgumentException when {@code webhookUrl} is not an https:// URL with a host, or the
     *     event type or an id is null (ids may be), blank or has surrounding white space; nothing is sent
     * @throws ManagementApiException as {@link #subscribe(String, RevDeskEventType)}
     */
    public String subscribe(String webhookUrl, String eventType, String workflowId, String campaignId)
            throws ManagementApiException {
        ApiArguments.httpsUrl("the webhook url", webhookUrl);
        return send(webhookUrl, ApiArguments.text("the event type", eventType), workflowId, campaignId);
    }

    private String send(String webhookUrl, String eventType, String workflowId, String campaignId)
            throws ManagementApiException {
        SubscribeRequest request = new SubscribeRequest(webhookUrl, eventType,
                ApiArguments.optionalText("the workflow id", workflowId),
                ApiArguments.optionalText("the campaign id", campaignId));
        Call call = subscribeCall(json.write(request));
        return readSubscriptionId(call, transport.send(call));
    }

    /**
     * {@code DELETE /webhook_subscriptions/{id}}: ends a subscription. Not retried; ending it again
     * is an error status ({@link ManagementApiException.Failure#UNEXPECTED_STATUS}, typically 404).
     *
     * @param subscriptionId the id {@code subscribe} returned; sent percent-encoded as one path segment
     * @throws IllegalArgumentException when the id is null, blank, has surrounding white space, or is
     *     {@code "."} or {@code ".."}; nothing is sent
     * @throws ManagementApiException a status other than 204, no answer in time, a network error or an
     *     interrupt
     */
    public void unsubscribe(String subscriptionId) throws ManagementApiException {
        transport.send(unsubscribeCall(ApiArguments.pathSegment("the subscription id", subscriptionId)));
    }

    static Call subscribeCall(byte[] jsonBody) {
        return new Call("POST", SUBSCRIPTIONS, jsonBody, Set.of(200, 201), false, SUBSCRIBE_UNCERTAIN);
    }

    static Call unsubscribeCall(String encodedId) {
        return new Call("DELETE", SUBSCRIPTIONS + "/" + encodedId, null, Set.of(204), false, null);
    }

    String readSubscriptionId(Call call, Answer answer) throws ManagementApiException {
        JsonNode id = transport.readObject(call, answer).get("id");
        if (id == null || !id.isTextual() || id.textValue().isBlank()) {
            throw transport.malformed(call, answer, "no subscription id (a non-blank string \"id\")");
        }
        return id.textValue();
    }

    /**
     * Shows the base URI and the timeouts, never the API key.
     *
     * @return a description of the settings
     */
    @Override
    public String toString() {
        return "RevDeskApi[" + transport + "]";
    }

    /** The body of {@code POST /webhook_subscriptions}; absent scopes are omitted. */
    private record SubscribeRequest(
            @JsonProperty("webhook_url") String webhookUrl,
            @JsonProperty("event_type") String eventType,
            @JsonProperty("workflow_id") @JsonInclude(JsonInclude.Include.NON_NULL) String workflowId,
            @JsonProperty("campaign_id") @JsonInclude(JsonInclude.Include.NON_NULL) String campaignId) {
    }
}
