package dev.revhooks.cli;

import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookVerificationException;
import java.util.Objects;

/**
 * What a vendor's receiver decided about a request: authentic and parsed, rejected, or authentic
 * with a body that does not parse.
 *
 * <pre>{@code
 * Outcome outcome = receiver.receive(request);
 * if (outcome instanceof Outcome.Rejected rejected) {
 *     report(rejected.failure().reason());
 * }
 * }</pre>
 */
sealed interface Outcome permits Outcome.Authentic, Outcome.Rejected, Outcome.Unreadable {

    /**
     * Authenticated and parsed.
     *
     * @param delivery the verified delivery
     * @param eventType the event's type as sent (RevDesk: as subscribed), or null when the request does not
     *     name it (a RevRag delivery without a usable {@code X-Webhook-Event})
     */
    record Authentic(VerifiedDelivery<?> delivery, String eventType) implements Outcome {
        /**
         * Validates the outcome.
         *
         * @param delivery the delivery
         * @param eventType the type
         */
        public Authentic {
            Objects.requireNonNull(delivery, "delivery");
        }
    }

    /**
     * Not authenticated (or, for an event type check, authentic but refused).
     *
     * @param failure the receiver's exception: the failed check and its message
     */
    record Rejected(WebhookVerificationException failure) implements Outcome {
        /**
         * Validates the outcome.
         *
         * @param failure the failure
         */
        public Rejected {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /**
     * Authenticated, but the body does not parse into the vendor's records.
     *
     * @param error the receiver's payload exception
     */
    record Unreadable(WebhookPayloadException error) implements Outcome {
        /**
         * Validates the outcome.
         *
         * @param error the error
         */
        public Unreadable {
            Objects.requireNonNull(error, "error");
        }
    }
}
