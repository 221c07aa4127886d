package dev.revhooks.revdesk;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.revhooks.core.OpenEnum;

/**
 * A workspace phone number: the {@code payload} of a number-lifecycle envelope
 * ({@code number_purchased}, {@code number_released}).
 *
 * <pre>{@code
 * if (delivery.event() instanceof RevDeskEvent.NumberPurchased purchased) {
 *     PhoneNumber number = purchased.envelope().payload();
 *     inventory.add(number.id(), number.phoneNumber());
 * }
 * }</pre>
 *
 * <p>The document marks no field required: every component may be null.
 *
 * @param id the number's id; a JSON integer (e.g. {@code 4821}), so a fraction or a string is a
 *     payload error; may be null
 * @param phoneNumber the number, e.g. {@code "+15551234567"}; may be null
 * @param areaCode the area code, a string as sent (e.g. {@code "555"}); may be null
 * @param status the number's status, e.g. {@code ACTIVE}; may be null
 * @param organizationId the owning organization's id; may be null
 */
public record PhoneNumber(
        @JsonProperty("id") Long id,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("area_code") String areaCode,
        @JsonProperty("status") OpenEnum<NumberStatus> status,
        @JsonProperty("organization_id") String organizationId) {
}
