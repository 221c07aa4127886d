package dev.revhooks.revont.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.revont.RevontEventType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A webhook endpoint registered with Revont, as the Webhooks API lists and creates it.
 *
 * <pre>{@code
 * for (WebhookEndpoint endpoint : api.list()) {
 *     boolean summaries = endpoint.events().contains(OpenEnum.of(RevontEventType.SUMMARY_READY));
 *     log.info("{} -> {} (summaries: {})", endpoint.id(), endpoint.url(), summaries);
 * }
 * }</pre>
 *
 * <p>Only {@code id} is required (without it an endpoint cannot be deleted); every other component
 * may be null, as the document marks none required, except {@code events}, which is empty when
 * absent or null. Values are kept as sent: an event name or a status the document does not list is
 * {@code UNKNOWN} with its string kept.
 *
 * @param id the endpoint's id, such as {@code wh_01HX9ABCDE}; never null
 * @param url the destination URL; may be null
 * @param events the event types the endpoint receives, in the API's order; immutable, never null
 * @param description the human-readable label; may be null
 * @param createdAt when the endpoint was registered, in UTC; may be null
 * @param status {@code active} or {@code disabled}; may be null
 */
public record WebhookEndpoint(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty("url") String url,
        @JsonProperty("events") List<OpenEnum<RevontEventType>> events,
        @JsonProperty("description") String description,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("status") OpenEnum<WebhookEndpointStatus> status) {

    /**
     * Normalises {@code events} to an immutable list and requires an id.
     *
     * @param id the id
     * @param url the URL
     * @param events the event types; null reads as empty; no null elements
     * @param description the label
     * @param createdAt the registration time
     * @param status the status
     */
    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        events = events == null ? List.of() : List.copyOf(events);
    }
}
