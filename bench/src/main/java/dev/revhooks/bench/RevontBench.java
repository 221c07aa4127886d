package dev.revhooks.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.revhooks.core.Authentication;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontSigner;
import dev.revhooks.revont.RevontWebhooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Revont: HMAC-SHA256 over the raw body, {@code X-Revont-Signature: sha256=<hex>}, envelope parse. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(3)
public class RevontBench {

    private static final String SECRET = "whsec_4f8a2b1c9d3e7f6a0b5c8d2e1f4a7b3c";

    /** The hand-written app's records: the same fields as ours, read in one databind pass. */
    record Envelope(@JsonProperty("event") String event, @JsonProperty("timestamp") Instant timestamp,
                    @JsonProperty("data") Summary data) {
    }

    record Summary(@JsonProperty("call_id") String callId, @JsonProperty("rep_id") String repId,
                   @JsonProperty("prospect_email") String prospectEmail,
                   @JsonProperty("duration_seconds") Long durationSeconds,
                   @JsonProperty("summary_url") String summaryUrl,
                   @JsonProperty("coaching_score") Integer coachingScore) {
    }

    @Param({"1024", "1048576"})
    public int size;

    private RevontWebhooks ours;
    private WebhookRequest request;
    private byte[] body;
    private HandWrittenHmac hand;
    private byte[][] bodyParts;

    @Setup
    public void setUp() {
        body = Payloads.revontSummary(size);
        Secret secret = Secret.of(SECRET);
        ours = RevontWebhooks.builder().secret(secret).build();
        request = RevontSigner.of(secret).sign(body);
        hand = new HandWrittenHmac(SECRET);
        bodyParts = new byte[][] {body};
        if (!handWrittenVerify() || !naiveVerify()) {
            throw new IllegalStateException("baselines do not accept the signed request");
        }
    }

    @Benchmark
    public Authentication oursVerify() throws WebhookException {
        return ours.verify(request);
    }

    @Benchmark
    @Threads(2)
    public Authentication oursVerify2Threads() throws WebhookException {
        return ours.verify(request);
    }

    @Benchmark
    public RevontEvent oursParse() throws WebhookException {
        return ours.parse(request);
    }

    @Benchmark
    public VerifiedDelivery<RevontEvent> oursReceive() throws WebhookException {
        return ours.receive(request);
    }

    @Benchmark
    public boolean handWrittenVerify() {
        String header = request.headers().first("X-Revont-Signature");
        return header != null && header.startsWith("sha256=") && hand.verifyHex(header.substring(7), body);
    }

    @Benchmark
    public Envelope handWrittenReceive() throws IOException {
        if (!handWrittenVerify()) {
            throw new IllegalStateException("forged");
        }
        return HandWrittenJson.STRICT.readValue(body, Envelope.class);
    }

    @Benchmark
    public boolean naiveVerify() {
        return ("sha256=" + NaiveHmac.hex(SECRET, body)).equals(request.headers().first("X-Revont-Signature"));
    }

    @Benchmark
    public JsonNode naiveReceive() throws IOException {
        if (!naiveVerify()) {
            throw new IllegalStateException("forged");
        }
        return HandWrittenJson.NAIVE.readTree(new String(body, StandardCharsets.UTF_8));
    }

    /**
     * The floor, not a verifier: SHA-256 over exactly the bytes the scheme signs (the raw body), nothing else.
     * Ours divided by it is what verification costs above hashing the message once.
     */
    @Benchmark
    public byte[] floorVerify() {
        return Sha256Floor.of(bodyParts);
    }
}
