package dev.revhooks.revdesk;

import static dev.revhooks.core.testing.ByteGen.bytes;
import static dev.revhooks.core.testing.ByteGen.flipBit;
import static dev.revhooks.core.testing.ByteGen.text;
import static dev.revhooks.revdesk.Fixtures.SECRET;
import static dev.revhooks.revdesk.Fixtures.SIGNER;
import static dev.revhooks.revdesk.Fixtures.withSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.guard.PathTokenGuard;
import dev.revhooks.core.guard.SourceAddressGuard;
import dev.revhooks.core.json.WebhookJson;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of verification and parsing, over generated secrets, bodies and headers. */
class RevDeskPropertiesTest {

    private static final RevDeskEventType[] TYPES = Arrays.stream(RevDeskEventType.values())
            .filter(type -> type != RevDeskEventType.UNKNOWN).toArray(RevDeskEventType[]::new);
    private static final Gen<RevDeskEventType> TYPE = integers().between(0, TYPES.length - 1).map(i -> TYPES[i]);
    private static final String HEADER = RevDeskWebhooks.SIGNATURE_HEADER;

    private static final RevDeskWebhooks EVERYTHING = RevDeskWebhooks.builder().secret(SECRET)
            .acceptUnauthenticatedUnsignedEvents().acceptUnauthenticatedNoSecretProvided().build();
    private static final List<RevDeskWebhooks> RECEIVERS = List.of(
            RevDeskWebhooks.builder().secret(SECRET).build(),
            EVERYTHING,
            RevDeskWebhooks.builder().acceptUnauthenticatedUnsignedEvents().acceptUnauthenticatedNoSecretProvided()
                    .requestGuard(PathTokenGuard.queryParameter("token", Secret.of("t0k")))
                    .requestGuard(SourceAddressGuard.allowing(List.of("203.0.113.0/24", "2001:db8::/32"))).build());

    private static FailureReason reasonOf(Throwable thrown) {
        assertThat(thrown).isInstanceOf(WebhookVerificationException.class);
        return ((WebhookVerificationException) thrown).reason();
    }

    @Test
    void signThenReceiveAcceptsAnySecretAndPayload() {
        qt().forAll(text(40), longs().all(), text(20), booleans().all()).checkAssert((secretText, id, phone, purchased) -> {
            Secret secret = Secret.of("s" + secretText + "s");
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("id", id);
            payload.put("phone_number", phone);
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("triggerEvent", purchased ? "number.purchased" : "number.released");
            envelope.put("payload", payload);
            byte[] body = WebhookJson.shared().write(envelope);
            RevDeskEventType type = purchased ? RevDeskEventType.NUMBER_PURCHASED : RevDeskEventType.NUMBER_RELEASED;

            VerifiedDelivery<RevDeskEvent> delivery = receive(RevDeskWebhooks.builder().secret(secret).build(),
                    type, RevDeskSigner.of(secret).request(body));

            assertThat(delivery.authentication()).isEqualTo(Authentication.hmacSignature("secret-1"));
            assertThat(delivery.event().type()).isEqualTo(type);
            PhoneNumber number = ((RevDeskEvent.NumberLifecycleEvent) delivery.event()).envelope().payload();
            assertThat(number.id()).isEqualTo(id);
            assertThat(number.phoneNumber()).isEqualTo(phone);
        });
    }

    @Test
    void signThenVerifyAcceptsAnyBodyBytesOnEveryType() {
        qt().withExamples(200).forAll(bytes(0, 4096), TYPE).checkAssert((body, type) ->
                assertThat(verify(EVERYTHING, type, SIGNER.request(body))).isEqualTo(Authentication.hmacSignature("current")));
    }

    @Test
    void flippingAnyBitOfTheBodyRejects() {
        qt().forAll(bytes(1, 1024).mix(JsonBodies.objects()), integers().allPositive(), TYPE).checkAssert((body, bit, type) -> {
            String signature = SIGNER.signature(body);
            WebhookRequest tampered = withSignature(flipBit(body, bit), signature);
            assertThat(reasonOf(catchThrowable(() -> EVERYTHING.receive(type, tampered))))
                    .isEqualTo(FailureReason.SIGNATURE_MISMATCH);
        });
    }

    @Test
    void flippingAnyBitOfTheSignatureRejects() {
        qt().forAll(bytes(0, 512), integers().between(0, 255), TYPE).checkAssert((body, bit, type) -> {
            byte[] signature = HexFormat.of().parseHex(SIGNER.signature(body));
            WebhookRequest tampered = withSignature(body, HexFormat.of().formatHex(flipBit(signature, bit)));
            assertThat(reasonOf(catchThrowable(() -> EVERYTHING.verify(type, tampered))))
                    .isEqualTo(FailureReason.SIGNATURE_MISMATCH);
        });
    }

