package dev.revhooks.revdesk;

import static dev.revhooks.revdesk.Fixtures.CALL_DISPOSITION;
import static dev.revhooks.revdesk.Fixtures.NUMBER_LIFECYCLE;
import static dev.revhooks.revdesk.Fixtures.OUTBOUND_SMS;
import static dev.revhooks.revdesk.Fixtures.SECRET;
import static dev.revhooks.revdesk.Fixtures.SECRET_VALUE;
import static dev.revhooks.revdesk.Fixtures.SIGNER;
import static dev.revhooks.revdesk.Fixtures.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The document's three payload examples, copied byte for byte into test resources. */
class DocumentExamplesTest {

    /** HMAC-SHA256 of number-lifecycle.json keyed with SECRET_VALUE, computed with {@code openssl dgst -sha256 -hmac}. */
    private static final String LIFECYCLE_SIGNATURE = "09e8f9d32415e55318d4d6a5299e6fb226db798135989914796ed97d1689cb2c";

    private static final RevDeskWebhooks SIGNED = RevDeskWebhooks.builder().secret(SECRET).build();
    private static final RevDeskWebhooks UNSIGNED = RevDeskWebhooks.builder().acceptUnauthenticatedUnsignedEvents().build();

    @Test
    void theLifecycleSignatureIsTheLowercaseHexHmacOfTheRawBodyKeyedWithTheSecretsUtf8Bytes() throws Exception {
        // the document's Node.js check, in Java: createHmac("sha256", secret).update(rawBody).digest("hex")
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET_VALUE.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(HexFormat.of().formatHex(mac.doFinal(NUMBER_LIFECYCLE))).isEqualTo(LIFECYCLE_SIGNATURE);
        assertThat(SIGNER.signature(NUMBER_LIFECYCLE)).isEqualTo(LIFECYCLE_SIGNATURE);
    }

    @Test
    void numberLifecycleExampleIsVerifiedAndParsed() throws WebhookException {
        WebhookRequest request = WebhookRequest.of(NUMBER_LIFECYCLE,
                Map.of("X-revdesk-Signature-256", LIFECYCLE_SIGNATURE, "Content-Type", "application/json"));

        VerifiedDelivery<RevDeskEvent> delivery = SIGNED.receive(RevDeskEventType.NUMBER_PURCHASED, request);

        assertThat(delivery.authentication()).isEqualTo(Authentication.hmacSignature("current"));
        assertThat(delivery.rawBody()).isSameAs(NUMBER_LIFECYCLE);
        assertThat(delivery.event()).isInstanceOfSatisfying(RevDeskEvent.NumberPurchased.class, purchased -> {
            LifecycleEnvelope envelope = purchased.envelope();
            assertThat(envelope.triggerEvent().value()).isEqualTo(RevDeskTriggerEvent.NUMBER_PURCHASED);
            assertThat(envelope.triggerEvent().wire()).isEqualTo("number.purchased");
            assertThat(envelope.createdAt()).isEqualTo(Instant.parse("2026-06-30T19:30:00Z"));
            assertThat(envelope.payload()).isEqualTo(new PhoneNumber(4821L, "+15551234567", "555",
                    OpenEnum.of(NumberStatus.ACTIVE), "…"));
        });
        assertThat(delivery.event().type()).isEqualTo(RevDeskEventType.NUMBER_PURCHASED);
        assertThat(delivery.deliveryKey().value())
                .isEqualTo("revdesk:number_purchased:a5fd8897aba997462caa2902718573846d3a6f5c27376192a907c2791eddbd89");
    }

    @Test
    void numberLifecycleExampleAtTheNumberReleasedUrlIsAnEventTypeMismatch() {
        assertRejected(() -> SIGNED.receive(RevDeskEventType.NUMBER_RELEASED, SIGNER.request(NUMBER_LIFECYCLE)),
                FailureReason.EVENT_TYPE_MISMATCH);
    }

    @Test
    void numberLifecycleExampleWithoutItsSignatureIsRejected() {
        assertRejected(() -> SIGNED.receive(RevDeskEventType.NUMBER_PURCHASED,
                RevDeskSigner.unsignedRequest(NUMBER_LIFECYCLE)), FailureReason.MISSING_SIGNATURE);
        assertRejected(() -> SIGNED.receive(RevDeskEventType.NUMBER_PURCHASED,
                RevDeskSigner.withoutSigningSecret().request(NUMBER_LIFECYCLE)), FailureReason.NO_SECRET_CONFIGURED_AT_SENDER);
    }

