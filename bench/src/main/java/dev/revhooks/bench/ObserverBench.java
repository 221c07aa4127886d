package dev.revhooks.bench;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.observe.DeliveryObservation;
import dev.revhooks.core.observe.WebhookObserver;
import dev.revhooks.micrometer.MicrometerWebhookObserver;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontSigner;
import dev.revhooks.revont.RevontWebhooks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of observing a Revont delivery (1 KiB, accepted; and a forged one, rejected): verify
 * and parse, then the same reporting to {@link WebhookObserver#none()} and to a
 * {@link MicrometerWebhookObserver} on a {@link SimpleMeterRegistry} (percentile histograms on).
 * The observer is called the way core's contract says a receiver calls it ({@link #observed});
 * once the vendor builders take an observer, build {@code ours} with {@code .observer(...)} instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(3)
public class ObserverBench {

    private RevontWebhooks ours;
    private WebhookRequest accepted;
    private WebhookRequest forged;
    private WebhookObserver micrometer;

    @Setup
    public void setUp() {
        byte[] body = Payloads.padded("{\"event\":\"summary.ready\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":{"
                + "\"call_id\":\"call_abc123\",\"notes\":\"", "\"}}", 1024);
        Secret secret = Secret.of("whsec_4f8a2b1c9d3e7f6a0b5c8d2e1f4a7b3c");
        ours = RevontWebhooks.builder().secret(secret).build();
        accepted = RevontSigner.of(secret).sign(body);
        forged = RevontSigner.of(Secret.of("whsec_guessed")).sign(body);
        micrometer = MicrometerWebhookObserver.of(new SimpleMeterRegistry());
        if (body.length != 1024 || !new String(body, StandardCharsets.UTF_8).startsWith("{")) {
            throw new IllegalStateException("unexpected body");
        }
    }

    @Benchmark
    public RevontEvent receivePlain() throws WebhookException {
        ours.verify(accepted);
        return ours.parse(accepted);
    }

    @Benchmark
    public RevontEvent receiveNoObserver() throws WebhookException {
        return observed(WebhookObserver.none(), accepted);
    }

    @Benchmark
    public RevontEvent receiveMicrometer() throws WebhookException {
        return observed(micrometer, accepted);
    }

    @Benchmark
    public Object rejectPlain() {
        try {
            return ours.verify(forged);
        } catch (WebhookException e) {
            return e;
        }
    }

    @Benchmark
    public Object rejectMicrometer() {
        try {
            return observed(micrometer, forged);
        } catch (WebhookException e) {
            return e;
        }
    }

    /** {@code receive} reporting to {@code observer} as core's contract says; no clock read for {@code none()}. */
    private RevontEvent observed(WebhookObserver observer, WebhookRequest request)
            throws WebhookVerificationException, WebhookPayloadException {
        boolean timed = observer != WebhookObserver.none();
        DeliveryObservation observation = observer.start("revont");
        long start = timed ? System.nanoTime() : 0;
        Authentication authentication;
        try {
            authentication = ours.verify(request);
        } catch (WebhookVerificationException e) {
            observation.rejected(e.reason(), timed ? System.nanoTime() - start : 0);
            throw e;
        }
        long verified = timed ? System.nanoTime() : 0;
        observation.verified(authentication, verified - start);
        RevontEvent event;
        try {
            event = ours.parse(request);
        } catch (WebhookPayloadException e) {
            observation.unparseable(timed ? System.nanoTime() - verified : 0);
            throw e;
        }
        observation.accepted(event.type(), timed ? System.nanoTime() - verified : 0);
        return event;
    }
}
