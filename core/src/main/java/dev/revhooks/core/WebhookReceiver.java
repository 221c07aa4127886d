package dev.revhooks.core;

import dev.revhooks.core.observe.WebhookObserver;

/**
 * What every vendor's entry point offers, so adapters (a servlet filter, a CLI, benchmarks) can
 * treat all vendors alike. Implementations are immutable, built once and shared by all request
 * threads.
 *
 * <pre>{@code
 * WebhookReceiver<RevontEvent> receiver = RevontWebhooks.builder().secret(secret).build();
 * byte[] body = receiver.bodyLimit().read(in);
 * VerifiedDelivery<RevontEvent> delivery = receiver.receive(WebhookRequest.of(body, headers));
 * }</pre>
 *
 * @param <E> the vendor's sealed event type
 */
public interface WebhookReceiver<E> {

    /**
     * The vendor's short name, e.g. {@code "revont"}, as used in delivery keys.
     *
     * @return the vendor name
     */
    String vendor();

    /**
     * The largest body this receiver accepts; adapters stop reading a stream at this limit.
     *
     * @return the body limit
     */
    BodyLimit bodyLimit();

    /**
     * The longest accepted value of a header verification reads; adapters answer 431 from it.
     *
     * <pre>{@code
     * if (value.length() > receiver.headerLimit().maxChars()) {
     *     response.setStatus(431);
     * }
     * }</pre>
     *
     * @return the header limit; {@link HeaderLimit#DEFAULT} unless the receiver was told otherwise
     */
    default HeaderLimit headerLimit() {
        return HeaderLimit.DEFAULT;
    }

    /**
     * The observer this receiver reports to, so an adapter reports what it did (a duplicate, a
     * body it could not read) to the same place.
     *
     * <pre>{@code
     * receiver.observer().answered(receiver.vendor(), null, AdapterOutcome.METHOD_NOT_ALLOWED);
     * }</pre>
     *
     * @return the observer; {@link WebhookObserver#none()} unless the receiver was told otherwise
     */
    default WebhookObserver observer() {
        return WebhookObserver.none();
    }

    /**
     * Authenticates a request without parsing its body.
     *
     * @param request the request as received
     * @return how it was authenticated
     * @throws WebhookVerificationException when the request must not be trusted
     */
    Authentication verify(WebhookRequest request) throws WebhookVerificationException;

    /**
     * Parses the body of a request that was already verified. A finding that {@link #receive}
     * reports as a verification failure while parsing (an event type other than the one an
     * endpoint serves, {@link FailureReason#EVENT_TYPE_MISMATCH}) is reported here as a
     * {@link WebhookPayloadException} whose cause is that {@link WebhookVerificationException}.
     *
     * @param verifiedRequest a request that passed {@link #verify(WebhookRequest)}
     * @return the typed event
     * @throws WebhookPayloadException when the body does not parse; carries the raw body
     */
    E parse(WebhookRequest verifiedRequest) throws WebhookPayloadException;

    /**
     * Verifies, then parses. Nothing is parsed unless verification passed.
     *
     * @param request the request as received
     * @return the verified delivery
     * @throws WebhookVerificationException when the request must not be trusted
     * @throws WebhookPayloadException when an authentic body does not parse; carries the raw body and
     *     the request's {@link WebhookPayloadException#authentication() authentication}
     */
    VerifiedDelivery<E> receive(WebhookRequest request) throws WebhookVerificationException, WebhookPayloadException;
}
