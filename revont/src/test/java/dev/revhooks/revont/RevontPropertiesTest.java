package dev.revhooks.revont;

import static dev.revhooks.core.testing.ByteGen.ascii;
import static dev.revhooks.core.testing.ByteGen.bytes;
import static dev.revhooks.core.testing.ByteGen.flipBit;
import static dev.revhooks.core.testing.ByteGen.text;
import static dev.revhooks.revont.Fixtures.EXAMPLE_SECRET;
import static dev.revhooks.revont.Fixtures.GUIDE_EXAMPLE;
import static dev.revhooks.revont.Fixtures.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.signature.TimestampTolerance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.codec.DecoderException;
import org.apache.commons.codec.binary.Hex;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of the whole receiver, on arbitrary secrets, bodies, headers and JSON. */
class RevontPropertiesTest {

    private static final String HEADER = "X-Revont-Signature";

    /** A receiver with every option on, so that every step can be reached. */
    private static final RevontWebhooks STRICT = RevontWebhooks.builder()
            .secret(EXAMPLE_SECRET)
            .tolerance(TimestampTolerance.DEFAULT.withPast(Duration.ofDays(400)))
            .clock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC))
            .build();

    private static final RevontWebhooks DEFAULT = Fixtures.receiver();

    /** Secret values as a user might paste them: no surrounding white space. */
    private static Gen<String> secretValues() {
        return ascii(1, 64).assuming(s -> s.strip().equals(s));
    }

    @Test
    void signThenVerifyAcceptsAnySecretAndBody() {
        qt().forAll(secretValues(), bytes(0, 2048)).checkAssert((value, body) -> {
            Secret secret = Secret.of("k", value);
            RevontWebhooks receiver = RevontWebhooks.builder().secret(secret).build();
            assertThat(verifies(receiver, RevontSigner.of(secret).sign(body))).isTrue();
        });
    }

    @Test
    void flippingAnyBitOfTheBodyRejects() {
        qt().forAll(bytes(1, 1024), integers().allPositive()).checkAssert((body, bit) -> {
            String header = SIGNER.signatureHeader(body);
            WebhookRequest tampered = WebhookRequest.builder(flipBit(body, bit)).header(HEADER, header).build();
            assertThatThrownBy(() -> DEFAULT.verify(tampered)).isInstanceOfSatisfying(WebhookVerificationException.class,
                    e -> assertThat(e.reason()).isEqualTo(FailureReason.SIGNATURE_MISMATCH));
        });
    }

    @Test
    void flippingAnyBitOfTheGuideExampleRejects() {
        qt().withExamples(200).forAll(integers().between(0, GUIDE_EXAMPLE.length * 8 - 1)).checkAssert(bit -> {
            WebhookRequest tampered = WebhookRequest.builder(flipBit(GUIDE_EXAMPLE, bit))
                    .header(HEADER, SIGNER.signatureHeader(GUIDE_EXAMPLE)).build();
            assertThatThrownBy(() -> DEFAULT.receive(tampered)).isInstanceOfSatisfying(WebhookVerificationException.class,
                    e -> assertThat(e.reason()).isEqualTo(FailureReason.SIGNATURE_MISMATCH));
        });
    }

    @Test
    void flippingAnyBitOfTheSignatureRejects() {
        qt().forAll(bytes(0, 512), integers().between(0, 255)).checkAssert((body, bit) -> {
            byte[] signature = decodedSignature(SIGNER.signatureHeader(body));
            String tampered = "sha256=" + Hex.encodeHexString(flipBit(signature, bit));
            WebhookRequest request = WebhookRequest.builder(body).header(HEADER, tampered).build();
            assertThatThrownBy(() -> DEFAULT.verify(request)).isInstanceOfSatisfying(WebhookVerificationException.class,
                    e -> assertThat(e.reason()).isEqualTo(FailureReason.SIGNATURE_MISMATCH));
        });
    }

    /**
     * Any one-bit change of the header text rejects, except one that only changes the case of a hex
     * letter (the documented decision: hex digits are compared as bytes, in either case).
     */
    @Test
    void flippingAnyBitOfTheHeaderTextRejectsUnlessOnlyAHexLettersCaseChanged() {
        qt().forAll(bytes(0, 256), integers().between(0, 71 * 8 - 1)).checkAssert((body, bit) -> {
            String header = SIGNER.signatureHeader(body);
            char[] chars = header.toCharArray();
            chars[bit / 8] ^= (char) (1 << (bit % 8));
            String tampered = new String(chars);
            boolean sameSignature = tampered.startsWith("sha256=")
                    && tampered.substring(7).toLowerCase(Locale.ROOT).equals(header.substring(7));
            WebhookRequest request = WebhookRequest.builder(body).header(HEADER, tampered).build();
            assertThat(verifies(DEFAULT, request)).as("%s -> %s", header, tampered).isEqualTo(sameSignature);
        });
    }

    @Test
    void arbitraryHeadersAndBodiesOnlyEverRaiseTheLibrarysExceptions() {
        Gen<String> names = Generate.pick(List.of(HEADER, "x-revont-signature", "X-REVONT-SIGNATURE", "Content-Type", "X-Other"));
        Gen<String> values = Generate.oneOf(text(90), ascii(0, 90).map(s -> "sha256=" + s),
                Generate.constant("sha256=" + "a".repeat(64)));
        qt().forAll(lists().of(names).ofSizeBetween(0, 3), lists().of(values).ofSize(3), bytes(0, 512))
                .checkAssert((headerNames, headerValues, body) -> {
                    WebhookRequest.Builder builder = WebhookRequest.builder(body);
                    for (int i = 0; i < headerNames.size(); i++) {
                        builder.header(headerNames.get(i), headerValues.get(i));
                    }
                    WebhookRequest request = builder.build();
                    receiveAllowingOnly(STRICT, request, WebhookException.class);
                    receiveAllowingOnly(DEFAULT, request, WebhookException.class);
                });
    }

    @Test
    void arbitrarySignedBodiesEitherParseOrRaiseAPayloadError() {
        qt().forAll(bytes(0, 1024)).checkAssert(body -> receiveAllowingOnly(DEFAULT, SIGNER.sign(body),
                WebhookPayloadException.class));
    }

    @Test
    void anyJsonObjectWithAValidSignatureEitherParsesOrRaisesAPayloadError() {
        Map<RevontEventType, Integer> parsed = new EnumMap<>(RevontEventType.class);
        int[] payloadErrors = {0};
        qt().withExamples(2000).forAll(EnvelopeGen.bodies()).checkAssert(body -> {
            WebhookRequest request = SIGNER.sign(body);
            try {
                RevontEvent event = DEFAULT.receive(request).event();
                String sentName = WebhookJson.shared().readObject(body).get("event").textValue();
                assertThat(event.event()).isEqualTo(sentName);
                assertThat(event.type().wireName()).isIn(sentName, null);
                parsed.merge(event.type(), 1, Integer::sum);
            } catch (WebhookPayloadException e) {
                assertThat(e.rawBody()).isSameAs(body);
                assertThat(e.getMessage()).isNotBlank();
                payloadErrors[0]++;
            } catch (WebhookException e) {
                throw new AssertionError("an authentic JSON object was rejected: " + e.getMessage(), e);
            }
            // With a maximum age configured the only extra outcome is the age check.
            try {
                STRICT.receive(request);
            } catch (WebhookVerificationException e) {
                assertThat(e.reason()).isEqualTo(FailureReason.TIMESTAMP_OUT_OF_TOLERANCE);
            } catch (WebhookPayloadException e) {
                assertThat(e.rawBody()).isSameAs(body);
            } catch (WebhookException e) {
                throw new AssertionError(e);
            }
        });
        // The generator reaches every event type and the payload errors, so the property is not vacuous.
        assertThat(parsed).containsOnlyKeys(RevontEventType.values());
        assertThat(payloadErrors[0]).isPositive();
    }

    private static boolean verifies(RevontWebhooks receiver, WebhookRequest request) {
        try {
            receiver.verify(request);
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        }
    }

    private static byte[] decodedSignature(String header) {
        try {
            return Hex.decodeHex(header.substring("sha256=".length()));
        } catch (DecoderException e) {
            throw new AssertionError(e);
        }
    }

    /** Receives, failing the property on any exception that is not an {@code allowed}. */
    private static void receiveAllowingOnly(RevontWebhooks receiver, WebhookRequest request,
                                            Class<? extends WebhookException> allowed) {
        try {
            receiver.receive(request);
        } catch (WebhookException e) {
            assertThat(e).isInstanceOf(allowed);
            if (e instanceof WebhookPayloadException payload) {
                assertThat(payload.rawBody()).isSameAs(request.body());
            }
        }
    }
}