    @ParameterizedTest
    @EnumSource(value = RevDeskEventType.class, names = {"CALL_NO_ANSWER", "CALL_VOICEMAIL", "CALL_BUSY", "CALL_FAILED"})
    void callDispositionExampleParsesUnderEachDispositionType(RevDeskEventType type) throws WebhookException {
        VerifiedDelivery<RevDeskEvent> delivery = UNSIGNED.receive(type, RevDeskSigner.unsignedRequest(CALL_DISPOSITION));

        assertThat(delivery.authentication()).isEqualTo(Authentication.none());
        assertThat(delivery.event().type()).isEqualTo(type);
        assertThat(delivery.event()).isInstanceOfSatisfying(RevDeskEvent.CallDispositionEvent.class, event -> {
            CallDisposition call = event.call();
            assertThat(call.id()).isEqualTo("call_abc123");
            assertThat(call.fromNumber()).isEqualTo("+15551234567");
            assertThat(call.toNumber()).isEqualTo("+15557654321");
            assertThat(call.direction().value()).isEqualTo(Direction.OUTBOUND);
            assertThat(call.durationSeconds()).isZero();
            assertThat(call.status().value()).isEqualTo(CallStatus.VOICEMAIL);
            assertThat(call.failureCode().value()).isEqualTo(CallFailureCode.VOICEMAIL_REACHED);
            assertThat(call.failureCategory().value()).isEqualTo(CallFailureCategory.VOICEMAIL);
            assertThat(call.disconnectionReason()).isNull();
            assertThat(call.createdAt()).isEqualTo(Instant.parse("2026-06-30T19:30:00Z"));
        });
        assertThat(delivery.deliveryKey().value()).isEqualTo("revdesk:" + type.wireName()
                + ":485f970ddcbe264aa8aaf5c89cfb11a91ff3f54ae865030846ca377fb7aaeebf");
    }

    @ParameterizedTest
    @EnumSource(value = RevDeskEventType.class, names = {"SMS_SENT", "SMS_DELIVERED", "SMS_FAILED"})
    void outboundSmsExampleParsesUnderEachSmsType(RevDeskEventType type) throws WebhookException {
        RevDeskEvent event = UNSIGNED.receive(type, RevDeskSigner.unsignedRequest(OUTBOUND_SMS)).event();

        assertThat(event.type()).isEqualTo(type);
        assertThat(event).isInstanceOfSatisfying(RevDeskEvent.SmsEvent.class, sms -> {
            SmsMessage message = sms.message();
            assertThat(message.id()).isEqualTo("msg_uuid");
            assertThat(message.phoneNumber()).isEqualTo("+15557654321");
            assertThat(message.fromNumber()).isEqualTo("+15551234567");
            assertThat(message.direction().value()).isEqualTo(Direction.OUTBOUND);
            assertThat(message.status().value()).isEqualTo(SmsStatus.DELIVERED);
            assertThat(message.contactToken()).isEqualTo("…");
            assertThat(message.providerId()).isEqualTo("…");
            assertThat(message.errorMessage()).isNull();
            assertThat(message.channel().value()).isEqualTo(MessageChannel.SMS);
            assertThat(message.createdAt()).isEqualTo(Instant.parse("2026-06-30T19:30:00Z"));
        });
    }

    @Test
    void flatExamplesAreRefusedByDefaultBecauseTheyAreUnsigned() {
        assertRejected(() -> SIGNED.receive(RevDeskEventType.CALL_VOICEMAIL, RevDeskSigner.unsignedRequest(CALL_DISPOSITION)),
                FailureReason.UNSIGNED_DELIVERY_NOT_ALLOWED);
        assertRejected(() -> SIGNED.receive(RevDeskEventType.SMS_DELIVERED, RevDeskSigner.unsignedRequest(OUTBOUND_SMS)),
                FailureReason.UNSIGNED_DELIVERY_NOT_ALLOWED);
    }

    @Test
    void theSameCallUnderTwoTypesGetsTwoDeliveryKeys() throws WebhookException {
        WebhookRequest request = RevDeskSigner.unsignedRequest(CALL_DISPOSITION);
        assertThat(UNSIGNED.receive(RevDeskEventType.CALL_VOICEMAIL, request).deliveryKey())
                .isNotEqualTo(UNSIGNED.receive(RevDeskEventType.CALL_COMPLETED, request).deliveryKey());
    }
}
