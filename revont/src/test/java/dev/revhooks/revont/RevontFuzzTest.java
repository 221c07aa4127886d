package dev.revhooks.revont;

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
import dev.revhooks.core.signature.TimestampTolerance;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of Revont's verify-then-parse path and of its signature header, with a
 * fixed secret and fuzzer-chosen headers and bodies. Input layouts are in fuzz/README.md.
 */
class RevontFuzzTest {

    static final String SECRET_VALUE = "whsec_fuzz-2d4f6a8c0e";
    static final Secret SECRET = Secret.of("fuzz", SECRET_VALUE);
    static final RevontSigner SIGNER = RevontSigner.of(SECRET);
    static final Instant NOW = Instant.parse("2024-09-15T15:00:00Z");

    /** The default receiver, with a second secret so that the matching one must be named. */
    static final RevontWebhooks RECEIVER = RevontWebhooks.builder()
            .secrets(List.of(Secret.of("other", "whsec_other-5b7d9f"), SECRET)).build();
    /** With the opt-in maximum event age: its only extra outcome is TIMESTAMP_OUT_OF_TOLERANCE. */
    static final RevontWebhooks MAXIMUM_AGE = RevontWebhooks.builder().secret(SECRET)
            .tolerance(TimestampTolerance.DEFAULT.withPast(Duration.ofHours(1)))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    private static final String HEADER = RevontWebhooks.SIGNATURE_HEADER;
    private static final List<String> NAMES = List.of(HEADER, "x-revont-signature", "X-REVONT-SIGNATURE",
            "X-Revont-Signature-256", "Content-Type");
    private static final Pattern SIGNATURE_VALUE = Pattern.compile("sha256=[0-9a-fA-F]{64}");

    /**
     * Receives a fuzzed body with up to three fuzzed header lines; in half the cases the body also
     * carries its true signature (and no fuzzed signature line). Only the library's two exceptions
     * may escape. Nothing is accepted, and no payload error raised, unless the request carries
     * exactly one signature header holding the body's true signature; a truly signed request is
     * accepted or is a payload error (or, with the maximum age, too old); an accepted body is a
     * UTF-8 JSON object; messages never show the secret or the expected signature.
     */
    @FuzzTest(maxDuration = "5m")
    void receive(FuzzedDataProvider data) {
        boolean signed = data.consumeBoolean();
        RevontWebhooks receiver = data.consumeBoolean() ? MAXIMUM_AGE : RECEIVER;
        List<String> names = pickNames(data);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            values.add(data.consumeString(100));
        }
        byte[] body = data.consumeRemainingAsBytes();
        WebhookRequest.Builder builder = WebhookRequest.builder(body);
        for (int i = 0; i < names.size(); i++) {
            if (!signed || !names.get(i).equalsIgnoreCase(HEADER)) {
                builder.header(names.get(i), values.get(i));
            }
        }
        if (signed) {
            builder.header(HEADER, SIGNER.signatureHeader(body));
        }
        WebhookRequest request = builder.build();
        String expected = HexFormat.of().formatHex(HmacSha256Signer.sign(SECRET, body));

        try {
            VerifiedDelivery<RevontEvent> delivery = receiver.receive(request);
            assertCarriesTrueSignature(request, expected);
            assertThat(delivery.authentication()).isEqualTo(Authentication.hmacSignature("fuzz"));
            assertThat(delivery.rawBody()).isSameAs(body);
            assertThat(delivery.deliveryKey().value()).startsWith("revont:" + delivery.event().event() + ":");
            assertUtf8JsonObject(body);
        } catch (WebhookVerificationException e) {
            if (signed) {
                assertThat(receiver).as("a truly signed request was rejected: %s", e.getMessage()).isSameAs(MAXIMUM_AGE);
                assertThat(e.reason()).isEqualTo(FailureReason.TIMESTAMP_OUT_OF_TOLERANCE);
            }
            assertThat(e.getMessage()).doesNotContain(SECRET_VALUE).doesNotContainIgnoringCase(expected);
        } catch (WebhookPayloadException e) {
            assertCarriesTrueSignature(request, expected);
            assertThat(e.rawBody()).isSameAs(body);
        }
    }

    /**
     * Reads up to three fuzzed signature header lines; the result must equal the documented rule:
     * absent {@code MISSING_SIGNATURE}, repeated {@code MALFORMED_SIGNATURE}, over 8 KiB
     * {@code HEADER_TOO_LARGE}, otherwise (white space removed) exactly {@code sha256=} and 64 hex
     * digits in either case, decoded to their bytes, or {@code MALFORMED_SIGNATURE}.
     */
    @FuzzTest(maxDuration = "5m")
    void signatureHeader(FuzzedDataProvider data) {
        List<String> names = pickNames(data);
        WebhookHeaders.Builder headers = WebhookHeaders.builder();
        List<String> sent = new ArrayList<>();
        for (String name : names) {
            String value = data.consumeString(200);
            headers.add(name, value);
            if (name.equalsIgnoreCase(HEADER)) {
                sent.add(value);
            }
        }
        try {
            byte[] signature = SignatureHeaderTest.read(headers.build());
            assertThat(sent).hasSize(1);
            String value = HttpWhiteSpace.trim(sent.get(0));
            assertThat(value).matches(SIGNATURE_VALUE);
            assertThat(signature).isEqualTo(HexFormat.of().parseHex(value.substring(7).toLowerCase(Locale.ROOT)));
        } catch (WebhookVerificationException e) {
            FailureReason expected = sent.isEmpty() ? FailureReason.MISSING_SIGNATURE
                    : sent.size() == 1 && sent.get(0).length() > RequiredHeader.DEFAULT_MAX_LENGTH
                    ? FailureReason.HEADER_TOO_LARGE : FailureReason.MALFORMED_SIGNATURE;
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(expected);
            assertThat(sent.size() == 1 && SIGNATURE_VALUE.matcher(HttpWhiteSpace.trim(sent.get(0))).matches()
                    && sent.get(0).length() <= RequiredHeader.DEFAULT_MAX_LENGTH).as("refused a well-formed header").isFalse();
        }
    }

    private static List<String> pickNames(FuzzedDataProvider data) {
        int lines = data.consumeInt(0, 3);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            names.add(data.pickValue(NAMES));
        }
        return names;
    }

    /** The request has exactly one signature header, and it holds the body's true signature. */
    private static void assertCarriesTrueSignature(WebhookRequest request, String expectedHex) {
        List<String> values = request.headers().all(HEADER);
        assertThat(values).as("signature headers").hasSize(1);
        assertThat(HttpWhiteSpace.trim(values.get(0))).as("accepted without the true signature").isEqualToIgnoringCase("sha256=" + expectedHex);
        assertThat(HttpWhiteSpace.trim(values.get(0))).startsWith("sha256=");
    }

    /** A strict UTF-8 decoder (no byte-order mark) and the first non-blank character, '{'. */
    static void assertUtf8JsonObject(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            assertThat(text).as("accepted body").matches("(?s)[ \\t\\r\\n]*\\{.*");
        } catch (CharacterCodingException e) {
            throw new AssertionError("accepted a body that is not UTF-8", e);
        }
    }
}
