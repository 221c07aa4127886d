package dev.revhooks.revont;

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
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.signature.HmacSha256Verifier;
import dev.revhooks.core.signature.TimestampTolerance;
import java.time.Clock;
import java.util.Objects;

/**
 * Receives Revont webhooks: checks {@code X-Revont-Signature: sha256=<hex>}, an HMAC-SHA256 of the
 * raw body keyed with the endpoint's signing secret, then reads the envelope into a
 * {@link RevontEvent}.
 *
 * <pre>{@code
 * RevontWebhooks revont = RevontWebhooks.builder()
 *         .secret(Secret.of(System.getenv("REVONT_WEBHOOK_SECRET"))) // "whsec_...", used whole
 *         .build();                                                 // once; share it
 * VerifiedDelivery<RevontEvent> delivery = revont.receive(WebhookRequest.of(rawBody, headers));
 * if (delivery.event() instanceof RevontEvent.SummaryReady ready) {
 *     crm.attach(ready.data().callId(), ready.data().summaryUrl());
 * }
 * }</pre>
 *
 * <p>{@link #receive(WebhookRequest)} runs, stopping at the first failure: the body limit, the
 * signature header (exactly one, {@code sha256=} prefix, 64 hex digits), the signature against
 * every configured secret (constant time, on the raw bytes), the envelope, the opt-in maximum
 * event age ({@link Builder#tolerance(TimestampTolerance)}), and finally the event's {@code data}.
 * {@link #verify(WebhookRequest)} is the signature part alone and {@link #parse(WebhookRequest)}
 * the parsing part alone; the maximum event age needs both, so only {@code receive} applies it.
 *
 * <p><b>The secret</b> is the endpoint's signing secret exactly as Revont shows it: a
 * {@code whsec_…} secret is the HMAC key whole, prefix included (its UTF-8 bytes; never
 * base64-decoded or stripped). Several secrets serve one receiver for several Revont endpoints
 * (each has its own secret), or while replacing an endpoint (Revont cannot rotate a secret in
 * place). The shared options (secrets, clock, limits, JSON set-up, observer) are
 * {@link ReceiverBuilder}'s; {@link Builder} adds Revont's own.
 *
 * <p>Instances are immutable and thread-safe: build one and share it across request threads.
 */
public final class RevontWebhooks extends AbstractWebhookReceiver<RevontEvent> {

    /** The header carrying the signature: {@value}. Header names match case-insensitively. */
    public static final String SIGNATURE_HEADER = SignatureHeader.NAME;

    private static final String VENDOR = "revont";

    private final HmacSha256Verifier verifier;
    private final RequiredHeader signatureHeader;
    private final WebhookJson json;
    private final Clock clock;
    private final TimestampTolerance tolerance;
    private final ReceivePath<Void, RevontEvent> path;

    private RevontWebhooks(ReceiverSettings settings, TimestampTolerance tolerance) {
        super(VENDOR, settings);
        this.verifier = HmacSha256Verifier.of(settings.secrets());
        this.signatureHeader = settings.headerLimit().applyTo(SignatureHeader.HEADER);
        this.json = settings.json();
        this.clock = settings.clock();
        this.tolerance = tolerance;
        this.path = receivePath((none, request) -> verify(request), this::deliver,
                RevontEvent::type);
    }

    /**
     * A builder; a signing secret ({@code whsec_…}) is required, the maximum event age is off.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks the body limit and the signature, without parsing the body (and so without the
     * maximum event age, which needs the envelope: use {@link #receive(WebhookRequest)} for that).
     *
     * @param request the request as received
     * @return {@link Authentication.Method#HMAC_SIGNATURE} with the id of the secret that matched
     * @throws WebhookVerificationException {@link FailureReason#PAYLOAD_TOO_LARGE},
     *     {@link FailureReason#MISSING_SIGNATURE}, {@link FailureReason#MALFORMED_SIGNATURE},
     *     {@link FailureReason#HEADER_TOO_LARGE} or {@link FailureReason#SIGNATURE_MISMATCH}
     */
    @Override
    public Authentication verify(WebhookRequest request) throws WebhookVerificationException {
        byte[] body = limitedBody(request);
        String signature = SignatureHeader.value(signatureHeader, request.headers());
        return verifier.verifyHex(signature, SignatureHeader.PREFIX.length(), signature.length(), body);
    }

