package dev.revhooks.revring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.AbstractWebhookReceiver;
import dev.revhooks.core.Authentication;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.ReceivePath;
import dev.revhooks.core.ReceiverBuilder;
import dev.revhooks.core.ReceiverSettings;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.guard.RequestGuard;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.sharedkey.SharedKeyVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The entry point for RevRing's webhooks: checks the {@code x-api-key} header (and any request
 * guards), then parses the body into a {@link RevRingEvent}. Built once by {@link #builder()},
 * immutable and shared by all request threads.
 *
 * <pre>{@code
 * RevRingWebhooks receiver = RevRingWebhooks.builder()
 *         .apiKey(Secret.of("current", System.getenv("REVRING_API_KEY")))
 *         .build();
 * VerifiedDelivery<RevRingEvent> delivery = receiver.receive(WebhookRequest.of(rawBody, headers));
 * if (delivery.event() instanceof RevRingEvent.PostCall post) {
 *     archive(post.call());
 * }
 * }</pre>
 *
 * <p><b>Authentication.</b> RevRing sends a static API key, not a signature: the key proves who
 * sent the request, but it does not cover the body and carries no time, so it gives no integrity
 * beyond TLS and no replay protection. The header is read once (a duplicate is
 * {@link FailureReason#MALFORMED_SIGNATURE}); absent is {@link FailureReason#MISSING_SIGNATURE},
 * empty {@link FailureReason#MALFORMED_SIGNATURE}, wrong {@link FailureReason#SIGNATURE_MISMATCH},
 * compared in constant time against every configured key. Request guards
 * ({@link Builder#requestGuard(RequestGuard)}) are checked first, in addition to the key; they
 * replace it only after {@link Builder#dangerouslyAuthenticateWithRequestGuardsOnly()}.
 *
 * <p><b>Which webhook.</b> A body whose {@code event} is {@code "pre_call"} is a pre-call request;
 * a body without {@code event} (or with {@code "post_call"}) is a post-call record; any other
 * string is {@link RevRingEvent.Unknown}; an {@code event} that is not a string is a payload error.
 * By default one endpoint accepts both webhooks. {@link Builder#serving(RevRingEventType)} pins an
 * endpoint to one: the other documented webhook is then rejected by {@link #receive} with
 * {@link FailureReason#EVENT_TYPE_MISMATCH} (and by {@link #parse} with a
 * {@link WebhookPayloadException}, the only exception its contract allows); an unknown
 * {@code event} is never a mismatch.
 *
 * <p><b>Delivery keys.</b> Post-call and unknown deliveries get {@code core}'s default key
 * ({@code revring:post_call:sha256(body)}, or the unknown {@code event} in place of
 * {@code post_call}). A pre-call exchange must be answered every time, even
 * when repeated, so its key is unique per delivery ({@code revring:pre_call:} and a random UUID)
 * and never de-duplicates.
 *
 * <p>The shared options (the keys, which {@link ReceiverBuilder#secrets(List)} sets, limits, JSON
 * set-up, observer) are {@link ReceiverBuilder}'s; {@link Builder} adds RevRing's own.
 */
public final class RevRingWebhooks extends AbstractWebhookReceiver<RevRingEvent> {

    /** The vendor name used in delivery keys. */
    static final String VENDOR = "revring";
    /** The header carrying RevRing's API key. */
    public static final String API_KEY_HEADER = "x-api-key";
    /** The body field naming the webhook; only the pre-call body has it. */
    static final String EVENT_FIELD = "event";

    private final SharedKeyVerifier apiKeys;
    private final RequestGuard guard;
    private final RevRingEventType served;
    private final WebhookJson json;
    private final ReceivePath<Void, RevRingEvent> path;

    private RevRingWebhooks(Builder builder, ReceiverSettings settings) {
        super(VENDOR, settings);
        this.apiKeys = settings.secrets().isEmpty() ? null
                : SharedKeyVerifier.of(API_KEY_HEADER, settings.secrets(), settings.headerLimit());
        this.guard = builder.guards.isEmpty() ? null : RequestGuard.allOf(builder.guards);
        this.served = builder.served;
        this.json = settings.json();
        this.path = receivePath((none, request) -> verify(request), this::deliver,
                RevRingEvent::type);
    }

    /**
     * A builder; an API key (or the explicit guards-only choice) is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks the body size, then the request guards (if any), then the {@code x-api-key} header
     * (unless guards alone were chosen). The body is not read.
     *
     * @param request the request as received
     * @return {@link Authentication.Method#SHARED_KEY} with the matching key's id, or
     *     {@link Authentication.Method#REQUEST_GUARDS} in guards-only mode
     * @throws WebhookVerificationException when the body is too large, a guard refuses, or the key
     *     is missing, empty, duplicated, too long or wrong
     */
    @Override
    public Authentication verify(WebhookRequest request) throws WebhookVerificationException {
        limitedBody(request);
        if (guard != null) {
            guard.check(request);
        }
        return apiKeys != null ? apiKeys.verify(request.headers()) : Authentication.requestGuards();
    }

    /**
     * Parses a verified body into the webhook it is.
     *
     * @param verifiedRequest a request that passed {@link #verify(WebhookRequest)}
     * @return the event
     * @throws WebhookPayloadException when the body does not parse, or is the documented webhook
     *     this endpoint does not serve; carries the raw body
     */
    @Override
    public RevRingEvent parse(WebhookRequest verifiedRequest) throws WebhookPayloadException {
        byte[] body = verifiedRequest.body();
        RevRingEvent fast = fastPath(body);
        if (fast != null) {
            String mismatch = mismatch(OpenEnum.of(fast.type()));
            if (mismatch != null) {
                throw new WebhookPayloadException(mismatch, body, null);
            }
            return fast;
        }
        Classified classified = classify(body);
        String mismatch = mismatch(classified.type());
        if (mismatch != null) {
            throw new WebhookPayloadException(mismatch, body, null);
        }
        return toEvent(classified, body);
    }

    /**
     * Verifies, then parses; nothing is parsed unless verification passed. Declares the two
     * {@link dev.revhooks.core.WebhookException} subclasses, so callers can catch each.
     *
     * @param request the request as received
     * @return the verified delivery
     * @throws WebhookVerificationException when the request must not be trusted, or (with
     *     {@link FailureReason#EVENT_TYPE_MISMATCH}) is the documented webhook this endpoint does
     *     not serve
     * @throws WebhookPayloadException when an authentic body does not parse; carries the raw body and the authentication
     */
    @Override
    public VerifiedDelivery<RevRingEvent> receive(WebhookRequest request)
            throws WebhookVerificationException, WebhookPayloadException {
        return path.receive(null, request);
    }

    private VerifiedDelivery<RevRingEvent> deliver(Void none, WebhookRequest request, Authentication authentication)
            throws WebhookVerificationException, WebhookPayloadException {
        byte[] body = request.body();
        RevRingEvent event = fastPath(body);
        OpenEnum<RevRingEventType> type;
        if (event != null) {
            type = OpenEnum.of(event.type());
        } else {
            Classified classified = classify(body);
            type = classified.type();
            event = mismatch(type) == null ? toEvent(classified, body) : null;
        }
        String mismatch = mismatch(type);
        if (mismatch != null) {
            throw new WebhookVerificationException(FailureReason.EVENT_TYPE_MISMATCH, mismatch);
        }
        if (event.type() == RevRingEventType.PRE_CALL) {
            return VerifiedDelivery.exchange(event, authentication, body, RevRingWebhooks::uniquePreCallKey);
        }
        return VerifiedDelivery.withDefaultKey(VENDOR, type.wire(), event, authentication, body);
    }

    /** The streaming read of a documented webhook; null sends the body down the tree path. */
    private RevRingEvent fastPath(byte[] body) {
        return StreamedBody.read(json, body);
    }

    /** A pre-call exchange is answered every time, so its key matches no other delivery's. */
    private static DeliveryKey uniquePreCallKey() {
        return new DeliveryKey(VENDOR + ':' + RevRingEventType.PRE_CALL.wireName() + ':' + UUID.randomUUID());
    }

    /** A body read as a JSON object, and the webhook it names. */
    private record Classified(ObjectNode tree, OpenEnum<RevRingEventType> type) {
    }

    private Classified classify(byte[] body) throws WebhookPayloadException {
        ObjectNode tree = json.readObject(body);
        JsonNode event = tree.get(EVENT_FIELD);
        if (event == null) {
            return new Classified(tree, OpenEnum.of(RevRingEventType.POST_CALL));
        }
        if (!event.isTextual()) {
            throw new WebhookPayloadException("the body's " + EVENT_FIELD + " is not a string", body, null);
        }
        return new Classified(tree, OpenEnum.of(RevRingEventType.class, event.textValue()));
    }

    private String mismatch(OpenEnum<RevRingEventType> type) {
        if (served == null || !type.isKnown() || type.is(served)) {
            return null;
        }
        return "this endpoint serves the " + served.wireName() + " webhook, not " + type.wire();
    }

    private RevRingEvent toEvent(Classified classified, byte[] body) throws WebhookPayloadException {
        return switch (classified.type().value()) {
            case PRE_CALL -> new RevRingEvent.PreCall(json.convert(classified.tree(), PreCallRequest.class, body));
            case POST_CALL -> new RevRingEvent.PostCall(json.convert(classified.tree(), CallRecord.class, body));
            case UNKNOWN -> new RevRingEvent.Unknown(classified.type().wire(), classified.tree());
        };
    }

    @Override
    public String toString() {
        return "RevRingWebhooks[" + (apiKeys != null ? apiKeys : "request guards only")
                + (guard != null && apiKeys != null ? ", with request guards" : "")
                + ", serving=" + (served == null ? "pre_call and post_call" : served.wireName()) + "]";
    }

    /**
     * Configures a {@link RevRingWebhooks}: the shared options of {@link ReceiverBuilder}, where
     * the secrets are the API keys, and RevRing's own (request guards, the served webhook). Give at
     * least one API key, or choose request guards alone explicitly: {@code build()} fails otherwise,
     * and when guards alone were chosen without a guard or together with an API key.
     *
     * <pre>{@code
     * RevRingWebhooks preCall = RevRingWebhooks.builder()
     *         .apiKey(Secret.of("current", currentKey))
     *         .apiKey(Secret.of("previous", previousKey)) // rotation: both accepted
     *         .requestGuard(SourceAddressGuard.allowing(List.of("203.0.113.0/24")))
     *         .serving(RevRingEventType.PRE_CALL)
     *         .build();
     * }</pre>
     */
    public static final class Builder extends ReceiverBuilder<RevRingWebhooks, Builder> {
        private final List<RequestGuard> guards = new ArrayList<>();
        private boolean guardsOnly;
        private RevRingEventType served;

        private Builder() {
        }

        /**
         * Adds an accepted API key to the {@link #secrets(List) secrets} set so far: the value
         * RevRing sends in {@code x-api-key}, generated in the RevRing dashboard. Call it once per
         * active key while rotating.
         *
         * @param apiKey the key; name it ({@code Secret.of("current", value)}) to see which one matched
         * @return this builder
         */
        public Builder apiKey(Secret apiKey) {
            List<Secret> keys = new ArrayList<>(settings().secrets());
            keys.add(Objects.requireNonNull(apiKey, "apiKey"));
            return secrets(keys);
        }

        /**
         * Adds a request guard (a secret path or query token, a source-address allowlist), checked
         * before the API key; every guard added must pass. Guards are weaker than the key: a guard
         * replaces the key only after {@link #dangerouslyAuthenticateWithRequestGuardsOnly()}.
         *
         * @param guard the guard
         * @return this builder
         */
        public Builder requestGuard(RequestGuard guard) {
            guards.add(Objects.requireNonNull(guard, "guard"));
            return this;
        }

        /**
         * Authenticates with the request guards alone, without any API key: a request that passes
         * every guard is accepted whatever its {@code x-api-key} header says, and its
         * authentication is {@link Authentication.Method#REQUEST_GUARDS}. Guards do not prove who
         * sent a request as well as the key does; use this only where the key cannot be used.
         * Needs at least one {@link #requestGuard(RequestGuard)} and no API key.
         *
         * @return this builder
         */
        public Builder dangerouslyAuthenticateWithRequestGuardsOnly() {
            guardsOnly = true;
            return this;
        }

        /**
         * Pins this endpoint to one webhook (the URL was registered for it alone): a body that is
         * the other documented webhook is rejected with {@link FailureReason#EVENT_TYPE_MISMATCH}.
         * By default an endpoint accepts both.
         *
         * @param webhook {@link RevRingEventType#PRE_CALL} or {@link RevRingEventType#POST_CALL}
         * @return this builder
         * @throws IllegalArgumentException for {@link RevRingEventType#UNKNOWN}
         */
        public Builder serving(RevRingEventType webhook) {
            if (Objects.requireNonNull(webhook, "webhook") == RevRingEventType.UNKNOWN) {
                throw new IllegalArgumentException("an endpoint serves pre_call or post_call, not UNKNOWN");
            }
            this.served = webhook;
            return this;
        }

        @Override
        protected RevRingWebhooks build(ReceiverSettings settings) {
            if (guardsOnly) {
                if (guards.isEmpty()) {
                    throw new IllegalStateException(
                            "dangerouslyAuthenticateWithRequestGuardsOnly() needs at least one requestGuard(...): add one, or"
                            + " authenticate with the x-api-key header instead (apiKey(...) or secrets(...))");
                }
                if (!settings.secrets().isEmpty()) {
                    throw new IllegalStateException("API keys are configured, so dangerouslyAuthenticateWithRequestGuardsOnly()"
                            + " would ignore them: remove one or the other");
                }
            } else if (settings.secrets().isEmpty()) {
                throw new IllegalStateException("RevRing webhooks are authenticated by the x-api-key header: call apiKey(...)"
                        + " or secrets(...) with the key from the RevRing dashboard (to rely on request guards alone"
                        + " instead, add requestGuard(...) and call dangerouslyAuthenticateWithRequestGuardsOnly())");
            }
            return new RevRingWebhooks(this, settings);
        }
    }
}
