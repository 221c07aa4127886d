package dev.revhooks.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.revhooks.core.Authentication;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.revring.RevRingEvent;
import dev.revhooks.revring.RevRingSigner;
import dev.revhooks.revring.RevRingWebhooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

/** RevRing: a static {@code x-api-key} and the post-call record. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(3)
public class RevRingBench {

    private static final String KEY = "rr_live_4f8a2b1c9d3e7f6a0b5c8d2e";

    /** The hand-written app's record: the same fields and types as ours. */
    record CallRecord(@JsonProperty(value = "id", required = true) UUID id,
                      @JsonProperty(value = "direction", required = true) String direction,
                      @JsonProperty(value = "status", required = true) String status,
                      @JsonProperty(value = "fromNumber", required = true) String fromNumber,
                      @JsonProperty(value = "toNumber", required = true) String toNumber,
                      @JsonProperty(value = "organizationId", required = true) String organizationId,
                      @JsonProperty(value = "agentId", required = true) UUID agentId,
                      @JsonProperty("recordingUrl") String recordingUrl,
                      @JsonProperty("hangupCause") String hangupCause,
                      @JsonProperty("errorMessage") String errorMessage,
                      @JsonProperty("transcript") List<JsonNode> transcript,
                      @JsonProperty("summary") String summary,
                      @JsonProperty("metrics") JsonNode metrics,
                      @JsonProperty("initiatedAt") Instant initiatedAt,
                      @JsonProperty("startedAt") Instant startedAt,
                      @JsonProperty("endedAt") Instant endedAt,
                      @JsonProperty("durationSeconds") Long durationSeconds,
                      @JsonProperty("agentName") String agentName,
                      @JsonProperty("sipTrunkId") String sipTrunkId,
                      @JsonProperty("agentCallerIdName") String agentCallerIdName,
                      @JsonProperty("variables") JsonNode variables,
                      @JsonProperty("createdAt") Instant createdAt,
                      @JsonProperty("updatedAt") Instant updatedAt) {
    }

    @Param({"1024"})
    public int size;

    private RevRingWebhooks ours;
    private WebhookRequest request;
    private byte[] body;
    private byte[] keyBytes;
    private byte[] sentKeyBytes;

    @Setup
    public void setUp() throws Exception {
        body = Payloads.padded("{\"id\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\"direction\":\"INBOUND\","
                + "\"status\":\"COMPLETED\",\"fromNumber\":\"+15551234567\",\"toNumber\":\"+15557654321\","
                + "\"organizationId\":\"org_1\",\"agentId\":\"3c90c3cc-0d44-4b50-8888-8dd25736052b\","
                + "\"recordingUrl\":\"https://x/r.mp3\",\"hangupCause\":\"USER_ENDED\",\"errorMessage\":null,"
                + "\"transcript\":[{\"role\":\"agent\",\"text\":\"Hello\"}],\"metrics\":{\"latencyMs\":420},"
                + "\"initiatedAt\":\"2023-11-07T05:31:56Z\",\"startedAt\":\"2023-11-07T05:31:58Z\","
                + "\"endedAt\":\"2023-11-07T05:35:56Z\",\"durationSeconds\":238,\"agentName\":\"Ava\","
                + "\"sipTrunkId\":null,\"agentCallerIdName\":\"Acme\",\"variables\":{\"plan\":\"gold\"},"
                + "\"createdAt\":\"2023-11-07T05:31:56Z\",\"updatedAt\":\"2023-11-07T05:36:00Z\",\"summary\":\"",
                "\"}", size);
        Secret key = Secret.of(KEY);
        ours = RevRingWebhooks.builder().apiKey(key).build();
        request = RevRingSigner.of(key).request(body);
        keyBytes = KEY.getBytes(StandardCharsets.UTF_8);
        sentKeyBytes = request.headers().first("x-api-key").getBytes(StandardCharsets.UTF_8);
        if (!handWrittenVerify() || !naiveVerify() || !floorVerify()) {
            throw new IllegalStateException("baselines do not accept the request");
        }
        oursReceive();
    }

    @Benchmark
    public Authentication oursVerify() throws WebhookException {
        return ours.verify(request);
    }

    @Benchmark
    public RevRingEvent oursParse() throws WebhookException {
        return ours.parse(request);
    }

    @Benchmark
    public VerifiedDelivery<RevRingEvent> oursReceive() throws WebhookException {
        return ours.receive(request);
    }

    @Benchmark
    public boolean handWrittenVerify() {
        String header = request.headers().first("x-api-key");
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), keyBytes);
    }

    @Benchmark
    public CallRecord handWrittenReceive() throws IOException {
        if (!handWrittenVerify()) {
            throw new IllegalStateException("forged");
        }
        return HandWrittenJson.STRICT.readValue(body, CallRecord.class);
    }

    @Benchmark
    public boolean naiveVerify() {
        return KEY.equals(request.headers().first("x-api-key"));
    }

    @Benchmark
    public JsonNode naiveReceive() throws IOException {
        if (!naiveVerify()) {
            throw new IllegalStateException("forged");
        }
        return HandWrittenJson.NAIVE.readTree(new String(body, StandardCharsets.UTF_8));
    }

    /**
     * The floor, not a verifier: the constant-time comparison of the sent key's bytes (taken out of
     * the header once, in the setup) with the configured key's, nothing else.
     */
    @Benchmark
    public boolean floorVerify() {
        return MessageDigest.isEqual(sentKeyBytes, keyBytes);
    }
}
