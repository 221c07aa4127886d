package dev.revhooks.revrag;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.HttpWhiteSpace;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.signature.HmacSha256Signer;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of RevRag's verify-then-parse path and of its {@code t=…,v1=…} header,
 * with a fixed secret and clock and fuzzer-chosen headers and bodies. Input layouts are in
 * fuzz/README.md.
 */
class RevRagFuzzTest {

    static final String SECRET_VALUE = "revrag-fuzz-secret-71c3";
    static final Secret SECRET = Secret.of("fuzz", SECRET_VALUE);
    static final RevRagSigner SIGNER = RevRagSigner.of(SECRET);
    static final Instant NOW = Instant.parse("2026-05-27T03:06:13Z");
    static final RevRagWebhooks RECEIVER = RevRagWebhooks.builder()
            .secrets(List.of(Secret.of("other", "revrag-other-secret-9e2a"), SECRET))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    /** The default window, 5 minutes each way. */
    static final long WINDOW_SECONDS = 300;

    private static final String SIGNATURE = SignatureHeader.SIGNATURE_HEADER;
    private static final String TIMESTAMP = SignatureHeader.TIMESTAMP_HEADER;
    private static final List<String> NAMES = List.of(SIGNATURE, "x-webhook-signature", TIMESTAMP,
            UnauthenticatedHints.EVENT_HEADER, UnauthenticatedHints.WEBHOOK_ID_HEADER, "Content-Type");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /**
     * Receives a fuzzed body with up to three fuzzed header lines. In half the cases the request is
     * signed with the secret at a fuzzed time up to 400 s from the clock (and no fuzzed line touches
     * the signature or timestamp headers): it must then be accepted or be a payload error inside
     * the 5-minute window, and {@code TIMESTAMP_OUT_OF_TOLERANCE} outside. Nothing is accepted, and
     * no payload error raised, unless the one signature header holds a {@code v1} made with the
     * secret over some {@code t} in the window and the body; {@code X-Webhook-Event} alone decides
     * the event type; messages never show the secret or the expected signature.
     */
    @FuzzTest(maxDuration = "5m")
    void receive(FuzzedDataProvider data) {
        boolean signed = data.consumeBoolean();
        long offset = data.consumeInt(-400, 400);
        int eventChoice = data.consumeInt(0, 2);
        List<String> names = pickNames(data);
        String event = eventChoice == 0 ? "call.ended" : eventChoice == 1 ? null : data.consumeString(20);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            values.add(data.consumeString(120));
        }
        byte[] body = data.consumeRemainingAsBytes();
        WebhookRequest.Builder builder = signed
                ? SIGNER.sign(body, NOW.plusSeconds(offset), event, "evt_fuzz").toBuilder()
                : WebhookRequest.builder(body).header(UnauthenticatedHints.EVENT_HEADER, event);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!signed || !(name.equalsIgnoreCase(SIGNATURE) || name.equalsIgnoreCase(TIMESTAMP))) {
                builder.header(name, values.get(i));
            }
        }
        WebhookRequest request = builder.build();

        try {
            VerifiedDelivery<RevRagEvent> delivery = RECEIVER.receive(request);
            assertCarriesTrueSignature(request);
            assertThat(delivery.authentication()).isEqualTo(Authentication.hmacSignature("fuzz"));
            assertThat(delivery.rawBody()).isSameAs(body);
            List<String> events = request.headers().all(UnauthenticatedHints.EVENT_HEADER);
            boolean callEnded = events.size() == 1 && HttpWhiteSpace.trim(events.get(0)).equals("call.ended");
            assertThat(delivery.event() instanceof RevRagEvent.CallEnded).isEqualTo(callEnded);
            assertUtf8JsonObject(body);
        } catch (WebhookVerificationException e) {
            if (signed) {
                assertThat(Math.abs(offset)).as("a truly signed request was rejected: %s", e.getMessage())
                        .isGreaterThan(WINDOW_SECONDS);
                assertThat(e.reason()).isEqualTo(FailureReason.TIMESTAMP_OUT_OF_TOLERANCE);
            }
            assertThat(e.getMessage()).doesNotContain(SECRET_VALUE)
                    .doesNotContainIgnoringCase(v1(Long.toString(NOW.plusSeconds(offset).getEpochSecond()), body));
        } catch (WebhookPayloadException e) {
            assertCarriesTrueSignature(request);
            assertThat(e.rawBody()).isSameAs(body);
        }
    }

    /**
     * Reads fuzzed {@code X-Webhook-Signature} and {@code X-Webhook-Timestamp} lines; the result
     * must equal a model written from the package documentation's rules, in their order.
     */
    @FuzzTest(maxDuration = "5m")
    void signatureHeader(FuzzedDataProvider data) {
        List<String> names = pickNames(data);
        WebhookHeaders.Builder builder = WebhookHeaders.builder();
        for (String name : names) {
            builder.add(name, data.consumeString(300));
        }
        WebhookHeaders headers = builder.build();
        Object model = model(headers);
        try {
            ReadSignatureHeader header = ReadSignatureHeader.read(headers, SignatureHeader.SIGNATURE, SignatureHeader.TIMESTAMP);
            assertThat(model).as("the model refuses it").isInstanceOf(Parsed.class);
            Parsed parsed = (Parsed) model;
            assertThat(header.signedMessage(new byte[0])[0]).isEqualTo(parsed.t().getBytes(StandardCharsets.US_ASCII));
            assertThat(header.signatures()).hasSameSizeAs(parsed.signatures());
            for (int i = 0; i < parsed.signatures().size(); i++) {
                assertThat(header.signatures().get(i)).isEqualTo(parsed.signatures().get(i));
            }
            try {
                assertThat(header.epochSeconds()).isEqualTo(Long.parseLong(parsed.t()));
            } catch (WebhookVerificationException e) {
                assertThat(e.reason()).isEqualTo(FailureReason.TIMESTAMP_OUT_OF_TOLERANCE);
                assertThat(new BigInteger(parsed.t()).bitLength()).isGreaterThanOrEqualTo(64);
            }
        } catch (WebhookVerificationException e) {
            assertThat(model).as(e.getMessage()).isEqualTo(e.reason());
        }
    }

    /** What the documented rules make of the headers: a {@link FailureReason} or a {@link Parsed}. */
    private static Object model(WebhookHeaders headers) {
        List<String> lines = headers.all(SIGNATURE);
        if (lines.isEmpty()) {
            return FailureReason.MISSING_SIGNATURE;
        }
        if (lines.size() > 1) {
            return FailureReason.MALFORMED_SIGNATURE;
        }
        if (lines.get(0).length() > RequiredHeader.DEFAULT_MAX_LENGTH) {
            return FailureReason.HEADER_TOO_LARGE;
        }
        if (HttpWhiteSpace.firstForbidden(HttpWhiteSpace.trim(lines.get(0))) >= 0) {
            return FailureReason.MALFORMED_SIGNATURE;
        }
        String t = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String raw : HttpWhiteSpace.trim(lines.get(0)).split(",", -1)) {
            String entry = raw.replaceAll("^[ \\t]+|[ \\t]+$", "");
            int eq = entry.indexOf('=');
            if (eq < 0) {
                return FailureReason.MALFORMED_SIGNATURE;
            }
            String value = entry.substring(eq + 1);
            if (entry.startsWith("t=")) {
                if (t != null) {
                    return FailureReason.MALFORMED_SIGNATURE;
                }
                t = value;
            } else if (entry.startsWith("v1=")) {
                if (!HEX64.matcher(value).matches()) {
                    return FailureReason.MALFORMED_SIGNATURE;
                }
                signatures.add(HexFormat.of().parseHex(value.toLowerCase(Locale.ROOT)));
            }
        }
        if (t == null) {
            return FailureReason.MISSING_TIMESTAMP;
        }
        if (!DIGITS.matcher(t).matches()) {
            return FailureReason.MALFORMED_SIGNATURE;
        }
        if (signatures.isEmpty()) {
            return FailureReason.MISSING_SIGNATURE;
        }
        List<String> timestamps = headers.all(TIMESTAMP);
        if (timestamps.size() > 1) {
            return FailureReason.MALFORMED_SIGNATURE;
        }
        if (timestamps.size() == 1 && timestamps.get(0).length() > RequiredHeader.DEFAULT_MAX_LENGTH) {
            return FailureReason.HEADER_TOO_LARGE;
        }
        if (timestamps.size() == 1 && !HttpWhiteSpace.trim(timestamps.get(0)).equals(t)) {
            return FailureReason.MALFORMED_SIGNATURE;
        }
        return new Parsed(t, signatures);
    }

    private record Parsed(String t, List<byte[]> signatures) {
    }

    private static List<String> pickNames(FuzzedDataProvider data) {
        int lines = data.consumeInt(0, 3);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            names.add(data.pickValue(NAMES));
        }
        return names;
    }

    /** The hex {@code v1} a sender with the secret computes for timestamp text {@code t}. */
    private static String v1(String t, byte[] body) {
        return HexFormat.of().formatHex(HmacSha256Signer.sign(SECRET, t.getBytes(StandardCharsets.US_ASCII),
                new byte[] {'.'}, body));
    }

    /**
     * The request has exactly one signature header, holding {@code v1=} with the true signature
     * for one of its digit runs, which lies inside the window.
     */
    private static void assertCarriesTrueSignature(WebhookRequest request) {
        List<String> lines = request.headers().all(SIGNATURE);
        assertThat(lines).as("signature headers").hasSize(1);
        String value = lines.get(0).toLowerCase(Locale.ROOT);
        Matcher digits = DIGITS.matcher(value);
        while (digits.find()) {
            String t = digits.group();
            if (t.length() < 19 && value.contains("v1=" + v1(t, request.body()))) {
                assertThat(Math.abs(Long.parseLong(t) - NOW.getEpochSecond())).as("t").isLessThanOrEqualTo(WINDOW_SECONDS);
                return;
            }
        }
        throw new AssertionError("accepted without a signature made with the secret: " + lines.get(0));
    }

    /** A strict UTF-8 decoder (no byte-order mark) and the first non-blank character, '{'. */
    private static void assertUtf8JsonObject(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            assertThat(text).as("accepted body").matches("(?s)[ \\t\\r\\n]*\\{.*");
        } catch (CharacterCodingException e) {
            throw new AssertionError("accepted a body that is not UTF-8", e);
        }
    }
}