    /**
     * Reads a verified request's body into its event; applies no maximum event age.
     *
     * @param verifiedRequest a request that passed {@link #verify(WebhookRequest)}
     * @return the event; {@link RevontEvent.Unknown} for an event name the guide does not list
     * @throws WebhookPayloadException when the body is not a JSON object with a string {@code event},
     *     an ISO 8601 {@code timestamp} and an object {@code data}, or a documented field has the
     *     wrong JSON type; carries the raw body
     */
    @Override
    public RevontEvent parse(WebhookRequest verifiedRequest) throws WebhookPayloadException {
        byte[] body = verifiedRequest.body();
        return RevontEnvelope.read(json, body).toEvent(json, body);
    }

    /**
     * Verifies, reads the envelope, checks the maximum event age when one is configured, then reads
     * the event. Nothing is parsed unless the signature matched. Declares the two exception types
     * (not their common supertype), so callers can catch each.
     *
     * @param request the request as received
     * @return the delivery, keyed {@code revont:<event>:<sha256 of the body>}
     * @throws WebhookVerificationException as {@link #verify(WebhookRequest)}, or
     *     {@link FailureReason#TIMESTAMP_OUT_OF_TOLERANCE} when the event is older (or further in the
     *     future) than the configured tolerance
     * @throws WebhookPayloadException as {@link #parse(WebhookRequest)}; carries the raw body and the authentication
     */
    @Override
    public VerifiedDelivery<RevontEvent> receive(WebhookRequest request)
            throws WebhookVerificationException, WebhookPayloadException {
        return path.receive(null, request);
    }

    private VerifiedDelivery<RevontEvent> deliver(Void none, WebhookRequest request, Authentication authentication)
            throws WebhookVerificationException, WebhookPayloadException {
        byte[] body = request.body();
        RevontEnvelope envelope = RevontEnvelope.read(json, body);
        if (tolerance != null) {
            tolerance.check(envelope.timestamp(), clock);
        }
        RevontEvent event = envelope.toEvent(json, body);
        return VerifiedDelivery.withDefaultKey(VENDOR, envelope.event(), event, authentication, body);
    }

    @Override
    public String toString() {
        return "RevontWebhooks[secrets=" + verifier.secretCount() + ", bodyLimit=" + bodyLimit().maxBytes()
                + ", maximumEventAge=" + (tolerance == null ? "off" : tolerance) + "]";
    }

    /**
     * Configures a {@link RevontWebhooks}: the shared options of {@link ReceiverBuilder} (a secret
     * is required), and Revont's opt-in maximum event age. Not thread-safe; each method replaces an
     * earlier value.
     *
     * <pre>{@code
     * RevontWebhooks revont = RevontWebhooks.builder()
     *         .secrets(List.of(Secret.of("prod", prodSecret), Secret.of("eu", euSecret)))
     *         .tolerance(TimestampTolerance.DEFAULT.withPast(Duration.ofHours(1)))
     *         .build();
     * }</pre>
     */
    public static final class Builder extends ReceiverBuilder<RevontWebhooks, Builder> {

        private TimestampTolerance tolerance;

        private Builder() {
        }

        /**
         * Opt-in maximum event age, off by default: {@link RevontWebhooks#receive(WebhookRequest)} rejects a
         * delivery whose envelope {@code timestamp} is older than {@code tolerance.past()} or more
         * than {@code tolerance.future()} ahead of the {@link #clock(Clock) clock}, with
         * {@link FailureReason#TIMESTAMP_OUT_OF_TOLERANCE}; a timestamp exactly at either edge is
         * accepted.
         *
         * <p>Revont signs no send time, so without this a captured delivery verifies for ever. The
         * {@code timestamp} is signed (it is in the body) but it is when the event occurred, not when
         * the delivery was sent: retries come up to about 36 minutes after the first attempt (30 s,
         * 5 min and 30 min apart, plus response timeouts) and manual re-sends from Revont's delivery
         * logs at any time later, all with the original timestamp. A past limit below about 40 minutes rejects legitimate retries;
         * any limit rejects late manual re-sends.
         *
         * @param tolerance the window, e.g. {@code TimestampTolerance.DEFAULT.withPast(Duration.ofHours(1))}
         * @return this builder
         */
        public Builder tolerance(TimestampTolerance tolerance) {
            this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
            return this;
        }

        @Override
        protected RevontWebhooks build(ReceiverSettings settings) {
            if (settings.secrets().isEmpty()) {
                throw new IllegalStateException("a signing secret is required: call secret(...) or secrets(...),"
                        + " or settings(...) with secrets");
            }
            return new RevontWebhooks(settings, tolerance);
        }
    }
}
