package dev.revhooks.core;

import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.observe.WebhookObserver;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What every vendor's receiver can be told, whatever the vendor: the secrets (or keys), the clock,
 * the body and header limits, the JSON set-up and the observer. Each vendor's builder extends
 * {@link ReceiverBuilder}, which documents each setting once and validates them here, once; a
 * framework integration builds one value and hands it to any vendor's builder through
 * {@link ReceiverBuilder#settings(ReceiverSettings)}.
 *
 * <pre>{@code
 * ReceiverSettings shared = new ReceiverSettings(List.of(Secret.of("current", current)), Clock.systemUTC(),
 *         BodyLimit.ofBytes(1024 * 1024), HeaderLimit.DEFAULT, WebhookJson.shared(), metricsObserver);
 * RevRagWebhooks revrag = RevRagWebhooks.builder().settings(shared).build();
 * RevontWebhooks revont = RevontWebhooks.builder().settings(shared).build();
 * }</pre>
 *
 * <p>{@code toString()} names how many secrets there are, never their values.
 *
 * @param secrets the secrets or keys, in the order their {@link Secret#idAt(int) ids} are reported;
 *     may be empty (each vendor says when that is allowed); see {@link ReceiverBuilder#secrets(List)}
 * @param clock the clock time checks use; see {@link ReceiverBuilder#clock(Clock)}
 * @param bodyLimit the largest accepted body; see {@link ReceiverBuilder#bodyLimit(BodyLimit)}
 * @param headerLimit the longest accepted value of a header verification reads; see
 *     {@link ReceiverBuilder#headerLimit(HeaderLimit)}
 * @param json the JSON set-up bodies are parsed with; see {@link ReceiverBuilder#json(WebhookJson)}
 * @param observer what is told about every delivery; see {@link ReceiverBuilder#observer(WebhookObserver)}
 */
public record ReceiverSettings(List<Secret> secrets, Clock clock, BodyLimit bodyLimit, HeaderLimit headerLimit,
        WebhookJson json, WebhookObserver observer) {

    /**
     * The defaults: no secret, the UTC system clock, {@link BodyLimit#DEFAULT},
     * {@link HeaderLimit#DEFAULT}, {@link WebhookJson#shared()} and {@link WebhookObserver#none()}.
     */
    public static final ReceiverSettings DEFAULTS = new ReceiverSettings(List.of(), Clock.systemUTC(),
            BodyLimit.DEFAULT, HeaderLimit.DEFAULT, WebhookJson.shared(), WebhookObserver.none());

    /**
     * Validates the settings, once for every vendor: nothing is null, and no two secrets share an id
     * (the id is what {@link Authentication#credentialId()} reports).
     *
     * @param secrets the secrets, copied
     * @param clock the clock
     * @param bodyLimit the body limit
     * @param headerLimit the header limit
     * @param json the JSON set-up
     * @param observer the observer
     * @throws NullPointerException naming the missing setting
     * @throws IllegalArgumentException when two secrets share an id
     */
    public ReceiverSettings {
        secrets = List.copyOf(Objects.requireNonNull(secrets, "secrets"));
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(bodyLimit, "bodyLimit");
        Objects.requireNonNull(headerLimit, "headerLimit");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(observer, "observer");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < secrets.size(); i++) {
            String id = secrets.get(i).idAt(i);
            if (!ids.add(id)) {
                throw new IllegalArgumentException("two secrets share the id \"" + id
                        + "\": give each its own id with Secret.of(id, value)");
            }
        }
    }

    @Override
    public String toString() {
        return "ReceiverSettings[secrets=" + secrets.size() + ", bodyLimit=" + bodyLimit.maxBytes()
                + ", headerLimit=" + headerLimit.maxChars() + ", observer=" + observer + "]";
    }
}
