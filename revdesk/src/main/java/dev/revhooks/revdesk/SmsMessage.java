package dev.revhooks.revdesk;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.revhooks.core.OpenEnum;
import java.time.Instant;

/**
 * The outbound message of an SMS event ({@code sms_sent}, {@code sms_delivered},
 * {@code sms_failed}): delivered flat, it is the whole request body.
 *
 * <pre>{@code
 * if (delivery.event() instanceof RevDeskEvent.SmsEvent sms && sms.type() == RevDeskEventType.SMS_FAILED) {
 *     alert(sms.message().phoneNumber(), sms.message().errorMessage());
 * }
 * }</pre>
 *
 * <p>The document marks no field required: every component may be null.
 *
 * @param id the message's id (shown as {@code "msg_uuid"}); may be null
 * @param phoneNumber the recipient's number, e.g. {@code "+15557654321"}; may be null
 * @param fromNumber the sending number; may be null
 * @param direction the message's direction; may be null
 * @param status the message's status, e.g. {@code delivered}; may be null
 * @param contactToken the contact's token; may be null
 * @param providerId the carrier or provider's id for the message; may be null
 * @param errorMessage why the message failed; may be null
 * @param channel the channel, e.g. {@code sms}; may be null
 * @param createdAt when the message was created; may be null
 */
public record SmsMessage(
        @JsonProperty("id") String id,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("from_number") String fromNumber,
        @JsonProperty("direction") OpenEnum<Direction> direction,
        @JsonProperty("status") OpenEnum<SmsStatus> status,
        @JsonProperty("contact_token") String contactToken,
        @JsonProperty("provider_id") String providerId,
        @JsonProperty("error_message") String errorMessage,
        @JsonProperty("channel") OpenEnum<MessageChannel> channel,
        @JsonProperty("created_at") Instant createdAt) {
}
