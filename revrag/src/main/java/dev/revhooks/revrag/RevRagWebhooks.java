package dev.revhooks.revrag;

import dev.revhooks.core.AbstractWebhookReceiver;
import dev.revhooks.core.Authentication;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.ReceivePath;
import dev.revhooks.core.ReceiverBuilder;
import dev.revhooks.core.ReceiverSettings;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.signature.HmacSha256Verifier;
import dev.revhooks.core.signature.TimestampTolerance;
import java.util.Objects;

/**
 * Receives RevRag webhooks: verifies the {@code X-Webhook-Signature} HMAC over
 * {@code "{t}.{raw_body}"}, checks the signed timestamp against a tolerance window, then parses the
 * body into a {@link RevRagEvent}. Built once, immutable and thread-safe.
 *
 * <pre>{@code
 * RevRagWebhooks revrag = RevRagWebhooks.builder()
 *         .secret(Secret.of("current", System.getenv("REVRAG_WEBHOOK_SECRET")))
 *         .build();
 * try {
 *     VerifiedDelivery<RevRagEvent> delivery = revrag.receive(WebhookRequest.of(rawBody, headers));
 *     if (delivery.event() instanceof RevRagEvent.CallEnded ended) {
 *         store(ended.call());
 *     }
 * } catch (WebhookVerificationException e) {
 *     status = e.reason().httpStatus();
 * } catch (WebhookPayloadException e) {
 *     deadLetters.save(e.rawBody());
 * }
 * }</pre>
 *
 * <p>Steps, each failing with the library's exception, nothing after a failed step running: the body
 * limit (default 8 MiB, before any hashing); the signature header (see the package
 * documentation for the format and each reason); the HMAC-SHA256 over the parts {@code t}'s
 * digits, {@code "."} and the raw body, fed to the MAC in order without copying the body, against
 * every configured secret; the timestamp window (default 5 minutes each way, both edges accepted);
 * then, in {@link #parse(WebhookRequest)}, the JSON. The signature is checked before the window, so
 * {@link dev.revhooks.core.FailureReason#TIMESTAMP_OUT_OF_TOLERANCE} always means an authentic but
 * stale (or early) delivery: a replay or a skewed clock.
 *
 * <p>The secrets are RevRag's signing secrets, their UTF-8 bytes the HMAC key; several are accepted
 * while rotating. The shared options (secrets, clock, limits, JSON set-up, observer) are
 * {@link ReceiverBuilder}'s; {@link Builder} adds RevRag's timestamp window.
 */
public final class RevRagWebhooks extends AbstractWebhookReceiver<RevRagEvent> {

    /** The signature header, {@code t=<unix seconds>,v1=<hex>}. */
    public static final String SIGNATURE_HEADER = SignatureHeader.SIGNATURE_HEADER;

    /** The send-time header (unix seconds); must equal the signed {@code t=} when sent. */
    public static final String TIMESTAMP_HEADER = SignatureHeader.TIMESTAMP_HEADER;

    /** The event-type header: not covered by the signature (see {@link UnauthenticatedHints}). */
    public static final String EVENT_HEADER = UnauthenticatedHints.EVENT_HEADER;

    /** The delivery-id header: not covered by the signature (see {@link UnauthenticatedHints}). */
    public static final String WEBHOOK_ID_HEADER = UnauthenticatedHints.WEBHOOK_ID_HEADER;

    private static final String VENDOR = "revrag";
    /** The middle of every delivery key: RevRag's event name is not signed, so it is not part of the key. */
    private static final String KEY_EVENT_PART = "signed-body";

    private static final HmacSha256Verifier.HexCandidates V1_CANDIDATES = SignatureHeader::nextV1;

    private final HmacSha256Verifier verifier;
    private final RequiredHeader signatureHeader;
    private final RequiredHeader timestampHeader;
    private final WebhookJson json;
    /** Null when the timestamp check was disabled. */
    private final TimestampTolerance tolerance;
    private final ReceivePath<Void, RevRagEvent> path;

    private RevRagWebhooks(ReceiverSettings settings, TimestampTolerance tolerance) {
        super(VENDOR, settings);
        this.verifier = HmacSha256Verifier.of(settings.secrets());
        this.signatureHeader = settings.headerLimit().applyTo(SignatureHeader.SIGNATURE);
        this.timestampHeader = settings.headerLimit().applyTo(SignatureHeader.TIMESTAMP);
        this.json = settings.json();
        this.tolerance = tolerance;
        this.path = receivePath((none, request) -> verify(request), this::deliver,
                RevRagEvent::type);
    }

    /**
     * A builder; a signing secret is required, and the timestamp window is
     * {@link TimestampTolerance#DEFAULT} until changed.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies the body limit, the signature header, the HMAC and the timestamp window, in that
     * order; the body is not parsed.
     *
     * @param request the request as received
     * @return the authentication, naming the secret that matched
     * @throws WebhookVerificationException when the request must not be trusted
     */
    @Override
    public Authentication verify(WebhookRequest request) throws WebhookVerificationException {
        byte[] body = limitedBody(request);
        // In place: the header's t and v1 digits are read where they are, nothing is copied out.
        String value = signatureHeader.read(request.headers());
        long timestamp = SignatureHeader.check(value, request.headers(), timestampHeader);
        int from = SignatureHeader.timestampFrom(timestamp);
        int to = SignatureHeader.timestampTo(timestamp);
        Authentication authentication = verifier.verifyAnyHex(value, V1_CANDIDATES, from, to, SignatureHeader.SEPARATOR, body);
        if (tolerance != null) {
            tolerance.checkEpochSeconds(SignatureHeader.epochSeconds(value, from, to), settings().clock());
        }
        return authentication;
    }

