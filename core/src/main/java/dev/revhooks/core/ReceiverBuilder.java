package dev.revhooks.core;

import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.observe.WebhookObserver;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The part of every vendor's builder that is the same for all vendors: secrets, clock, limits,
 * JSON set-up and observer, documented here once. Each vendor's {@code Builder} extends it and adds
 * only its own options (RevRag's tolerance, RevDesk's subscription, RevRing's served webhook).
 * Users never write the type parameters: {@code RevontWebhooks.builder()} returns
 * {@code RevontWebhooks.Builder}, and every method here returns that type.
 *
 * <pre>{@code
 * RevontWebhooks revont = RevontWebhooks.builder()
 *         .secret(Secret.of(System.getenv("REVONT_WEBHOOK_SECRET")))
 *         .bodyLimit(BodyLimit.ofBytes(1024 * 1024))
 *         .tolerance(TimestampTolerance.DEFAULT)   // Revont's own option, still chainable
 *         .build();
 * }</pre>
 *
 * <p>A framework integration configures any vendor's receiver without knowing the vendor:
 *
 * <pre>{@code
 * <R extends WebhookReceiver<?>> R configure(ReceiverBuilder<R, ?> builder, ReceiverSettings shared) {
 *     return builder.settings(shared).build();
 * }
 * }</pre>
 *
 * <p>Builders are not thread-safe; each method replaces an earlier value.
 *
 * @param <R> the receiver built
 * @param <B> the vendor's builder type, returned by every method for chaining
 */
public abstract class ReceiverBuilder<R extends WebhookReceiver<?>, B extends ReceiverBuilder<R, B>> {

    private ReceiverSettings settings = ReceiverSettings.DEFAULTS;

    /** For vendor builders. */
    protected ReceiverBuilder() {
    }

    /**
     * Replaces every shared setting at once, for a caller that configures receivers generically
     * (a framework integration); a vendor's own options are kept.
     *
     * @param settings the shared settings
     * @return this builder
     */
    public final B settings(ReceiverSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return self();
    }

    /**
     * The shared settings as configured so far.
     *
     * @return the settings, validated
     */
    public final ReceiverSettings settings() {
        return settings;
    }

    /**
     * Uses one secret (an HMAC signing secret, or an API key for a key scheme), replacing any set
     * before. Its UTF-8 bytes are the key, exactly as the vendor shows it (never base64-decoded or
     * stripped of a prefix); the vendor's class documentation says where to find it.
     *
     * @param secret the secret
     * @return this builder
     */
    public final B secret(Secret secret) {
        return secrets(List.of(Objects.requireNonNull(secret, "secret")));
    }

    /**
     * Uses several secrets, replacing any set before: a delivery made with any of them is accepted
     * (rotation, or one receiver serving several endpoints), and
     * {@link Authentication#credentialId()} names the one that matched ({@link Secret#idAt(int)}).
     *
     * @param secrets one or more secrets, with distinct ids
     * @return this builder
     * @throws IllegalArgumentException when the list is empty or two secrets share an id
     */
    public final B secrets(List<Secret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is required");
        }
        return settings(new ReceiverSettings(secrets, settings.clock(), settings.bodyLimit(),
                settings.headerLimit(), settings.json(), settings.observer()));
    }

    /**
     * The clock time checks (a signed timestamp's window, a maximum event age) are measured
     * against; the default is the UTC system clock. Tests pass a fixed clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public final B clock(Clock clock) {
        return settings(new ReceiverSettings(settings.secrets(), clock, settings.bodyLimit(),
                settings.headerLimit(), settings.json(), settings.observer()));
    }

    /**
     * The largest accepted body, checked before any hashing; the default is
     * {@link BodyLimit#DEFAULT} (8 MiB). Adapters stop reading a stream at it.
     *
     * @param bodyLimit the limit
     * @return this builder
     */
    public final B bodyLimit(BodyLimit bodyLimit) {
        return settings(new ReceiverSettings(settings.secrets(), settings.clock(), bodyLimit,
                settings.headerLimit(), settings.json(), settings.observer()));
    }

    /**
     * The longest accepted value of a header verification reads (signature, timestamp, key),
     * checked before it is parsed or compared; the default is {@link HeaderLimit#DEFAULT} (8 KiB).
     * A longer value is {@link FailureReason#HEADER_TOO_LARGE}, answered 431.
     *
     * @param headerLimit the limit
     * @return this builder
     */
    public final B headerLimit(HeaderLimit headerLimit) {
        return settings(new ReceiverSettings(settings.secrets(), settings.clock(), settings.bodyLimit(),
                headerLimit, settings.json(), settings.observer()));
    }

    /**
     * The JSON set-up bodies are parsed with; the default is {@link WebhookJson#shared()}.
     *
     * @param json the JSON set-up
     * @return this builder
     */
    public final B json(WebhookJson json) {
        return settings(new ReceiverSettings(settings.secrets(), settings.clock(), settings.bodyLimit(),
                settings.headerLimit(), json, settings.observer()));
    }

    /**
     * What is told about every delivery (accepted, rejected and why, unparseable, with verify and
     * parse times), for metrics and logs; the default, {@link WebhookObserver#none()}, costs
     * nothing. An observer that throws never changes what a delivery gets.
     *
     * @param observer the observer
     * @return this builder
     */
    public final B observer(WebhookObserver observer) {
        return settings(new ReceiverSettings(settings.secrets(), settings.clock(), settings.bodyLimit(),
                settings.headerLimit(), settings.json(), observer));
    }

    /**
     * Builds the receiver from the shared settings and the vendor's own options.
     *
     * @return the receiver, immutable and thread-safe
     * @throws IllegalStateException when the configuration cannot authenticate anything (for
     *     example no secret, where the vendor needs one); the message names every way out
     */
    public final R build() {
        return build(settings);
    }

    /**
     * Builds the vendor's receiver; checks the vendor's own options and whether it needs secrets.
     *
     * @param settings the validated shared settings
     * @return the receiver
     */
    protected abstract R build(ReceiverSettings settings);

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
