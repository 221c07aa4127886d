package dev.revhooks.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.WebhookReceiver;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.observe.WebhookObserver;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The observer contract, checked the same way for every vendor: what a receiver tells a
 * {@link RecordingObserver} about one request, that every observation ends exactly once, and that
 * a throwing observer changes nothing about what the request gets.
 *
 * <pre>{@code
 * ObserverContract contract = new ObserverContract(observer -> RevontWebhooks.builder()
 *         .secret(SECRET).observer(observer).build());
 * contract.assertObserved(SIGNER.sign(body), "verified HMAC_SIGNATURE secret-1", "accepted SUMMARY_READY");
 * }</pre>
 */
public final class ObserverContract {

    private static final UnaryOperator<String> STABLE_KEY = key -> key.replaceAll("[0-9a-f-]{36}$", "<uuid>");

    private final Function<WebhookObserver, WebhookReceiver<?>> receiverWith;

    /**
     * A contract check for one receiver configuration.
     *
     * @param receiverWith builds the receiver under test with the given observer
     */
    public ObserverContract(Function<WebhookObserver, WebhookReceiver<?>> receiverWith) {
        this.receiverWith = receiverWith;
    }

    /**
     * Receives {@code request} once with a recording observer and asserts what it was told (after
     * {@code "start <vendor>"}); then receives it with a throwing observer (twice: once with
     * {@code start} throwing, once with every observation method throwing) and with none, and
     * asserts all three verdicts are equal.
     *
     * @param request the request
     * @param expected the lines after the start line, e.g. {@code "rejected SIGNATURE_MISMATCH"}
     * @return the verdict
     */
    public Verdict assertObserved(WebhookRequest request, String... expected) {
        RecordingObserver recording = new RecordingObserver();
        WebhookReceiver<?> observed = receiverWith.apply(recording);
        assertThat(observed.observer()).isSameAs(recording);
        Verdict verdict = Verdict.of(request, () -> observed.receive(request), STABLE_KEY);
        assertThat(recording.lines()).first().isEqualTo("start " + observed.vendor());
        assertThat(recording.lines().subList(1, recording.lines().size())).containsExactly(expected);
        assertThat(recording.violations()).isEmpty();

        WebhookReceiver<?> plain = receiverWith.apply(WebhookObserver.none());
        WebhookReceiver<?> throwing = receiverWith.apply(RecordingObserver.throwing());
        Verdict unobserved = Verdict.of(request, () -> plain.receive(request), STABLE_KEY);
        assertThat(List.of(verdict, Verdict.of(request, () -> throwing.receive(request), STABLE_KEY),
                Verdict.of(request, () -> throwing.receive(request), STABLE_KEY)))
                .as("a recording or throwing observer changes nothing").containsOnly(unobserved);
        return verdict;
    }
}
