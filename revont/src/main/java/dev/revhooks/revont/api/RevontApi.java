package dev.revhooks.revont.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.Secret;
import dev.revhooks.core.api.ApiArguments;
import dev.revhooks.core.api.ApiClientBuilder;
import dev.revhooks.core.api.ApiTransport.Answer;
import dev.revhooks.core.api.ApiTransport.Call;
import dev.revhooks.core.api.ApiTransport;
import dev.revhooks.core.api.ManagementApiException;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.revont.RevontEventType;
import dev.revhooks.revont.RevontWebhooks;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A client for Revont's Webhooks API: list, create and delete the endpoints Revont delivers events
 * to, for deployment pipelines. The signing secret returned at creation flows straight into a
 * {@link RevontWebhooks} receiver.
 *
 * <pre>{@code
 * RevontApi api = RevontApi.builder()
 *         .apiKey(Secret.of(System.getenv("REVONT_API_KEY")))
 *         .build();                                        // once; immutable, thread-safe
 * CreatedWebhookEndpoint created = api.create("https://hooks.example.com/revont",
 *         Set.of(RevontEventType.CALL_ENDED, RevontEventType.SUMMARY_READY), "Production event handler");
 * vault.store("revont-webhook-secret", created.secret());  // shown once: store it now
 * RevontWebhooks receiver = RevontWebhooks.builder().secret(created.secret()).build();
 * }</pre>
 *
 * <p>Every call sends {@code Authorization: Bearer <API key>} to the base URI (by default
 * {@value #DEFAULT_BASE_URI_TEXT}) and is sent once: the client never retries, so a create that
 * fails without a clear answer may still have created an endpoint (the exception says so; check
 * with {@link #list()}). Arguments are checked before anything is sent; a caller error is an
 * {@link IllegalArgumentException}, every failure of the call a {@link ManagementApiException}. The
 * API key never appears in a message, an exception or {@link #toString()}.
 */
public final class RevontApi {

    /** The documented base URI, as text: {@value}. */
    public static final String DEFAULT_BASE_URI_TEXT = "https://api.revont.ai/v1";

    private static final String WEBHOOKS = "/webhooks";
    private static final String CREATE_UNCERTAIN = "The webhook may have been created without its signing secret"
            + " reaching you: look for it with list() and delete it";

    private final ApiTransport transport;
    private final WebhookJson json;

    private RevontApi(ApiTransport transport, WebhookJson json) {
        this.transport = transport;
        this.json = json;
    }

    /**
     * A builder; the API key is required. The base URI defaults to {@value #DEFAULT_BASE_URI_TEXT},
     * below which {@code /webhooks} lives; the timeouts to 10 seconds to connect and 30 for a whole call.
     *
     * <pre>{@code
     * builder().apiKey(key).requestTimeout(Duration.ofSeconds(20)).build();
     * }</pre>
     *
     * @return a new builder
     */
    public static ApiClientBuilder<RevontApi> builder() {
        return new ApiClientBuilder<>("Revont API", URI.create(DEFAULT_BASE_URI_TEXT), RevontApi::new);
    }

    /**
     * {@code GET /webhooks}: every webhook endpoint registered in the workspace (the document shows no
     * paging, so one call returns them all).
     *
     * @return the endpoints, in the API's order; immutable
     * @throws ManagementApiException a status other than 200, a body that is not {@code {"data": [...]}}
     *     of endpoints, no answer in time, a network error or an interrupt
     */
    public List<WebhookEndpoint> list() throws ManagementApiException {
        Call call = listCall();
        return readList(call, transport.send(call));
    }

    /**
     * {@code POST /webhooks}: registers an endpoint for some of the documented event types.
     *
     * @param url the https:// URL Revont should deliver to
     * @param events at least one event type, not {@link RevontEventType#UNKNOWN}; sent once each, in
     *     iteration order
     * @param description an optional label, sent as given; null to send none
     * @return the endpoint and its signing secret, which Revont never shows again
     * @throws IllegalArgumentException when {@code url} is not an https:// URL with a host, or no event
     *     is given, or an event is null or {@code UNKNOWN}; nothing is sent
     * @throws ManagementApiException a status other than 201 (for example 401, 422), a body without the
     *     endpoint or its secret, no answer in time, a network error or an interrupt; unless the
     *     status was a 4xx, the endpoint may exist, and the message says so
     */
    public CreatedWebhookEndpoint create(String url, Collection<RevontEventType> events, String description)
            throws ManagementApiException {
        ApiArguments.httpsUrl("the webhook url", url);
        if (events == null) {
            throw new IllegalArgumentException("events must not be null");
        }
        List<String> names = new ArrayList<>(events.size());
        for (RevontEventType type : events) {
            if (type == null) {
                throw new IllegalArgumentException("events must not contain null");
            }
            if (type.wireName() == null) {
                throw new IllegalArgumentException(
                        "RevontEventType.UNKNOWN cannot be subscribed to; use createWithEventNames with the event's name");
            }
            names.add(type.wireName());
        }
        return send(url, names, description);
    }

    /**
     * {@code POST /webhooks} with event names as Revont writes them, for an event newer than this
     * library; otherwise as {@link #create(String, Collection, String)}. A name is sent as given
     * (Revont decides whether it exists).
     *
     * @param url the https:// URL Revont should deliver to
     * @param eventNames at least one name such as {@code "call.ended"}; none blank or with surrounding
     *     white space; sent once each, in iteration order
     * @param description an optional label, sent as given; null to send none
     * @return the endpoint and its signing secret, which Revont never shows again
     * @throws IllegalArgumentException when {@code url} is not an https:// URL with a host, or no name
     *     is given, or a name is null, blank or has surrounding white space; nothing is sent
     * @throws ManagementApiException as {@link #create(String, Collection, String)}
     */
    public CreatedWebhookEndpoint createWithEventNames(String url, Collection<String> eventNames, String description)
            throws ManagementApiException {
        ApiArguments.httpsUrl("the webhook url", url);
        if (eventNames == null) {
            throw new IllegalArgumentException("eventNames must not be null");
        }
        List<String> names = new ArrayList<>(eventNames.size());
        for (String name : eventNames) {
            names.add(ApiArguments.text("an event name", name));
        }
        return send(url, names, description);
    }

    private CreatedWebhookEndpoint send(String url, List<String> names, String description) throws ManagementApiException {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(names));
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("at least one event is required");
        }
        Call call = createCall(json.write(new CreateRequest(url, distinct, description)));
        return readCreated(call, transport.send(call));
    }

    /**
     * {@code DELETE /webhooks/{id}}: deletes an endpoint for good; Revont stops delivering to it at
     * once. Not retried; deleting it again answers 404 ({@link ManagementApiException.Failure#UNEXPECTED_STATUS}).
     *
     * @param id the endpoint's id, such as {@code wh_01HX9ABCDE}; sent percent-encoded as one path segment
     * @throws IllegalArgumentException when {@code id} is null, blank, has surrounding white space, or is
     *     {@code "."} or {@code ".."}; nothing is sent
     * @throws ManagementApiException a status other than 204 (404 for an unknown id), no answer in time, a
     *     network error or an interrupt
     */
    public void delete(String id) throws ManagementApiException {
        transport.send(deleteCall(ApiArguments.pathSegment("the webhook id", id)));
    }

    static Call listCall() {
        return new Call("GET", WEBHOOKS, null, Set.of(200), false, null);
    }

    static Call createCall(byte[] jsonBody) {
        return new Call("POST", WEBHOOKS, jsonBody, Set.of(201), true, CREATE_UNCERTAIN);
    }

    static Call deleteCall(String encodedId) {
        return new Call("DELETE", WEBHOOKS + "/" + encodedId, null, Set.of(204), false, null);
    }

    List<WebhookEndpoint> readList(Call call, Answer answer) throws ManagementApiException {
        return transport.read(call, answer, EndpointList.class).data();
    }

    CreatedWebhookEndpoint readCreated(Call call, Answer answer) throws ManagementApiException {
        ObjectNode body = transport.readObject(call, answer);
        WebhookEndpoint endpoint = transport.convert(call, answer, body, WebhookEndpoint.class);
        if (endpoint.id().isBlank()) {
            throw transport.malformed(call, answer, "the webhook id is blank");
        }
        JsonNode secret = body.get("secret");
        if (secret == null || !secret.isTextual()) {
            throw transport.malformed(call, answer, "webhook " + endpoint.id() + " has no signing secret (a string \"secret\")");
        }
        try {
            return new CreatedWebhookEndpoint(endpoint, Secret.of(endpoint.id(), secret.textValue()));
        } catch (IllegalArgumentException e) {
            throw transport.malformed(call, answer,
                    "the signing secret of webhook " + endpoint.id() + " is empty or has surrounding white space");
        }
    }

    /**
     * Shows the base URI and the timeouts, never the API key.
     *
     * @return a description of the settings
     */
    @Override
    public String toString() {
        return "RevontApi[" + transport + "]";
    }

    /** The body of {@code POST /webhooks}. */
    private record CreateRequest(
            @JsonProperty("url") String url,
            @JsonProperty("events") List<String> events,
            @JsonProperty("description") @JsonInclude(JsonInclude.Include.NON_NULL) String description) {
    }

    /** The answer to {@code GET /webhooks}; a null {@code data} reads as empty. */
    private record EndpointList(@JsonProperty(value = "data", required = true) List<WebhookEndpoint> data) {
        EndpointList {
            data = data == null ? List.of() : List.copyOf(data);
        }
    }
}
