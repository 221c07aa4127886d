package dev.revhooks.bench;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WireValue;
import dev.revhooks.core.observe.DeliveryObservation;
import dev.revhooks.core.observe.WebhookObserver;
import dev.revhooks.micrometer.MicrometerWebhookObserver;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontSigner;
import dev.revhooks.revont.RevontWebhooks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * What observing costs on the receive path (Revont, a 1 KiB summary.ready delivery):
 * {@code receiveNoObserver} is the default, {@link WebhookObserver#none()}, which must be within
 * noise of {@code verifyThenParse}, the two steps called directly as {@code receive} did before it
 * ran through core's {@code ReceivePath}; {@code receiveCounting} adds an observer that reads the
 * clock and counts into {@link LongAdder}s, the price a metrics observer starts from; and
 * {@code receiveMicrometer} reports to a {@link MicrometerWebhookObserver} on a
 * {@link SimpleMeterRegistry} (percentile histograms on).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(3)
public class ObserverBench {

    private static final String SECRET = "whsec_4f8a2b1c9d3e7f6a0b5c8d2e1f4a7b3c";

    /** Counts outcomes and sums times, as a metrics observer would at the least. */
    static final class Counting implements WebhookObserver, DeliveryObservation {
        final LongAdder accepted = new LongAdder();
        final LongAdder rejected = new LongAdder();
        final LongAdder nanos = new LongAdder();

        @Override
        public DeliveryObservation start(String vendor) {
            return this;
        }

        @Override
        public void verified(Authentication authentication, long verifyNanos) {
            nanos.add(verifyNanos);
        }

        @Override
        public void accepted(WireValue eventType, long parseNanos) {
            accepted.increment();
            nanos.add(parseNanos);
        }

        @Override
        public void rejected(FailureReason reason, long verifyNanos) {
            rejected.increment();
        }
    }

    private RevontWebhooks plain;
    private RevontWebhooks counting;
    private RevontWebhooks micrometer;
    private WebhookRequest request;

    @Setup
    public void setUp() throws WebhookException {
        byte[] body = Payloads.padded("{\"event\":\"summary.ready\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":{"
                + "\"call_id\":\"call_abc123\",\"summary_url\":\"https://app.revont.ai/calls/call_abc123/summary\","
                + "\"notes\":\"", "\"}}", 1024);
        Secret secret = Secret.of(SECRET);
        plain = RevontWebhooks.builder().secret(secret).build();
        counting = RevontWebhooks.builder().secret(secret).observer(new Counting()).build();
        micrometer = RevontWebhooks.builder().secret(secret).observer(MicrometerWebhookObserver.of(new SimpleMeterRegistry())).build();
        request = RevontSigner.of(secret).sign(body);
        micrometer.receive(request);
        plain.receive(request);
        counting.receive(request);
    }

    @Benchmark
    public VerifiedDelivery<RevontEvent> receiveNoObserver() throws WebhookException {
        return plain.receive(request);
    }

    @Benchmark
    public VerifiedDelivery<RevontEvent> receiveCounting() throws WebhookException {
        return counting.receive(request);
    }

    @Benchmark
    public VerifiedDelivery<RevontEvent> receiveMicrometer() throws WebhookException {
        return micrometer.receive(request);
    }

    @Benchmark
    public VerifiedDelivery<RevontEvent> verifyThenDeliver() throws WebhookException {
        Authentication authentication = plain.verify(request);
        RevontEvent event = plain.parse(request);
        return VerifiedDelivery.withDefaultKey("revont", event.type().wireName(), event, authentication, request.body());
    }

    @Benchmark
    public void verifyThenParse(Blackhole hole) throws WebhookException {
        hole.consume(plain.verify(request));
        hole.consume(plain.parse(request));
    }
}
