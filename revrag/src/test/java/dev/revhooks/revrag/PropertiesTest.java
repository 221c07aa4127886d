package dev.revhooks.revrag;

import static dev.revhooks.core.testing.ByteGen.bytes;
import static dev.revhooks.core.testing.ByteGen.flipBit;
import static dev.revhooks.revrag.Fixtures.CLOCK;
import static dev.revhooks.revrag.Fixtures.EVENT;
import static dev.revhooks.revrag.Fixtures.NOW;
import static dev.revhooks.revrag.Fixtures.RECEIVER;
import static dev.revhooks.revrag.Fixtures.SECRET;
import static dev.revhooks.revrag.Fixtures.SECRET_VALUE;
import static dev.revhooks.revrag.Fixtures.SIGNATURE;
import static dev.revhooks.revrag.Fixtures.SIGNER;
import static dev.revhooks.revrag.Fixtures.TIMESTAMP;
import static dev.revhooks.revrag.Fixtures.WEBHOOK_ID;
import static dev.revhooks.revrag.Fixtures.v1;
import static dev.revhooks.revrag.Fixtures.withHeader;
import static dev.revhooks.revrag.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.testing.ByteGen;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Properties of verification and parsing over generated requests. */
class PropertiesTest {

    private static final long NOW_SECONDS = NOW.getEpochSecond();

    /** The request's outcome: null when accepted, else the library exception; anything else fails the property. */
    private static WebhookException outcome(RevRagWebhooks receiver, WebhookRequest request) {
        try {
            receiver.receive(request);
            return null;
        } catch (WebhookException e) {
            if (e instanceof WebhookVerificationException rejected) {
                assertThat(rejected.reason()).isNotNull();
            }
            assertThat(e.getMessage()).doesNotContain(SECRET_VALUE);
            return e;
        }
    }

    private static void assertRejectedWith(WebhookRequest request, FailureReason reason) {
        Throwable thrown = catchThrowable(() -> RECEIVER.verify(request));
        assertThat(thrown).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }

