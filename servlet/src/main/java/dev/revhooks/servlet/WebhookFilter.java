package dev.revhooks.servlet;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookReceiver;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.WireValue;
import dev.revhooks.core.inbox.DeliveryInbox;
import dev.revhooks.core.observe.AdapterOutcome;
import dev.revhooks.core.observe.WebhookObserver;
import dev.revhooks.core.replay.ClaimToken;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.core.replay.ReplayGuard.ClaimResult;
import dev.revhooks.core.replay.ReplayStoreUnavailableException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A servlet filter that verifies and parses every delivery with one {@link WebhookReceiver}, so
 * one class serves all four vendors. Map one filter to each webhook URL (for RevDesk, one URL and
 * one receiver built with {@code subscribedTo(type)} per subscribed event type); the servlet behind
 * it sees only verified deliveries.
 *
 * <pre>{@code
 * WebhookFilter<RevontEvent> filter = WebhookFilter.builder(RevontWebhooks.builder().secret(secret).build())
 *         .onUnparseableDelivery(d -> deadLetters.insert(d.deliveryKey().value(), d.rawBody()))
 *         .build();
 * context.addFilter("revont", filter).addMappingForUrlPatterns(null, false, "/hooks/revont");
 *
 * // in the servlet behind it: acknowledge at once, work on your own executor
 * VerifiedDelivery<RevontEvent> delivery = WebhookFilter.delivery(request, RevontEvent.class);
 * executor.submit(() -> handle(delivery.event()));
 * response.setStatus(204);
 * }</pre>
 *
 * <p>For each request the filter:
 * <ol>
 *   <li>answers {@code 405} (with {@code Allow: POST}) to anything but {@code POST};</li>
 *   <li>reads the raw body once, up to the receiver's {@link WebhookReceiver#bodyLimit()}: a
 *       declared {@code Content-Length} over the limit is refused before reading, one within it
 *       is read as exactly that many bytes into one array, and a chunked body stops being read
 *       one byte past the limit ({@code 413});</li>
 *   <li>verifies, then parses, with the request's headers (a lazy view: the container is asked
 *       only for the headers the receiver reads), path ({@code getRequestURI()}), raw query
 *       string and remote address ({@code getRemoteAddr()}), so request guards (a path or query
 *       token, a source-address allowlist) work;</li>
 *   <li>passes an accepted request on, with the {@link VerifiedDelivery} in the request attribute
 *       {@value #DELIVERY_ATTRIBUTE} (read it with {@link #delivery(ServletRequest, Class)}) and
 *       the raw body readable again, as often as needed, through {@code getInputStream()} and
 *       {@code getReader()} (UTF-8 unless the request names a charset).</li>
 * </ol>
 *
 * <p>What the filter answers itself. Every body it writes is one line of plain text naming the
 * failed check (for a rejection, the {@link dev.revhooks.core.FailureReason} first), with line
 * breaks and other control characters escaped; never a secret, a key, a token or an expected
 * signature. Bad input never gets a {@code 500}.
 * <table>
 *   <caption>Statuses the filter answers</caption>
 *   <tr><th>status</th><th>when</th></tr>
 *   <tr><td>401</td><td>missing, malformed or wrong signature or key; missing or out-of-window
 *       timestamp; unsigned delivery not accepted; no signing secret at the sender; a request guard
 *       refused</td></tr>
 *   <tr><td>400</td><td>{@code EVENT_TYPE_MISMATCH} (another event type than the URL serves); an
 *       authentic body that does not parse, when no {@link UnparseableDeliveryHandler} is set</td></tr>
 *   <tr><td>400, {@code Connection: close}</td><td>the body could not be read to its end: the
 *       sender stalled until the container's idle timeout, the body ended before its
 *       {@code Content-Length}, the connection was reset, or a chunk was malformed</td></tr>
 *   <tr><td>405</td><td>not {@code POST}</td></tr>
 *   <tr><td>413</td><td>the body is over the receiver's limit; the rest of a body of up to twice
 *       the limit is read and discarded first, so a sender that writes its whole body before
 *       reading gets the answer; a larger one is answered unread, with {@code Connection:
 *       close}</td></tr>
 *   <tr><td>431</td><td>a header the receiver reads is over its length limit</td></tr>
 *   <tr><td>202</td><td>an authentic body that does not parse was handed to the handler</td></tr>
 *   <tr><td>500</td><td>the handler threw, so the delivery was not kept</td></tr>
 *   <tr><td>200 / 409</td><td>with a {@link ReplayGuard}: a copy already processed (not passed
 *       on) / a copy whose first is still being processed ({@code Retry-After: 30})</td></tr>
 *   <tr><td>503</td><td>with a {@link ReplayGuard}: its shared store is unavailable
 *       ({@link ReplayStoreUnavailableException}); nothing passed on ({@code Retry-After: 30})</td></tr>
 *   <tr><td>202 / 503</td><td>in inbox mode ({@link Builder#inbox(DeliveryInbox)}): stored (or
 *       already stored) / the inbox could not store it ({@code Retry-After: 30}); nothing passed on</td></tr>
 * </table>
 *
 * <p>A body that could not be read is one answer, whatever broke it: {@code 400} with
 * {@code Connection: close}, logged at INFO with the declared length and the container's
 * exception (never the body), and nothing is passed on. Why {@code 400}: the request message is
 * incomplete, which HTTP treats as the client's error (RFC 9112, section 8), and {@code 400} is
 * what containers already answer to a body that ends early; the filter cannot tell the causes
 * apart reliably (each container reports a stall, a reset or a broken chunk with its own exception
 * type), and {@code 408} would name only one of them. Any non-2xx answer makes a retrying vendor
 * send the delivery again, which is right: nothing was processed. The connection is closed,
 * since where the next request would start on it is unknown; a sender that reset it or is still
 * stalled never reads the answer. A {@code 500} would blame the receiver for the sender's broken
 * request. (A body that breaks before the container has dispatched the request never reaches the
 * filter; the container answers it.)
 *
 * <p>An authentic body that does not parse is never dropped silently: with an
 * {@link UnparseableDeliveryHandler} it is handed over raw and the filter answers {@code 202};
 * without one the filter answers {@code 400} and logs the reason and delivery key (never the body).
 * Configure the handler: the vendors' retries cannot help a body that will never parse, and some
 * never retry. Revont retries a failed delivery 3 times (30 s, 5 min and 30 min after the previous
 * failure), then marks it failed in the endpoint's delivery log, from which it can be re-sent by
 * hand. RevDesk's delivery is fire-and-forget: no retry. RevRag's and RevRing's documents do not
 * say whether they retry.
 *
 * <p>Answer fast and do the work elsewhere. Revont wants an answer within 10 seconds (a slower
 * answer counts as a failure and is retried); RevDesk asks for a quick 2xx; RevRing's pre-call
 * exchange must be answered within 3 seconds, or the call goes on with default variables. Downstream
 * of the filter, acknowledge at once and hand the event to your own executor or queue, except
 * RevRing's pre-call, whose answer ({@code PreCallAnswer}) is the response itself.
 *
 * <p>With a {@link ReplayGuard} ({@link Builder#replayGuard(ReplayGuard)}) a retried or replayed
 * delivery is passed on once: later copies are acknowledged and dropped. A key is recorded only
 * when the app answered 2xx without throwing, so a failed attempt is processed again on the
 * vendor's retry. When the guard's store cannot be reached the delivery is not passed on
 * unclaimed: the filter answers {@code 503} and the vendor retries. A store failing after the app
 * answered leaves the claim to expire after the guard's lease (the retry is then handled again).
 *
 * <p>The filter reports what the receiver cannot see to an observer ({@link Builder#observer(WebhookObserver, Function)};
 * by default the one the receiver was built with, {@link WebhookReceiver#observer()}): a method other than
 * {@code POST}, a body it could not read, a body over the limit refused before the receiver ran
 * (as a rejected delivery, {@code PAYLOAD_TOO_LARGE}), a duplicate or in-progress copy held back by
 * the replay guard, a replay-guard store that could not be reached, and a handler (the chain, or the
 * {@link UnparseableDeliveryHandler}) that threw.
 * Its log lines carry {@code key=value} pairs ({@code vendor=}, {@code reason=}, {@code key=} for
 * the delivery key, {@code status=}, and a quoted {@code detail=}) and never a secret, a signature,
 * a key header's value or a body.
 *
 * <p>The filter reads the body with blocking I/O and calls the rest of the chain on the same
 * thread; a downstream that reads the body with a {@code ReadListener} is not supported, and with
 * a replay guard the app's status is taken when the chain returns (finish the response before
 * returning rather than with {@code startAsync}). Instances are immutable and thread-safe.
 *
 * @param <E> the vendor's event type
 */
public final class WebhookFilter<E> implements Filter {

    /** The request attribute holding the {@link VerifiedDelivery} of an accepted request. */
    public static final String DELIVERY_ATTRIBUTE = "dev.revhooks.servlet.delivery";

    private static final System.Logger LOG = System.getLogger(WebhookFilter.class.getName());
    /** A log value written bare; anything else is quoted. */
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9._:/+-]+");

    private final WebhookReceiver<E> receiver;
    private final UnparseableDeliveryHandler unparseableHandler;
    private final ReplayGuard replayGuard;
    private final Predicate<VerifiedDelivery<E>> skipReplayGuard;
    private final InboxMode<E> inboxMode;
    private final WebhookObserver observer;
    private final Function<? super E, ? extends WireValue> eventType;

    private WebhookFilter(Builder<E> builder) {
        this.receiver = builder.receiver;
        this.unparseableHandler = builder.unparseableHandler;
        this.replayGuard = builder.replayGuard;
        this.skipReplayGuard = builder.skipReplayGuard;
        this.inboxMode = builder.inboxMode;
        this.observer = builder.observer != null ? builder.observer : builder.receiver.observer();
        this.eventType = builder.eventType;
    }

    /**
     * A builder for a filter around {@code receiver}.
     *
     * @param <E> the vendor's event type
     * @param receiver a vendor receiver, built once
     * @return the builder
     */
    public static <E> Builder<E> builder(WebhookReceiver<E> receiver) {
        return new Builder<>(receiver);
    }

    /**
     * A filter around {@code receiver} without an unparseable-delivery handler.
     *
     * @param <E> the vendor's event type
     * @param receiver a vendor receiver, built once
     * @return the filter
     */
    public static <E> WebhookFilter<E> of(WebhookReceiver<E> receiver) {
        return builder(receiver).build();
    }

    /**
     * The verified delivery the filter attached to an accepted request.
     *
     * @param <E> the vendor's event type
     * @param request the request as seen downstream of the filter
     * @param eventType the vendor's event interface, e.g. {@code RevontEvent.class}
     * @return the delivery
     * @throws IllegalStateException when the request did not pass through a filter of that vendor
     */
    @SuppressWarnings("unchecked")
    public static <E> VerifiedDelivery<E> delivery(ServletRequest request, Class<E> eventType) {
        Object attribute = request.getAttribute(DELIVERY_ATTRIBUTE);
        if (attribute instanceof VerifiedDelivery<?> delivery && eventType.isInstance(delivery.event())) {
            return (VerifiedDelivery<E>) delivery;
        }
        throw new IllegalStateException("no verified " + eventType.getSimpleName()
                + " delivery on this request: is the WebhookFilter mapped to this URL?");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("WebhookFilter serves HTTP requests only");
        }
        if (!"POST".equals(request.getMethod())) {
            answered(null, AdapterOutcome.METHOD_NOT_ALLOWED);
            response.setHeader("Allow", "POST");
            reject(response, 405, "method not allowed: webhooks are delivered with POST");
            return;
        }
        byte[] body;
        try {
            body = RequestBody.read(request, receiver.bodyLimit());
        } catch (WebhookVerificationException tooLarge) {
            if (!RequestBody.drain(request, receiver.bodyLimit())) {
                response.setHeader("Connection", "close");
            }
            observeRejected(tooLarge);
            rejected(response, tooLarge);
            return;
        } catch (RequestBody.UnreadableBodyException e) {
            answered(null, AdapterOutcome.BODY_UNREADABLE);
            unreadable(request, response, e);
            return;
        }
        WebhookRequest webhookRequest = WebhookRequest.builder(body)
                .headers(WebhookHeaders.lazy(request::getHeaders, request::getHeaderNames))
                .path(request.getRequestURI())
                .query(request.getQueryString())
                .remoteAddress(request.getRemoteAddr())
                .build();

        VerifiedDelivery<E> delivery;
        try {
            delivery = receiver.receive(webhookRequest);
        } catch (WebhookVerificationException e) {
            rejected(response, e);
            return;
        } catch (WebhookPayloadException e) {
            if (inboxMode != null) {
                answerFromInbox(response, null, "unparseable", inboxMode.storeUnparseable(receiver.vendor(),
                        DeliveryKey.of(receiver.vendor(), "unparseable", e.rawBody()), oneLine(e.getMessage()), e, webhookRequest));
                return;
            }
            unparseable(response, e);
            return;
        }
        if (inboxMode != null && delivery.isDeduplicable()) {
            answerFromInbox(response, delivery, delivery.deliveryKey().value(), inboxMode.store(receiver.vendor(), delivery, webhookRequest));
            return;
        }
        request.setAttribute(DELIVERY_ATTRIBUTE, delivery);
        HttpServletRequest downstream = new VerifiedBodyRequest(request, body);
        if (replayGuard == null || !delivery.isDeduplicable() || skipReplayGuard.test(delivery)) {
            passOn(delivery, downstream, response, chain);
            return;
        }
        passOnOnce(delivery, downstream, response, chain);
    }

    private void passOnOnce(VerifiedDelivery<E> delivery, HttpServletRequest downstream, HttpServletResponse response,
                            FilterChain chain) throws IOException, ServletException {
        DeliveryKey key = delivery.deliveryKey();
        ClaimResult claimed;
        try {
            claimed = replayGuard.claim(key);
        } catch (ReplayStoreUnavailableException e) {
            answered(delivery, AdapterOutcome.STORE_UNAVAILABLE);
            LOG.log(System.Logger.Level.WARNING, "webhook store_unavailable vendor=" + receiver.vendor() + " key=" + logValue(key.value())
                    + " status=503 detail=" + quoted("the replay guard's store is unavailable, not passed on: " + e.getMessage()));
            response.setHeader("Retry-After", "30");
            reject(response, 503, "replay guard store unavailable; retry later");
            return;
        }
        switch (claimed.claim()) {
            case ALREADY_PROCESSED -> {
                answered(delivery, AdapterOutcome.DUPLICATE);
                LOG.log(System.Logger.Level.INFO, "webhook duplicate vendor=" + receiver.vendor() + " key=" + logValue(key.value())
                        + " status=200 detail=\"already processed; acknowledged, not passed on\"");
                reject(response, 200, "duplicate delivery: already processed");
            }
            case IN_PROGRESS -> {
                answered(delivery, AdapterOutcome.IN_PROGRESS);
                LOG.log(System.Logger.Level.INFO, "webhook in_progress vendor=" + receiver.vendor() + " key=" + logValue(key.value())
                        + " status=409 detail=\"the first copy is still being processed\"");
                response.setHeader("Retry-After", "30");
                reject(response, 409, "duplicate delivery: the first copy is still being processed; retry later");
            }
            case NEW -> {
                boolean handled = false;
                try {
                    passOn(delivery, downstream, response, chain);
                    handled = response.getStatus() >= 200 && response.getStatus() < 300;
                } finally {
                    settle(key, claimed.token(), handled);
                }
            }
        }
    }

    /**
     * Completes or releases a claim after the chain ran. The app's answer stands either way: a
     * claim taken over or a store failing here is logged, and the claim's lease expiring lets the
     * vendor's retry be handled (at least once, never lost).
     */
    private void settle(DeliveryKey key, ClaimToken token, boolean handled) {
        try {
            boolean owned = handled ? replayGuard.complete(key, token) : replayGuard.release(key, token);
            if (!owned) {
                LOG.log(System.Logger.Level.WARNING, "webhook claim_lost vendor=" + receiver.vendor() + " key=" + logValue(key.value())
                        + " detail=" + quoted("its claim expired and was taken over before it was " + (handled ? "completed" : "released")));
            }
        } catch (ReplayStoreUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "webhook claim_unsettled vendor=" + receiver.vendor() + " key=" + logValue(key.value())
                    + " detail=" + quoted("could not be " + (handled ? "completed" : "released") + " (the replay guard's store is unavailable: "
                    + e.getMessage() + "); its claim expires after the guard's lease"));
        }
    }

    /** Answers an inbox store; {@code delivery} is null for an authentic body that did not parse. */
    private void answerFromInbox(HttpServletResponse response, VerifiedDelivery<E> delivery, String key, InboxMode.Answer answer)
            throws IOException {
        if (answer.status() == InboxMode.UNAVAILABLE) {
            answered(delivery, AdapterOutcome.STORE_UNAVAILABLE);
            LOG.log(System.Logger.Level.WARNING, "webhook inbox_unavailable vendor=" + receiver.vendor() + " key=" + logValue(key)
                    + " status=503 detail=\"not acknowledged: the inbox could not store it\"");
            response.setHeader("Retry-After", InboxMode.RETRY_AFTER_SECONDS);
        }
        reject(response, answer.status(), answer.text());
    }


    /**
     * A body that could not be read to its end (see the class documentation for why {@code 400}).
     * The connection is closed: where the next request would start on it is unknown. The sender may
     * be gone, so failing to write the answer is expected and not reported further.
     */
    private void unreadable(HttpServletRequest request, HttpServletResponse response, RequestBody.UnreadableBodyException e) {
        long declared = request.getContentLengthLong();
        LOG.log(System.Logger.Level.INFO, "webhook body_unreadable vendor=" + receiver.vendor() + " status=400 content_length="
                + (declared >= 0 ? declared : "none") + " detail=" + quoted("could not be read to its end; closing the connection: " + e.getMessage()));
        try {
            response.setHeader("Connection", "close");
            reject(response, 400, "incomplete body: the request body could not be read to its end");
        } catch (IOException | RuntimeException senderGone) {
            // nothing more to tell a sender that cannot be reached
        }
    }

    /** Passes the delivery on; a chain that throws is reported as {@link AdapterOutcome#HANDLER_FAILED}. */
    private void passOn(VerifiedDelivery<E> delivery, HttpServletRequest downstream, HttpServletResponse response,
                        FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(downstream, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            answered(delivery, AdapterOutcome.HANDLER_FAILED);
            throw e;
        }
    }

    /** A rejection before the receiver ran (a body over the limit): reported as the receiver would. */
    private void observeRejected(WebhookVerificationException e) {
        try {
            observer.start(receiver.vendor()).rejected(e.reason(), 0);
        } catch (RuntimeException observerFailure) {
            // an observer never changes what a delivery gets
        }
    }

    private void answered(VerifiedDelivery<E> delivery, AdapterOutcome outcome) {
        try {
            observer.answered(receiver.vendor(), delivery == null ? null : eventType.apply(delivery.event()), outcome);
        } catch (RuntimeException observerFailure) {
            // an observer never changes what a delivery gets
        }
    }

    private void rejected(HttpServletResponse response, WebhookVerificationException e) throws IOException {
        String message = oneLine(e.getMessage());
        LOG.log(System.Logger.Level.INFO, "webhook rejected vendor=" + receiver.vendor() + " reason="
                + e.reason().name().toLowerCase(Locale.ROOT) + " status=" + e.reason().httpStatus()
                + " detail=" + quoted(e.getMessage()));
        reject(response, e.reason().httpStatus(), message);
    }

    private void unparseable(HttpServletResponse response, WebhookPayloadException e) throws IOException {
        DeliveryKey key = DeliveryKey.of(receiver.vendor(), "unparseable", e.rawBody());
        String reason = oneLine(e.getMessage());
        String logged = "webhook unparseable vendor=" + receiver.vendor() + " key=" + logValue(key.value());
        if (unparseableHandler == null) {
            LOG.log(System.Logger.Level.WARNING, logged + " status=400 handler=none detail="
                    + quoted("passed verification but did not parse, and no UnparseableDeliveryHandler is configured: "
                    + e.getMessage()));
            reject(response, 400, "delivery did not parse: " + reason);
            return;
        }
        try {
            Authentication authentication = e.authentication().orElse(Authentication.none());
            unparseableHandler.handle(new UnparseableDelivery(receiver.vendor(), key, reason, authentication, e.rawBody()));
        } catch (Exception handlerFailure) {
            answered(null, AdapterOutcome.HANDLER_FAILED);
            LOG.log(System.Logger.Level.ERROR, logged + " status=500 handler=failed detail="
                    + quoted("the UnparseableDeliveryHandler failed"), handlerFailure);
            reject(response, 500, "the unparseable delivery could not be kept");
            return;
        }
        LOG.log(System.Logger.Level.WARNING, logged + " status=202 handler=kept detail="
                + quoted("did not parse; handed to the UnparseableDeliveryHandler: " + e.getMessage()));
        response.setStatus(202);
    }

    /**
     * The message with line breaks (CR, LF, U+2028, U+2029) and every other control character
     * written as backslash escapes, so that text a sender put in a body (a parse error may quote
     * it) can start neither a new log line nor a new response line.
     */
    private static String oneLine(String message) {
        if (message == null) {
            return "no detail";
        }
        StringBuilder out = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A log value: bare when it is plain (a vendor name, a delivery key), else {@link #quoted}. */
    private static String logValue(String value) {
        return value != null && BARE.matcher(value).matches() ? value : quoted(value);
    }

    /** A double-quoted log value on one line: backslash and quote escaped, then control characters as {@link #oneLine}. */
    private static String quoted(String value) {
        return "\"" + oneLine(value == null ? null : value.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }

    private static void reject(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    @Override
    public String toString() {
        return "WebhookFilter[" + receiver.vendor() + "]";
    }

    /**
     * Builds a {@link WebhookFilter}.
     *
     * @param <E> the vendor's event type
     */
    public static final class Builder<E> {
        private final WebhookReceiver<E> receiver;
        private UnparseableDeliveryHandler unparseableHandler;
        private ReplayGuard replayGuard;
        private Predicate<VerifiedDelivery<E>> skipReplayGuard = delivery -> !delivery.authentication().provenBySecret();
        private WebhookObserver observer;
        private Function<? super E, ? extends WireValue> eventType = event -> null;
        private InboxMode<E> inboxMode;

        private Builder(WebhookReceiver<E> receiver) {
            this.receiver = Objects.requireNonNull(receiver, "receiver");
        }

        /**
         * Hands authentic deliveries that do not parse to {@code handler} and answers {@code 202}.
         *
         * @param handler keeps the raw delivery
         * @return this builder
         */
        public Builder<E> onUnparseableDelivery(UnparseableDeliveryHandler handler) {
            this.unparseableHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Passes each delivery on at most once: a delivery whose key was already handled
         * successfully is acknowledged with {@code 200} and not passed on; one whose first copy is
         * still being handled gets {@code 409} with {@code Retry-After}. A key is recorded only
         * when the app answered 2xx without throwing, so a delivery whose first attempt failed is
         * processed on the vendor's retry. A guard whose shared store cannot answer the claim
         * ({@link ReplayStoreUnavailableException}) gets {@code 503} with {@code Retry-After}.
         *
         * <p>By default deliveries not proven by a secret (unsigned ones accepted through guards
         * or explicitly unauthenticated) bypass the guard, since whoever sends them chooses their
         * key; change that with {@link #skipReplayGuardWhen(Predicate)}.
         *
         * @param guard remembers handled deliveries, e.g. {@code InMemoryReplayGuard.builder().build()}
         * @return this builder
         */
        public Builder<E> replayGuard(ReplayGuard guard) {
            this.replayGuard = Objects.requireNonNull(guard, "guard");
            return this;
        }

        /**
         * Which verified deliveries bypass the replay guard (replacing the default, which skips
         * deliveries not proven by a secret).
         *
         * @param skip true for a delivery that is always passed on
         * @return this builder
         */
        public Builder<E> skipReplayGuardWhen(Predicate<VerifiedDelivery<E>> skip) {
            this.skipReplayGuard = Objects.requireNonNull(skip, "skip");
            return this;
        }

        /**
         * Inbox mode: every verified delivery is stored in {@code inbox} and answered {@code 202}
         * once the store has committed it (also when an earlier copy was already stored), or
         * {@code 503} with {@code Retry-After: 30} when it could not be stored, so nothing is
         * acknowledged that was not stored. Nothing is passed down the chain: the inbox's workers
         * process the deliveries. An authentic body that does not parse is stored too, as a dead
         * letter with its reason (the {@link #onUnparseableDelivery} handler is then not used).
         * Exchanges the sender needs answered (RevRing's pre-call,
         * {@link VerifiedDelivery#isDeduplicable()} false) still go down the chain.
         *
         * <pre>{@code
         * WebhookFilter.builder(revont).inbox(jdbcInbox, RevontEvent::event).build();
         * }</pre>
         *
         * @param inbox     the durable store, e.g. {@code JdbcInbox}
         * @param eventType the event type label stored with each delivery
         * @return this builder
         */
        public Builder<E> inbox(DeliveryInbox inbox, Function<? super E, String> eventType) {
            this.inboxMode = new InboxMode<>(Objects.requireNonNull(inbox, "inbox"), Objects.requireNonNull(eventType, "eventType"));
            return this;
        }

        /**
         * Inbox mode ({@link #inbox(DeliveryInbox, Function)}) labelling each delivery with its
         * event's simple class name (e.g. {@code SummaryReady}).
         *
         * @param inbox the durable store
         * @return this builder
         */
        public Builder<E> inbox(DeliveryInbox inbox) {
            return inbox(inbox, event -> event.getClass().getSimpleName());
        }

        /**
         * Reports what the filter does beyond the receiver (see the class documentation) to
         * {@code observer}, without event types. By default the filter reports to the observer
         * the receiver was built with.
         *
         * <pre>{@code
         * WebhookFilter.builder(revont).observer(observer).build();
         * }</pre>
         *
         * @param observer the observer, e.g. the Micrometer module's {@code MicrometerWebhookObserver}
         * @return this builder
         */
        public Builder<E> observer(WebhookObserver observer) {
            return observer(observer, event -> null);
        }

        /**
         * Reports what the filter does beyond the receiver (see the class documentation) to
         * {@code observer}, with each delivery's event type where there is one (a duplicate, a
         * handler that failed). Give it the observer the receiver was built with.
         *
         * <pre>{@code
         * WebhookFilter.builder(revont).observer(observer, RevontEvent::type).build();
         * }</pre>
         *
         * @param observer the observer, e.g. the Micrometer module's {@code MicrometerWebhookObserver}
         * @param eventType the vendor's event-type constant of an event, e.g. {@code RevontEvent::type}
         * @return this builder
         */
        public Builder<E> observer(WebhookObserver observer, Function<? super E, ? extends WireValue> eventType) {
            this.observer = Objects.requireNonNull(observer, "observer");
            this.eventType = Objects.requireNonNull(eventType, "eventType");
            return this;
        }

        /**
         * Builds the filter.
         *
         * @return the filter, thread-safe
         */
        public WebhookFilter<E> build() {
            if (inboxMode != null && replayGuard != null) {
                throw new IllegalStateException("choose inbox mode or a replay guard: the inbox de-duplicates by delivery key itself");
            }
            return new WebhookFilter<>(this);
        }
    }
}
