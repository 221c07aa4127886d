package dev.revhooks.revrag;

import dev.revhooks.core.HttpWhiteSpace;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.WebhookHeaders;
import java.util.List;

/**
 * The {@code X-Webhook-ID} and {@code X-Webhook-Event} headers of a delivery. <strong>Neither is
 * authenticated</strong>: RevRag's HMAC covers only {@code "{t}.{raw_body}"}, so anyone who can
 * replay a captured delivery within the tolerance window can change these headers. Use them for
 * logging and correlation, never for decisions that need trust.
 *
 * <pre>{@code
 * UnauthenticatedHints hints = delivery.event().hints();
 * log.info("RevRag delivery {} ({})", hints.webhookId(), hints.event());
 * }</pre>
 *
 * <p>For de-duplication use {@link dev.revhooks.core.VerifiedDelivery#deliveryKey()}, which digests
 * the signed body: a replay with a fresh id is still recognised. A header counts only when sent
 * exactly once, non-empty and no longer than {@link RequiredHeader#DEFAULT_MAX_LENGTH} characters
 * (surrounding spaces and tabs removed, nothing else), and without other white space, control or
 * format characters ({@link HttpWhiteSpace}); otherwise its component is null.
 *
 * @param webhookId {@code X-Webhook-ID}, e.g. {@code evt_01HC3Q0MZQABR3…}; may be null
 * @param event {@code X-Webhook-Event}, e.g. {@code call.ended}; the header that chose the event
 *     type; may be null
 */
public record UnauthenticatedHints(String webhookId, String event) {

    static final String WEBHOOK_ID_HEADER = "X-Webhook-ID";
    static final String EVENT_HEADER = "X-Webhook-Event";

    static UnauthenticatedHints from(WebhookHeaders headers) {
        return new UnauthenticatedHints(single(headers, WEBHOOK_ID_HEADER), single(headers, EVENT_HEADER));
    }

    private static String single(WebhookHeaders headers, String name) {
        List<String> values = headers.all(name);
        if (values.size() != 1 || values.get(0).length() > RequiredHeader.DEFAULT_MAX_LENGTH) {
            return null;
        }
        String value = HttpWhiteSpace.trim(values.get(0));
        return value.isEmpty() || HttpWhiteSpace.firstForbidden(value) >= 0 ? null : value;
    }
}