    /**
     * Parses a verified body: a {@link RevRagEvent.CallEnded} when {@code X-Webhook-Event} is
     * {@code call.ended}, otherwise a {@link RevRagEvent.Unknown} keeping the JSON object.
     *
     * @param verifiedRequest a request that passed {@link #verify(WebhookRequest)}
     * @return the event
     * @throws WebhookPayloadException when the body is not a UTF-8 JSON object of the event's shape;
     *     it carries the raw body
     */
    @Override
    public RevRagEvent parse(WebhookRequest verifiedRequest) throws WebhookPayloadException {
        byte[] body = verifiedRequest.body();
        UnauthenticatedHints hints = UnauthenticatedHints.from(verifiedRequest.headers());
        switch (typeOf(hints)) {
            case CALL_ENDED:
                CallStatus streamed = StreamedCallStatus.read(json, body);
                return new RevRagEvent.CallEnded(streamed != null ? streamed : json.read(body, CallStatus.class), hints);
            default:
                return new RevRagEvent.Unknown(json.readObject(body), hints);
        }
    }

    /**
     * Verifies, then parses; nothing is parsed unless verification passed. The two exception types
     * are declared separately (not their common supertype), so a caller can catch each.
     *
     * <p>The delivery key is {@code revrag:signed-body:<sha256 of the body>}: it comes from the signed
     * body alone, so a re-send with a new timestamp, or a replay with a fresh {@code X-Webhook-ID}
     * or a changed {@code X-Webhook-Event} (neither is signed), gets the same key.
     *
     * @param request the request as received
     * @return the verified delivery
     * @throws WebhookVerificationException when the request must not be trusted
     * @throws WebhookPayloadException when an authentic body does not parse; carries the raw body and the authentication
     */
    @Override
    public VerifiedDelivery<RevRagEvent> receive(WebhookRequest request)
            throws WebhookVerificationException, WebhookPayloadException {
        return path.receive(null, request);
    }

    private VerifiedDelivery<RevRagEvent> deliver(Void none, WebhookRequest request, Authentication authentication)
            throws WebhookPayloadException {
        RevRagEvent event = parse(request);
        // Not the event header: it is not signed, and a replay could change it to dodge de-duplication.
        return VerifiedDelivery.withDefaultKey(VENDOR, KEY_EVENT_PART, event, authentication, request.body());
    }

    private static RevRagEventType typeOf(UnauthenticatedHints hints) {
        return hints.event() == null ? RevRagEventType.UNKNOWN : OpenEnum.of(RevRagEventType.class, hints.event()).value();
    }

    @Override
    public String toString() {
        return "RevRagWebhooks[" + verifier + ", tolerance=" + (tolerance == null ? "disabled" : tolerance)
                + ", bodyLimit=" + bodyLimit().maxBytes() + "]";
    }

    /**
     * Configures a {@link RevRagWebhooks}: the shared options of {@link ReceiverBuilder} (a secret
     * is required), and RevRag's timestamp window, {@link TimestampTolerance#DEFAULT} unless set.
     * {@code build()} fails without a secret, and when both a tolerance and
     * {@link #dangerouslyDisableTimestampCheck()} were given.
     *
     * <pre>{@code
     * RevRagWebhooks revrag = RevRagWebhooks.builder()
     *         .secrets(List.of(current, previous))   // rotation: either may have signed
     *         .tolerance(TimestampTolerance.DEFAULT.withPast(Duration.ofMinutes(10)))
     *         .build();
     * }</pre>
     */
    public static final class Builder extends ReceiverBuilder<RevRagWebhooks, Builder> {
        private TimestampTolerance tolerance = TimestampTolerance.DEFAULT;
        private boolean toleranceSet;
        private boolean timestampCheckDisabled;

        private Builder() {
        }

        @Override
        protected RevRagWebhooks build(ReceiverSettings settings) {
            if (settings.secrets().isEmpty()) {
                throw new IllegalStateException("a signing secret is required: call secret(...) or secrets(...),"
                        + " or settings(...) with secrets");
            }
            if (toleranceSet && timestampCheckDisabled) {
                throw new IllegalStateException("tolerance(...) and dangerouslyDisableTimestampCheck() contradict"
                        + " each other: remove one of them");
            }
            return new RevRagWebhooks(settings, timestampCheckDisabled ? null : tolerance);
        }

        /**
         * How far the signed {@code t} may lie before and after the {@link #clock(java.time.Clock) clock}.
         *
         * @param tolerance the window
         * @return this builder
         */
        public Builder tolerance(TimestampTolerance tolerance) {
            this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
            this.toleranceSet = true;
            return this;
        }

        /**
         * Accepts a correctly signed delivery however old or early its {@code t} is, which lets a
         * captured delivery be replayed forever. Only for replaying stored deliveries in tests or
         * tools; {@code t} must still be present, well formed and signed.
         *
         * @return this builder
         */
        public Builder dangerouslyDisableTimestampCheck() {
            this.timestampCheckDisabled = true;
            return this;
        }
    }
}
