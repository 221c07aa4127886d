package dev.revhooks.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.revhooks.core.Authentication;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.revdesk.RevDeskEvent;
import dev.revhooks.revdesk.RevDeskEventType;
import dev.revhooks.revdesk.RevDeskSigner;
import dev.revhooks.revdesk.RevDeskWebhooks;
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
import org.openjdk.jmh.annotations.Warmup;

/** RevDesk: a signed number-lifecycle envelope, {@code X-revdesk-Signature-256: <hex>} over the raw body. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(3)
public class RevDeskBench {

    private static final String SECRET = "revdesk_signing_secret_0b5c8d2e1f4a";

    /** The hand-written app's records. */
    record Envelope(@JsonProperty(value = "triggerEvent", required = true) String triggerEvent,
                    @JsonProperty("createdAt") Instant createdAt,
                    @JsonProperty(value = "payload", required = true) PhoneNumber payload) {
    }

    record PhoneNumber(@JsonProperty("id") Long id, @JsonProperty("phone_number") String phoneNumber,
                       @JsonProperty("area_code") String areaCode, @JsonProperty("status") String status,
                       @JsonProperty("organization_id") String organizationId) {
    }

    @Param({"1024", "1048576"})
    public int size;

    private RevDeskWebhooks ours;
    private WebhookRequest request;
    private byte[] body;
    private HandWrittenHmac hand;
    private byte[][] bodyParts;

    @Setup
    public void setUp() throws Exception {
        body = Payloads.padded("{\"triggerEvent\":\"number.purchased\",\"createdAt\":\"2026-06-30T19:30:00.000Z\","
                + "\"payload\":{\"id\":4821,\"phone_number\":\"+15551234567\",\"area_code\":\"555\",\"status\":\"ACTIVE\","
                + "\"organization_id\":\"org_1\",\"note\":\"", "\"}}", size);
        Secret secret = Secret.of(SECRET);
        ours = RevDeskWebhooks.builder().secret(secret).subscribedTo(RevDeskEventType.NUMBER_PURCHASED).build();
        request = RevDeskSigner.of(secret).request(body);
        hand = new HandWrittenHmac(SECRET);
        bodyParts = new byte[][] {body};
        if (!handWrittenVerify() || !naiveVerify()) {
            throw new IllegalStateException("baselines do not accept the signed request");
        }
        oursReceive();
    }

    @Benchmark
    public Authentication oursVerify() throws WebhookException {
        return ours.verify(request);
    }

    @Benchmark
    public RevDeskEvent oursParse() throws WebhookException {
        return ours.parse(request);
    }

    @Benchmark
    public VerifiedDelivery<RevDeskEvent> oursReceive() throws WebhookException {
        return ours.receive(request);
    }

    @Benchmark
    public boolean handWrittenVerify() {
        String header = request.headers().first("X-revdesk-Signature-256");
        return header != null && hand.verifyHex(header, body);
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
        return NaiveHmac.hex(SECRET, body).equals(request.headers().first("X-revdesk-Signature-256"));
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
