package dev.revhooks.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import java.util.function.UnaryOperator;

/**
 * What receiving one request comes to, as a value that can be compared across threads and runs:
 * for a delivery, the authentication and the delivery key as the outcome and the event as the
 * detail; for a rejection, the failure reason and the message; for a payload error, the message.
 * Any other exception escapes. Shared with the vendor modules' tests.
 *
 * <pre>{@code
 * Verdict verdict = Verdict.of(request, () -> receiver.receive(request));
 * assertThat(verdict.outcome()).isEqualTo("rejected SIGNATURE_MISMATCH");
 * }</pre>
 *
 * @param outcome {@code "accepted <method> <credential id> <delivery key>"},
 *     {@code "rejected <reason>"} or {@code "payload error"}
 * @param detail the event of a delivery, or the exception's message
 */
public record Verdict(String outcome, Object detail) {

    /** One call to a receiver, returning the delivery or throwing one of the library's two exceptions. */
    @FunctionalInterface
    public interface Reception {

        /**
         * Receives the request.
         *
         * @return the verified delivery
         * @throws WebhookVerificationException when the request must not be trusted
         * @throws WebhookPayloadException when an authentic body does not parse
         */
        VerifiedDelivery<?> receive() throws WebhookVerificationException, WebhookPayloadException;
    }

    /**
     * Receives a request and asserts that a delivery's raw body is the request's body array itself,
     * not a copy.
     *
     * @param request the request that {@code reception} receives
     * @param reception the call to the receiver
     * @return the verdict
     */
    public static Verdict of(WebhookRequest request, Reception reception) {
        return of(request, reception, UnaryOperator.identity());
    }

    /**
     * As {@link #of(WebhookRequest, Reception)}, with the delivery key passed through
     * {@code stableKey} first: for keys that are unique per delivery by design.
     *
     * @param request the request that {@code reception} receives
     * @param reception the call to the receiver
     * @param stableKey maps a delivery key's value to the part that must be the same every time
     * @return the verdict
     */
    public static Verdict of(WebhookRequest request, Reception reception, UnaryOperator<String> stableKey) {
        try {
            VerifiedDelivery<?> delivery = reception.receive();
            assertThat(delivery.rawBody()).isSameAs(request.body());
            return new Verdict("accepted " + delivery.authentication().method() + " " + delivery.authentication().credentialId()
                    + " " + stableKey.apply(delivery.deliveryKey().value()), delivery.event());
        } catch (WebhookVerificationException e) {
            return new Verdict("rejected " + e.reason(), e.getMessage());
        } catch (WebhookPayloadException e) {
            return new Verdict("payload error", e.getMessage());
        }
    }
}
