package dev.revhooks.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.revhooks.core.Authentication;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.revrag.RevRagEvent;
import dev.revhooks.revrag.RevRagSigner;
import dev.revhooks.revrag.RevRagWebhooks;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RevRag: HMAC-SHA256 over {@code "{t}.{body}"}, {@code X-Webhook-Signature: t=…,v1=…}, a 5-minute
 * window, and the call-status payload (the transcript makes it large). stripe-java verifies the
 * same scheme for its own vendor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(3)
public class RevRagBench {

    private static final String SECRET = "revrag_shared_secret_9f8e7d6c5b4a";
    private static final byte[] DOT = {'.'};

    /** The hand-written app's records: the same fields and types as ours, read in one databind pass. */
    record CallStatus(@JsonProperty(value = "call_status", required = true) String callStatus,
                      @JsonProperty(value = "call_id", required = true) UUID callId,
                      @JsonProperty(value = "agent_id", required = true) UUID agentId,
                      @JsonProperty("summary") String summary,
                      @JsonProperty("start_time") Instant startTime,
                      @JsonProperty("end_time") Instant endTime,
                      @JsonProperty("duration") BigDecimal duration,
                      @JsonProperty("disconnection_reason") String disconnectionReason,
                      @JsonProperty("recording_url") String recordingUrl,
                      @JsonProperty("transcription") Transcription transcription,
                      @JsonProperty("custom_variables") List<Variable> customVariables,
                      @JsonProperty("variables_fields") JsonNode variablesFields,
                      @JsonProperty("app_user_id") String appUserId) {
    }

    record Transcription(@JsonProperty("messages") List<Message> messages) {
    }

    record Message(@JsonProperty("role") String role, @JsonProperty("content") String content) {
    }

    record Variable(@JsonProperty("key") String key, @JsonProperty("type") String type, @JsonProperty("value") JsonNode value) {
    }

    @Param({"1024", "1048576"})
    public int size;

    private RevRagWebhooks ours;
    private WebhookRequest request;
    private byte[] body;
    private HandWrittenHmac hand;
    private byte[] timestampBytes;
    private byte[][] signedParts;

    @Setup
    public void setUp() throws Exception {
        body = Payloads.padded("{\"call_status\":\"ENDED\",\"call_id\":\"123e4567-e89b-12d3-a456-426614174000\","
                + "\"agent_id\":\"33333333-3333-3333-3333-333333333333\",\"summary\":\"User asked about their loan.\","
                + "\"start_time\":\"2026-05-27T03:05:00+00:00\",\"end_time\":\"2026-05-27T03:06:12+00:00\","
                + "\"duration\":72.5,\"disconnection_reason\":\"user_hangup\",\"recording_url\":\"https://x/recording.mp3\","
                + "\"transcription\":{\"messages\":[{\"role\":\"assistant\",\"content\":\"Hi! How can I help you today?\"},"
                + "{\"role\":\"user\",\"content\":\"",
                "\"}]},\"custom_variables\":[{\"key\":\"interested_in_loan\",\"type\":\"boolean\",\"value\":true}],"
                + "\"variables_fields\":{\"plan\":\"gold\"},\"app_user_id\":\"user_12345\"}", size);
        Secret secret = Secret.of(SECRET);
        ours = RevRagWebhooks.builder().secret(secret).build();
        request = RevRagSigner.of(secret).sign(body, Instant.now(), "call.ended", "wh_1");
        hand = new HandWrittenHmac(SECRET);
        String signature = request.headers().first("X-Webhook-Signature");
        timestampBytes = signature.substring(2, signature.indexOf(',')).getBytes(StandardCharsets.US_ASCII);
        signedParts = new byte[][] {timestampBytes, DOT, body};
        boolean floorIsTheSignedMac = signature.endsWith("v1=" + HexFormat.of().formatHex(hmacOnlyVerify()));
        if (!handWrittenVerify() || !naiveVerify() || !stripeVerify() || !floorIsTheSignedMac) {
            throw new IllegalStateException("baselines do not accept the signed request");
        }
        oursReceive();
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
    public RevRagEvent oursParse() throws WebhookException {
        return ours.parse(request);
    }

    @Benchmark
    public VerifiedDelivery<RevRagEvent> oursReceive() throws WebhookException {
        return ours.receive(request);
    }

    /** Split the header, check the window, HMAC over the parts, compare decoded bytes. */
    @Benchmark
    public boolean handWrittenVerify() {
        String signatureHeader = request.headers().first("X-Webhook-Signature");
        String timestampHeader = request.headers().first("X-Webhook-Timestamp");
        if (signatureHeader == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : signatureHeader.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        if (t == null || v1 == null || !t.equals(timestampHeader)) {
            return false;
        }
        long age = Instant.now().getEpochSecond() - Long.parseLong(t);
        return Math.abs(age) <= 300 && hand.verifyHex(v1, t.getBytes(StandardCharsets.US_ASCII), DOT, body);
    }

    @Benchmark
    public CallStatus handWrittenReceive() throws IOException {
        if (!handWrittenVerify()) {
            throw new IllegalStateException("forged");
        }
        return HandWrittenJson.STRICT.readValue(body, CallStatus.class);
    }

    /** Concatenates "{t}.{body}" as a String, hex by String.format, String.equals. */
    @Benchmark
    public boolean naiveVerify() {
        String[] parts = request.headers().first("X-Webhook-Signature").split(",");
        String t = parts[0].substring(2);
        String expected = NaiveHmac.hex(SECRET, (t + "." + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        return expected.equals(parts[1].substring(3))
                && Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) <= 300;
    }

    @Benchmark
    public JsonNode naiveReceive() throws IOException {
        if (!naiveVerify()) {
            throw new IllegalStateException("forged");
        }
        return HandWrittenJson.NAIVE.readTree(new String(body, StandardCharsets.UTF_8));
    }

    /**
     * The floor, not a verifier: the HMAC of {@code "{t}.{body}"} alone, with no header read, no
     * hex, no comparison. Its ratio to stripe-java is the most any verifier computing the same HMAC
     * could reach.
     */
    @Benchmark
    public byte[] hmacOnlyVerify() {
        return hand.mac(timestampBytes, DOT, body);
    }

    /**
     * The floor, not a verifier: SHA-256 over exactly the bytes the scheme signs ({@code t}, {@code "."}, the body), nothing else.
     * Ours divided by it is what verification costs above hashing the message once.
     */
    @Benchmark
    public byte[] floorVerify() {
        return Sha256Floor.of(signedParts);
    }

    /** stripe-java's verifier for the same scheme, including the String its API requires. */
    @Benchmark
    public boolean stripeVerify() {
        try {
            return Webhook.Signature.verifyHeader(new String(body, StandardCharsets.UTF_8),
                    request.headers().first("X-Webhook-Signature"), SECRET, 300);
        } catch (SignatureVerificationException e) {
            return false;
        }
    }
}