    @Test
    void signThenVerifyAcceptsAnyKeyBodyAndTimeInTheWindow() {
        qt().forAll(bytes(1, 64), bytes(0, 2048), longs().between(NOW_SECONDS - 300, NOW_SECONDS + 300))
                .checkAssert((key, body, t) -> {
                    Secret secret = Secret.ofBytes("k", key);
                    RevRagWebhooks receiver = RevRagWebhooks.builder().secret(secret).clock(CLOCK).build();
                    WebhookRequest request = RevRagSigner.of(secret).sign(body, Instant.ofEpochSecond(t));
                    try {
                        assertThat(receiver.verify(request).credentialId()).isEqualTo("k");
                        assertThat(receiver.verify(without(request, TIMESTAMP)).credentialId()).isEqualTo("k");
                    } catch (WebhookVerificationException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void flippingAnyBitOfTheBodyRejects() {
        qt().forAll(bytes(1, 1024), integers().allPositive()).checkAssert((body, bit) -> {
            WebhookRequest signed = SIGNER.sign(body, NOW);
            WebhookRequest tampered = WebhookRequest.builder(flipBit(body, bit)).headers(signed.headers()).build();
            assertRejectedWith(tampered, FailureReason.SIGNATURE_MISMATCH);
        });
    }

    @Test
    void flippingAnyBitOfTheSignedTimestampRejects() {
        qt().forAll(longs().between(NOW_SECONDS - 300, NOW_SECONDS + 300), bytes(0, 256), integers().allPositive(),
                booleans().all()).checkAssert((t, body, bit, keepTimestampHeader) -> {
                    String original = Long.toString(t);
                    String tampered = new String(flipBit(original.getBytes(StandardCharsets.US_ASCII), bit),
                            StandardCharsets.ISO_8859_1);
                    WebhookRequest signed = SIGNER.sign(body, Instant.ofEpochSecond(t));
                    WebhookRequest request = withHeader(signed, SIGNATURE, "t=" + tampered + ",v1=" + v1(original, body));
                    if (keepTimestampHeader) {
                        // the untampered X-Webhook-Timestamp now disagrees with t=
                        assertRejectedWith(request, FailureReason.MALFORMED_SIGNATURE);
                    } else {
                        // a trailing space is trimmed off the entry; any other non-digit makes t= unreadable
                        boolean stillDigits = tampered.replaceAll("[ \\t]+$", "").matches("[0-9]+");
                        assertRejectedWith(without(request, TIMESTAMP),
                                stillDigits ? FailureReason.SIGNATURE_MISMATCH : FailureReason.MALFORMED_SIGNATURE);
                    }
                });
    }

    @Test
    void flippingAnyBitOfTheTimestampHeaderOrOfTheSignatureRejects() {
        qt().forAll(bytes(0, 256), integers().allPositive(), booleans().all()).checkAssert((body, bit, timestampHeader) -> {
            WebhookRequest signed = SIGNER.sign(body, NOW);
            String t = Long.toString(NOW_SECONDS);
            if (timestampHeader) {
                String tampered = new String(flipBit(t.getBytes(StandardCharsets.US_ASCII), bit), StandardCharsets.ISO_8859_1);
                assertRejectedWith(withHeader(signed, TIMESTAMP, tampered), FailureReason.MALFORMED_SIGNATURE);
            } else {
                byte[] signature = HexFormat.of().parseHex(v1(t, body));
                String tampered = HexFormat.of().formatHex(flipBit(signature, bit));
                assertRejectedWith(withHeader(signed, SIGNATURE, "t=" + t + ",v1=" + tampered),
                        FailureReason.SIGNATURE_MISMATCH);
            }
        });
    }

    @Test
    void arbitraryHeadersAndBodiesNeverThrowAnythingButTheLibrarysExceptions() {
        qt().forAll(ByteGen.text(120), ByteGen.text(30), ByteGen.text(30), bytes(0, 512))
                .checkAssert((signature, timestamp, event, body) -> {
                    WebhookRequest request = WebhookRequest.builder(body)
                            .header(SIGNATURE, signature).header(TIMESTAMP, timestamp)
                            .header(EVENT, event).header(WEBHOOK_ID, event).build();
                    assertThat(outcome(RECEIVER, request)).isInstanceOf(WebhookVerificationException.class);
                    outcome(RECEIVER, without(request, TIMESTAMP));
                });
    }

    @Test
    void signatureHeadersMadeOfTheirOwnPiecesNeverThrowAnythingButTheLibrarysExceptions() {
        byte[] body = Fixtures.exampleBody();
        String t = Long.toString(NOW_SECONDS);
        qt().forAll(RevRagGen.signatureHeaderSoup(t, v1(t, body)), booleans().all()).checkAssert((signature, keep) -> {
            WebhookRequest request = withHeader(SIGNER.sign(body, NOW), SIGNATURE, signature);
            WebhookException result = outcome(RECEIVER, keep ? request : without(request, TIMESTAMP));
            // null: the soup happened to rebuild a valid header (e.g. "v1=…,t=…"), which is accepted
            assertThat(result == null || result instanceof WebhookVerificationException)
                    .as("outcome %s for %s", result, signature).isTrue();
        });
    }

    @Test
    void anyAuthenticBodyEitherParsesOrIsAPayloadError() {
        qt().forAll(bytes(0, 512), booleans().all()).checkAssert((body, callEnded) -> {
            WebhookRequest request = SIGNER.sign(body, NOW, callEnded ? "call.ended" : "call.started", "evt");
            WebhookException result = outcome(RECEIVER, request);
            assertThat(result).isNotInstanceOf(WebhookVerificationException.class);
        });
    }

    @Test
    void anyAuthenticJsonObjectEitherParsesOrIsAPayloadError() {
        qt().withExamples(300).forAll(RevRagGen.callStatusLikeObjects()).checkAssert(object -> {
            byte[] body = WebhookJson.shared().write(object);
            WebhookException asCallEnded = outcome(RECEIVER, SIGNER.sign(body, NOW));
            if (asCallEnded != null) {
                assertThat(asCallEnded).isInstanceOfSatisfying(WebhookPayloadException.class,
                        e -> assertThat(e.rawBody()).isSameAs(body));
            }
            // as an undocumented event, any JSON object is kept
            assertThat(outcome(RECEIVER, SIGNER.sign(body, NOW, "call.started", null))).isNull();
        });
    }

    @Test
    void anyCallStatusWrittenSignedAndReceivedReadsBackEqual() {
        qt().withExamples(300).forAll(RevRagGen.callStatuses()).checkAssert(call -> {
            byte[] body = WebhookJson.shared().write(call);
            try {
                RevRagEvent event = RECEIVER.receive(SIGNER.sign(body, NOW)).event();
                assertThat(event).isEqualTo(new RevRagEvent.CallEnded(call, event.hints()));
            } catch (WebhookException e) {
                throw new AssertionError(new String(body, StandardCharsets.UTF_8), e);
            }
        });
    }
}
