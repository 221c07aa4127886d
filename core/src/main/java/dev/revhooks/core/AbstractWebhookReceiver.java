package dev.revhooks.core;

import dev.revhooks.core.observe.WebhookObserver;
import java.util.Objects;
import java.util.function.Function;

/**
 * What every vendor's receiver holds the same way: its vendor name and the shared
 * {@link ReceiverSettings} it was built with, answering {@link #vendor()}, {@link #bodyLimit()},
 * {@link #headerLimit()} and {@link #observer()} from them. Vendor receivers extend it; users see
 * it only as the {@link WebhookReceiver} they use.
 *
 * <pre>{@code
 * public final class RevontWebhooks extends AbstractWebhookReceiver<RevontEvent> {
 *     private RevontWebhooks(ReceiverSettings settings) {
 *         super("revont", settings);
 *     }
 * }
 * }</pre>
 *
 * @param <E> the vendor's sealed event type
 */
public abstract class AbstractWebhookReceiver<E> implements WebhookReceiver<E> {

    private final String vendor;
    private final ReceiverSettings settings;

    /**
     * For vendor receivers.
     *
     * @param vendor the vendor's short name, e.g. {@code "revont"}
     * @param settings the validated shared settings
     */
    protected AbstractWebhookReceiver(String vendor, ReceiverSettings settings) {
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The vendor's short name, as used in delivery keys and told to the observer.
     *
     * @return e.g. {@code "revont"}
     */
    @Override
    public final String vendor() {
        return vendor;
    }

    @Override
    public final BodyLimit bodyLimit() {
        return settings.bodyLimit();
    }

    @Override
    public final HeaderLimit headerLimit() {
        return settings.headerLimit();
    }

    @Override
    public final WebhookObserver observer() {
        return settings.observer();
    }

    /**
     * The request's body, once {@link #bodyLimit()} passed: the first check of every vendor's
     * {@code verify}, before any header is read or byte hashed.
     *
     * <pre>{@code
     * byte[] body = limitedBody(request);
     * }</pre>
     *
     * @param request the request as received
     * @return the raw body, not copied
     * @throws WebhookVerificationException {@link FailureReason#PAYLOAD_TOO_LARGE} over the limit
     */
    protected final byte[] limitedBody(WebhookRequest request) throws WebhookVerificationException {
        byte[] body = request.body();
        settings.bodyLimit().check(body);
        return body;
    }

    /**
     * The receiver's one {@link ReceivePath}: the vendor's two steps, timed and reported to this
     * receiver's observer.
     *
     * <pre>{@code
     * this.path = receivePath((none, request) -> verify(request), this::deliver, RevontEvent::type);
     * }</pre>
     *
     * @param <C> what the steps need besides the request, or {@link Void}
     * @param verify the vendor's verify step
     * @param parse the vendor's parse step
     * @param eventType the vendor's event-type constant of an event
     * @return the path
     */
    protected final <C> ReceivePath<C, E> receivePath(ReceivePath.Verify<C> verify, ReceivePath.Parse<C, E> parse,
            Function<? super E, ? extends WireValue> eventType) {
        return new ReceivePath<>(vendor, settings.observer(), verify, parse, eventType);
    }

    /**
     * The shared settings this receiver was built with, for the vendor's code; never handed to users
     * (they hold the secrets).
     *
     * @return the settings
     */
    protected final ReceiverSettings settings() {
        return settings;
    }
}
