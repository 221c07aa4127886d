package dev.revhooks.revdesk;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.revhooks.core.OpenEnum;
import java.time.Instant;
import java.util.Objects;

/**
 * The signed envelope of a number-lifecycle delivery: {@code triggerEvent} (RevDesk's internal
 * event name), {@code createdAt} and the {@code payload}.
 *
 * <pre>{@code
 * if (delivery.event() instanceof RevDeskEvent.NumberLifecycleEvent lifecycle) {
 *     LifecycleEnvelope envelope = lifecycle.envelope();
 *     log.info("{} {} at {}", envelope.triggerEvent(), envelope.payload().phoneNumber(), envelope.createdAt());
 * }
 * }</pre>
 *
 * <p>{@code triggerEvent} and {@code payload} make a body an envelope, so both are required (absent
 * or {@code null} is a payload error); {@code createdAt} may be null.
 *
 * @param triggerEvent RevDesk's internal event name, e.g. {@code number.purchased}
 * @param createdAt when the event was created; may be null
 * @param payload the phone number the event is about
 */
public record LifecycleEnvelope(
        @JsonProperty(value = "triggerEvent", required = true) @JsonSetter(nulls = Nulls.FAIL)
        OpenEnum<RevDeskTriggerEvent> triggerEvent,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty(value = "payload", required = true) @JsonSetter(nulls = Nulls.FAIL)
        PhoneNumber payload) {

    /**
     * Validates the envelope: {@code triggerEvent} and {@code payload} are required.
     *
     * @param triggerEvent RevDesk's internal event name
     * @param createdAt when the event was created, or null
     * @param payload the phone number
     */
    public LifecycleEnvelope {
        Objects.requireNonNull(triggerEvent, "triggerEvent");
        Objects.requireNonNull(payload, "payload");
    }
}