    @Test
    void flippingAnyBitOfTheHeaderTextRejectsUnlessOnlyTheHexCaseChanged() {
        qt().forAll(bytes(0, 256), integers().between(0, 64 * 8 - 1)).checkAssert((body, bit) -> {
            String signature = SIGNER.signature(body);
            char[] chars = signature.toCharArray();
            chars[bit / 8] ^= (char) (1 << (bit % 8));
            String flipped = new String(chars);
            Throwable thrown = catchThrowable(() -> EVERYTHING.verify(RevDeskEventType.NUMBER_PURCHASED,
                    withSignature(body, flipped)));
            if (flipped.toLowerCase(Locale.ROOT).equals(signature)) {
                assertThat(thrown).isNull(); // hex case carries no information
            } else {
                assertThat(reasonOf(thrown)).isIn(FailureReason.MALFORMED_SIGNATURE, FailureReason.SIGNATURE_MISMATCH);
            }
        });
    }

    @Test
    void arbitraryRequestsNeverThrowAnythingButTheLibrarysExceptions() {
        Gen<Integer> receiver = integers().between(0, RECEIVERS.size() - 1);
        qt().forAll(arbitraryRequests(), TYPE, receiver).checkAssert((request, type, receiverIndex) -> {
            Throwable thrown = catchThrowable(() -> {
                VerifiedDelivery<RevDeskEvent> delivery = RECEIVERS.get(receiverIndex).receive(type, request);
                assertThat(delivery.event().type()).isIn(type, RevDeskEventType.UNKNOWN);
                assertThat(delivery.deliveryKey().value()).startsWith("revdesk:" + type.wireName() + ":");
            });
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(WebhookException.class);
            }
        });
    }

    /** Requests with arbitrary bodies, signature headers (absent, junk, valid, marker, duplicated), paths and addresses. */
    private static Gen<WebhookRequest> arbitraryRequests() {
        Gen<byte[]> bodies = bytes(0, 300).mix(JsonBodies.objects()).mix(JsonBodies.envelopes());
        Gen<Integer> headerChoice = integers().between(0, 7);
        Gen<String> junk = text(80);
        Gen<String> addresses = text(40).mix(integers().between(0, 2).map(i -> List.of("203.0.113.5", "2001:db8::1", "::1").get(i)));
        return in -> {
            byte[] body = bodies.generate(in);
            String text = junk.generate(in);
            String valid = SIGNER.signature(body);
            WebhookRequest.Builder builder = WebhookRequest.builder(body).remoteAddress(addresses.generate(in))
                    .query(text).path("/hooks/" + text);
            switch (headerChoice.generate(in)) {
                case 1 -> builder.header(HEADER, text);
                case 2 -> builder.header(HEADER, valid);
                case 3 -> builder.header(HEADER, valid.toUpperCase(Locale.ROOT));
                case 4 -> builder.header(HEADER, RevDeskWebhooks.NO_SECRET_PROVIDED);
                case 5 -> builder.header(HEADER, text).header(HEADER.toLowerCase(Locale.ROOT), valid);
                case 6 -> builder.header(HEADER, "sha256=" + valid);
                case 7 -> builder.header(text, text);
                default -> { }
            }
            return builder.build();
        };
    }

    @Test
    void anyAuthenticJsonObjectParsesOrIsAPayloadErrorOrAnAnnouncedMismatch() {
        qt().forAll(JsonBodies.objects().mix(JsonBodies.envelopes()), TYPE, booleans().all()).checkAssert((body, type, signed) -> {
            WebhookRequest request = signed || type.isNumberLifecycle() ? SIGNER.request(body) : RevDeskSigner.unsignedRequest(body);
            RevDeskEventType announced = announcedType(body, type);
            Throwable thrown = catchThrowable(() -> {
                RevDeskEvent event = EVERYTHING.receive(type, request).event();
                assertThat(event.type()).isIn(type, RevDeskEventType.UNKNOWN);
            });
            if (announced != null && announced != type) {
                assertThat(reasonOf(thrown)).isEqualTo(FailureReason.EVENT_TYPE_MISMATCH);
            } else if (thrown != null) {
                assertThat(thrown).isInstanceOfSatisfying(WebhookPayloadException.class,
                        e -> assertThat(e.rawBody()).isSameAs(body));
            }
        });
    }

    /** The type an envelope's triggerEvent maps to, read independently of the library; null when none. */
    private static RevDeskEventType announcedType(byte[] body, RevDeskEventType subscribed) {
        JsonNode root;
        try {
            root = WebhookJson.shared().readObject(body);
        } catch (WebhookPayloadException e) {
            return null;
        }
        boolean envelope = subscribed.isNumberLifecycle() || root.has("triggerEvent") && root.has("payload");
        if (!envelope) {
            return null;
        }
        JsonNode trigger = root.get("triggerEvent");
        if (trigger == null || !trigger.isTextual()) {
            return null;
        }
        switch (trigger.textValue()) {
            case "number.purchased":
                return RevDeskEventType.NUMBER_PURCHASED;
            case "number.released":
                return RevDeskEventType.NUMBER_RELEASED;
            default:
                return null;
        }
    }

    private static VerifiedDelivery<RevDeskEvent> receive(RevDeskWebhooks receiver, RevDeskEventType type, WebhookRequest request) {
        try {
            return receiver.receive(type, request);
        } catch (WebhookException e) {
            throw new AssertionError(e);
        }
    }

    private static Authentication verify(RevDeskWebhooks receiver, RevDeskEventType type, WebhookRequest request) {
        try {
            return receiver.verify(type, request);
        } catch (WebhookVerificationException e) {
            throw new AssertionError(e);
        }
    }
}
