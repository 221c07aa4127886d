package dev.revhooks.revdesk;

import dev.revhooks.core.AbstractWebhookReceiver;
import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.ReceivePath;
import dev.revhooks.core.ReceiverBuilder;
import dev.revhooks.core.ReceiverSettings;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.guard.RequestGuard;
import dev.revhooks.core.signature.HexSignature;
import dev.revhooks.core.signature.HmacSha256Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Receives RevDesk webhooks: verifies each request, then parses it into a {@link RevDeskEvent}.
 *
 * <p>RevDesk delivers two shapes with two security postures. Number-lifecycle events are
 * enveloped and signed: {@value #SIGNATURE_HEADER} is the hex HMAC-SHA256 of the raw body, keyed
 * with the UTF-8 bytes of the subscription's signing secret, or the literal
 * {@value #NO_SECRET_PROVIDED} when the subscription has none. Call-disposition and SMS events are
 * flat and unsigned: they are accepted only after {@link Builder#acceptUnauthenticatedUnsignedEvents()},
 * optionally behind request guards. A flat body does not name its event, so the receiver is told
 * the subscribed event type, per receiver ({@link Builder#subscribedTo(RevDeskEventType)}) or per
 * call ({@link #receive(RevDeskEventType, WebhookRequest)}): register one URL per subscribed type.
 *
 * <pre>{@code
 * RevDeskWebhooks numbers = RevDeskWebhooks.builder()
 *         .subscribedTo(RevDeskEventType.NUMBER_PURCHASED)
 *         .secret(Secret.of(System.getenv("REVDESK_SIGNING_SECRET")))
 *         .build();                                  // once, shared by all threads
 * VerifiedDelivery<RevDeskEvent> delivery = numbers.receive(WebhookRequest.of(rawBody, headers));
 * }</pre>
 *
 * <p>Steps, each failing with the library's exception, nothing after a failed step running: the
 * body limit; the signature header's count and length; the request guards, when configured (on
 * every request); the signature, the {@value #NO_SECRET_PROVIDED} marker or the unsigned opt-in;
 * then, only for an authenticated request, the body is parsed and an envelope's
 * {@code triggerEvent} is checked against the subscribed type. Instances are immutable and
 * thread-safe. The {@code receive} methods declare the two concrete exceptions (narrower than the
 * interface's {@code WebhookException}), so callers can catch each without a third clause.
 *
 * <p>The secrets are the subscriptions' signing secrets, their UTF-8 bytes the HMAC key. The shared
 * options (secrets, limits, JSON set-up, observer) are {@link ReceiverBuilder}'s; {@link Builder}
 * adds RevDesk's own. RevDesk signs no time, so the clock is not used.
 */
public final class RevDeskWebhooks extends AbstractWebhookReceiver<RevDeskEvent> {

    /** The header carrying the signature (names compare case-insensitively). */
    public static final String SIGNATURE_HEADER = "X-revdesk-Signature-256";

    /** What {@value #SIGNATURE_HEADER} carries when the subscription has no signing secret. */
    public static final String NO_SECRET_PROVIDED = "no-secret-provided";

    private static final String VENDOR = "revdesk";
    private static final RequiredHeader SIGNATURE = RequiredHeader.of(SIGNATURE_HEADER, FailureReason.MISSING_SIGNATURE);

    private final RevDeskEventType subscribedType;
    private final HmacSha256Verifier verifier;
    private final RequestGuard guard;
    private final int guardCount;
    private final boolean acceptUnsigned;
    private final boolean acceptNoSecretProvided;
    private final RequiredHeader signatureHeader;
    private final EventReader reader;
    private final ReceivePath<RevDeskEventType, RevDeskEvent> path;

    private RevDeskWebhooks(Builder builder, ReceiverSettings settings) {
        super(VENDOR, settings);
        this.subscribedType = builder.subscribedType;
        this.verifier = settings.secrets().isEmpty() ? null : HmacSha256Verifier.of(settings.secrets());
        this.guard = builder.guards.isEmpty() ? null : RequestGuard.allOf(builder.guards);
        this.guardCount = builder.guards.size();
        this.acceptUnsigned = builder.acceptUnsigned;
        this.acceptNoSecretProvided = builder.acceptNoSecretProvided;
        this.signatureHeader = settings.headerLimit().applyTo(SIGNATURE);
        this.reader = new EventReader(settings.json());
        this.path = receivePath(this::verify, this::deliver, RevDeskEvent::type);
    }

    /**
     * A builder; configure at least a secret or one of the {@code acceptUnauthenticated…} options.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Authenticates a request for the event type given to {@link Builder#subscribedTo(RevDeskEventType)}.
     *
     * @param request the request as received
     * @return how it was authenticated
     * @throws WebhookVerificationException when the request must not be trusted
     * @throws IllegalStateException when the receiver was built without a subscribed event type
     */
    @Override
    public Authentication verify(WebhookRequest request) throws WebhookVerificationException {
        return verify(defaultType(), request);
    }

    /**
     * Parses a verified request for the event type given to {@link Builder#subscribedTo(RevDeskEventType)}.
     *
     * @param verifiedRequest a request that passed {@link #verify(WebhookRequest)}
     * @return the event
     * @throws WebhookPayloadException when the body does not parse, or when an envelope's
     *     {@code triggerEvent} names another type (the cause is then a
     *     {@link WebhookVerificationException} with {@link FailureReason#EVENT_TYPE_MISMATCH})
     * @throws IllegalStateException when the receiver was built without a subscribed event type
     */
    @Override
    public RevDeskEvent parse(WebhookRequest verifiedRequest) throws WebhookPayloadException {
        return parse(defaultType(), verifiedRequest);
    }

    /**
     * Verifies, then parses, for the event type given to {@link Builder#subscribedTo(RevDeskEventType)}.
     *
     * @param request the request as received
     * @return the verified delivery
     * @throws WebhookVerificationException when the request must not be trusted, or an envelope's
     *     {@code triggerEvent} names another type ({@link FailureReason#EVENT_TYPE_MISMATCH})
     * @throws WebhookPayloadException when an authentic body does not parse; carries the raw body and the authentication
     * @throws IllegalStateException when the receiver was built without a subscribed event type
     */
    @Override
    public VerifiedDelivery<RevDeskEvent> receive(WebhookRequest request)
            throws WebhookVerificationException, WebhookPayloadException {
        return receive(defaultType(), request);
    }

    /**
     * Authenticates a request sent to the URL subscribed to {@code subscribedType}, without parsing
     * its body.
     *
     * @param subscribedType the event type the request's URL is subscribed to
     * @param request the request as received
     * @return {@link Authentication.Method#HMAC_SIGNATURE} with the matching secret's id; for an
     *     unsigned delivery accepted by opt-in, {@link Authentication.Method#REQUEST_GUARDS} when guards
     *     are configured, otherwise {@link Authentication.Method#NONE}
     * @throws WebhookVerificationException when the request must not be trusted
     * @throws IllegalArgumentException when {@code subscribedType} is {@link RevDeskEventType#UNKNOWN}
     */
    public Authentication verify(RevDeskEventType subscribedType, WebhookRequest request)
            throws WebhookVerificationException {
        requireSubscribable(subscribedType);
        limitedBody(request);
        String signature = signatureHeader.readIfPresent(request.headers());
        if (guard != null) {
            guard.check(request);
        }
        if (signature == null) {
            if (subscribedType.isNumberLifecycle()) {
                throw new WebhookVerificationException(FailureReason.MISSING_SIGNATURE, "no " + SIGNATURE_HEADER
                        + " header, which RevDesk always sends with " + subscribedType.wireName());
            }
            if (!acceptUnsigned) {
                throw new WebhookVerificationException(FailureReason.UNSIGNED_DELIVERY_NOT_ALLOWED, "no "
                        + SIGNATURE_HEADER + " header; unsigned deliveries need acceptUnauthenticatedUnsignedEvents()");
            }
            return unauthenticated();
        }
        if (signature.equals(NO_SECRET_PROVIDED)) {
            if (!acceptNoSecretProvided) {
                throw new WebhookVerificationException(FailureReason.NO_SECRET_CONFIGURED_AT_SENDER, SIGNATURE_HEADER
                        + " is " + NO_SECRET_PROVIDED + ": the RevDesk subscription was created without a signing"
                        + " secret, so nothing proves this delivery came from RevDesk; give the subscription a"
                        + " signing secret");
            }
            return unauthenticated();
        }
        if (verifier == null) {
            HexSignature.check(signature, 0, signature.length());
            throw new WebhookVerificationException(FailureReason.SIGNATURE_MISMATCH,
                    "the delivery is signed but this receiver has no signing secret configured");
        }
        return verifier.verifyHex(signature, 0, signature.length(), request.body());
    }

    /**
     * Parses a request that passed {@link #verify(RevDeskEventType, WebhookRequest)}.
     *
     * @param subscribedType the event type the request's URL is subscribed to
     * @param verifiedRequest the verified request
     * @return the event
     * @throws WebhookPayloadException when the body does not parse, or when an envelope's
     *     {@code triggerEvent} names another type (the cause is then a
     *     {@link WebhookVerificationException} with {@link FailureReason#EVENT_TYPE_MISMATCH})
     * @throws IllegalArgumentException when {@code subscribedType} is {@link RevDeskEventType#UNKNOWN}
     */
    public RevDeskEvent parse(RevDeskEventType subscribedType, WebhookRequest verifiedRequest)
            throws WebhookPayloadException {
        requireSubscribable(subscribedType);
        try {
            return reader.read(subscribedType, verifiedRequest.body());
        } catch (WebhookVerificationException e) {
            throw new WebhookPayloadException(e.getMessage(), verifiedRequest.body(), e);
        }
    }

    /**
     * Verifies, then parses, a request sent to the URL subscribed to {@code subscribedType}.
     * Nothing is parsed unless verification passed.
     *
     * @param subscribedType the event type the request's URL is subscribed to
     * @param request the request as received
     * @return the verified delivery, keyed by {@code revdesk:<subscribed type>:<sha256 of the body>}
     * @throws WebhookVerificationException when the request must not be trusted, or an envelope's
     *     {@code triggerEvent} names another type ({@link FailureReason#EVENT_TYPE_MISMATCH})
     * @throws WebhookPayloadException when an authentic body does not parse; carries the raw body and the authentication
     * @throws IllegalArgumentException when {@code subscribedType} is {@link RevDeskEventType#UNKNOWN}
     */
    public VerifiedDelivery<RevDeskEvent> receive(RevDeskEventType subscribedType, WebhookRequest request)
            throws WebhookVerificationException, WebhookPayloadException {
        requireSubscribable(subscribedType);
        return path.receive(subscribedType, request);
    }

    private VerifiedDelivery<RevDeskEvent> deliver(RevDeskEventType subscribedType, WebhookRequest request,
            Authentication authentication) throws WebhookVerificationException, WebhookPayloadException {
        RevDeskEvent event = reader.read(subscribedType, request.body());
        return VerifiedDelivery.withDefaultKey(VENDOR, subscribedType.wireName(), event, authentication, request.body());
    }

    private Authentication unauthenticated() {
        return guard != null ? Authentication.requestGuards() : Authentication.none();
    }

    private RevDeskEventType defaultType() {
        if (subscribedType == null) {
            throw new IllegalStateException("no subscribed event type: build with subscribedTo(type)"
                    + " or pass the type to verify, parse or receive");
        }
        return subscribedType;
    }

    private static void requireSubscribable(RevDeskEventType type) {
        Objects.requireNonNull(type, "subscribedType");
        if (type == RevDeskEventType.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is not a subscribable event type");
        }
    }

    @Override
    public String toString() {
        return "RevDeskWebhooks[subscribedTo=" + (subscribedType == null ? "per call" : subscribedType.wireName())
                + ", " + (verifier == null ? "no secrets" : verifier)
                + ", unsigned=" + (acceptUnsigned ? "accepted" : "rejected")
                + ", " + NO_SECRET_PROVIDED + "=" + (acceptNoSecretProvided ? "accepted" : "rejected")
                + ", guards=" + guardCount + ", " + bodyLimit() + "]";
    }

    /**
     * Configures a {@link RevDeskWebhooks}: the shared options of {@link ReceiverBuilder}, and
     * RevDesk's own (the subscribed type, request guards, the unauthenticated opt-ins); build once
     * and share the result. {@code build()} fails when no secret and no
     * {@code acceptUnauthenticated…} option is configured, so that every request would be rejected.
     *
     * <pre>{@code
     * RevDeskWebhooks busy = RevDeskWebhooks.builder()
     *         .subscribedTo(RevDeskEventType.CALL_BUSY)
     *         .acceptUnauthenticatedUnsignedEvents()
     *         .requestGuard(PathTokenGuard.lastPathSegment(Secret.of(System.getenv("REVDESK_PATH_TOKEN"))))
     *         .build();
     * }</pre>
     */
    public static final class Builder extends ReceiverBuilder<RevDeskWebhooks, Builder> {
        private RevDeskEventType subscribedType;
        private final List<RequestGuard> guards = new ArrayList<>();
        private boolean acceptUnsigned;
        private boolean acceptNoSecretProvided;

        private Builder() {
        }

        /**
         * The event type this receiver's URL is subscribed to, used by {@link #verify(WebhookRequest)},
         * {@link #parse(WebhookRequest)} and {@link #receive(WebhookRequest)}. A type passed to a call
         * takes precedence. Without it, only the methods taking a type can be used.
         *
         * @param subscribedType the subscribed event type
         * @return this builder
         * @throws IllegalArgumentException for {@link RevDeskEventType#UNKNOWN}
         */
        public Builder subscribedTo(RevDeskEventType subscribedType) {
            requireSubscribable(subscribedType);
            this.subscribedType = subscribedType;
            return this;
        }

        /**
         * Adds a guard (secret path or query token, source-address allowlist) that every request
         * must pass, signed or not; guards are checked in the order added, before the signature.
         * An unsigned delivery accepted by opt-in then reports
         * {@link Authentication.Method#REQUEST_GUARDS} instead of {@link Authentication.Method#NONE}.
         *
         * @param guard the guard
         * @return this builder
         */
        public Builder requestGuard(RequestGuard guard) {
            guards.add(Objects.requireNonNull(guard, "guard"));
            return this;
        }

        /**
         * Accepts deliveries that carry no {@value RevDeskWebhooks#SIGNATURE_HEADER} header, which is how RevDesk
         * sends call-disposition and SMS events (and possibly the types whose delivery the document
         * does not show). Nothing authenticates such a delivery: anyone who can reach the URL can
         * send one, unless a {@link #requestGuard(RequestGuard)} stands in front. Number-lifecycle
         * events without the header stay rejected, since RevDesk always signs them.
         *
         * @return this builder
         */
        public Builder acceptUnauthenticatedUnsignedEvents() {
            this.acceptUnsigned = true;
            return this;
        }

        /**
         * Accepts deliveries whose {@value RevDeskWebhooks#SIGNATURE_HEADER} is {@value RevDeskWebhooks#NO_SECRET_PROVIDED}: those of a
         * subscription created without a signing secret, typically number-lifecycle events. Nothing
         * authenticates such a delivery: anyone can send that header, unless a
         * {@link #requestGuard(RequestGuard)} stands in front. Prefer giving the subscription a
         * signing secret.
         *
         * @return this builder
         */
        public Builder acceptUnauthenticatedNoSecretProvided() {
            this.acceptNoSecretProvided = true;
            return this;
        }

        @Override
        protected RevDeskWebhooks build(ReceiverSettings settings) {
            if (settings.secrets().isEmpty() && !acceptUnsigned && !acceptNoSecretProvided) {
                throw new IllegalStateException("configure secret(...) or secrets(...) for signed deliveries,"
                        + " acceptUnauthenticatedUnsignedEvents() for unsigned ones, or"
                        + " acceptUnauthenticatedNoSecretProvided() for a subscription created without a signing"
                        + " secret");
            }
            return new RevDeskWebhooks(this, settings);
        }
    }
}
