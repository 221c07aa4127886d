package dev.revhooks.core;

import dev.revhooks.core.observe.DeliveryObservation;
import dev.revhooks.core.observe.WebhookObserver;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one {@code receive} every vendor runs: verify, then parse, each step timed and reported to
 * the receiver's {@link WebhookObserver}, and a payload error tagged with the authentication that
 * preceded it. A vendor receiver builds one path when it is built and hands each request to it.
 *
 * <pre>{@code
 * this.path = new ReceivePath<Void, RevontEvent>("revont", settings.observer(),
 *         (none, request) -> verify(request),
 *         (none, request, authentication) -> deliver(request, authentication),
 *         RevontEvent::type);
 *
 * public VerifiedDelivery<RevontEvent> receive(WebhookRequest request) throws ... {
 *     return path.receive(null, request);
 * }
 * }</pre>
 *
 * <p>With {@link WebhookObserver#none()} the path calls the two steps and nothing else: no clock
 * is read, nothing is allocated. Otherwise it calls {@link WebhookObserver#start(String)} once
 * and ends the observation with exactly one of {@code rejected} (a {@link WebhookVerificationException}
 * from either step), {@code accepted} or {@code unparseable} (a {@link WebhookPayloadException}, or
 * any unexpected exception, from either step). Any {@link RuntimeException} the observer throws is
 * caught and ignored.
 *
 * @param <C> what a vendor's steps need besides the request (RevDesk's subscribed event type), or
 *     {@link Void}
 * @param <E> the vendor's event type
 */
public final class ReceivePath<C, E> {

    /**
     * A vendor's first step: limits and authentication; nothing is parsed.
     *
     * <pre>{@code
     * ReceivePath.Verify<Void> verify = (none, request) -> verify(request);
     * }</pre>
     *
     * @param <C> the context passed to {@link ReceivePath#receive(Object, WebhookRequest)}
     */
    @FunctionalInterface
    public interface Verify<C> {

        /**
         * Checks limits and authenticates.
         *
         * @param context the context given to {@code receive}
         * @param request the request as received
         * @return how the request was authenticated
         * @throws WebhookVerificationException when the request must not be trusted
         */
        Authentication verify(C context, WebhookRequest request) throws WebhookVerificationException;
    }

    /**
     * A vendor's second step: parsing, and the checks that need the parsed body (a maximum event
     * age, the served event type); runs only after {@link Verify} passed.
     *
     * <pre>{@code
     * ReceivePath.Parse<Void, RevontEvent> parse = (none, request, authentication) -> deliver(request, authentication);
     * }</pre>
     *
     * @param <C> the context passed to {@link ReceivePath#receive(Object, WebhookRequest)}
     * @param <E> the vendor's event type
     */
    @FunctionalInterface
    public interface Parse<C, E> {

        /**
         * Parses the verified request into a delivery.
         *
         * @param context the context given to {@code receive}
         * @param request the verified request
         * @param authentication what the verify step returned
         * @return the delivery
         * @throws WebhookVerificationException when a check on the parsed body fails
         * @throws WebhookPayloadException when the body does not parse (the path adds the authentication)
         */
        VerifiedDelivery<E> parse(C context, WebhookRequest request, Authentication authentication)
                throws WebhookVerificationException, WebhookPayloadException;
    }

    private final String vendor;
    private final WebhookObserver observer;
    private final Verify<C> verify;
    private final Parse<C, E> parse;
    private final Function<? super E, ? extends WireValue> eventType;

    /**
     * A path for one receiver.
     *
     * @param vendor the vendor name the observer is told
     * @param observer the receiver's observer
     * @param verify the vendor's verify step
     * @param parse the vendor's parse step
     * @param eventType the vendor's event-type constant of an event ({@code RevontEvent::type})
     */
    public ReceivePath(String vendor, WebhookObserver observer, Verify<C> verify, Parse<C, E> parse,
            Function<? super E, ? extends WireValue> eventType) {
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.verify = Objects.requireNonNull(verify, "verify");
        this.parse = Objects.requireNonNull(parse, "parse");
        this.eventType = Objects.requireNonNull(eventType, "eventType");
    }

    /**
     * Verifies, then parses; nothing is parsed unless verification passed.
     *
     * @param context what the vendor's steps need besides the request, or null
     * @param request the request as received
     * @return the verified delivery
     * @throws WebhookVerificationException when the request must not be trusted
     * @throws WebhookPayloadException when an authentic body does not parse; carries the raw body and
     *     the authentication
     */
    public VerifiedDelivery<E> receive(C context, WebhookRequest request)
            throws WebhookVerificationException, WebhookPayloadException {
        if (observer == WebhookObserver.none()) {
            Authentication authentication = verify.verify(context, request);
            try {
                return parse.parse(context, request, authentication);
            } catch (WebhookPayloadException e) {
                throw e.authenticatedBy(authentication);
            }
        }
        return observed(context, request);
    }

    private VerifiedDelivery<E> observed(C context, WebhookRequest request)
            throws WebhookVerificationException, WebhookPayloadException {
        DeliveryObservation observation = start();
        long started = System.nanoTime();
        Authentication authentication;
        try {
            authentication = verify.verify(context, request);
        } catch (WebhookVerificationException e) {
            rejected(observation, e.reason(), System.nanoTime() - started);
            throw e;
        } catch (RuntimeException | Error e) {
            unparseable(observation, System.nanoTime() - started);
            throw e;
        }
        long verified = System.nanoTime();
        try {
            observation.verified(authentication, verified - started);
        } catch (RuntimeException ignored) {
            // an observer never changes what a delivery gets
        }
        VerifiedDelivery<E> delivery;
        try {
            delivery = parse.parse(context, request, authentication);
        } catch (WebhookVerificationException e) {
            rejected(observation, e.reason(), System.nanoTime() - started);
            throw e;
        } catch (WebhookPayloadException e) {
            unparseable(observation, System.nanoTime() - verified);
            throw e.authenticatedBy(authentication);
        } catch (RuntimeException | Error e) {
            unparseable(observation, System.nanoTime() - verified);
            throw e;
        }
        long parseNanos = System.nanoTime() - verified;
        try {
            observation.accepted(eventType.apply(delivery.event()), parseNanos);
        } catch (RuntimeException ignored) {
            // an observer never changes what a delivery gets
        }
        return delivery;
    }

    private DeliveryObservation start() {
        try {
            DeliveryObservation observation = observer.start(vendor);
            return observation != null ? observation : DeliveryObservation.none();
        } catch (RuntimeException e) {
            return DeliveryObservation.none();
        }
    }

    private static void rejected(DeliveryObservation observation, FailureReason reason, long nanos) {
        try {
            observation.rejected(reason, nanos);
        } catch (RuntimeException ignored) {
            // an observer never changes what a delivery gets
        }
    }

    private static void unparseable(DeliveryObservation observation, long nanos) {
        try {
            observation.unparseable(nanos);
        } catch (RuntimeException ignored) {
            // an observer never changes what a delivery gets
        }
    }
}
