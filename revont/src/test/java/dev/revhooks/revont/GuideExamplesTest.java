package dev.revhooks.revont;

import static dev.revhooks.revont.Fixtures.EXAMPLE_SECRET_VALUE;
import static dev.revhooks.revont.Fixtures.GUIDE_EXAMPLE;
import static dev.revhooks.revont.Fixtures.SIGNER;
import static dev.revhooks.revont.Fixtures.assertRejected;
import static dev.revhooks.revont.Fixtures.receiver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.json.WebhookJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Hex;
import org.junit.jupiter.api.Test;

/** The vendor documents' examples, byte for byte: the guide's payload signed with the API document's secret. */
class GuideExamplesTest {

    /**
     * Computed with the guide's reference code, {@code hmac.new(secret.encode(), payload,
     * hashlib.sha256).hexdigest()}, over the example file's 314 bytes and the example secret.
     */
    private static final String GUIDE_SIGNATURE = "sha256=be50b48a338f68219569ca12a7a045ba232a3b985dc08d65908b593c46685bd4";

    private final RevontWebhooks revont = receiver();

    @Test
    void theResourcesAreTheDocumentsExamples() {
        assertThat(EXAMPLE_SECRET_VALUE).isEqualTo("whsec_4f8a2b1c9d3e7f6a0b5c8d2e1f4a7b3c");
        assertThat(GUIDE_EXAMPLE).hasSize(314);
        assertThat(new String(GUIDE_EXAMPLE, StandardCharsets.UTF_8)).startsWith("{\n  \"event\": \"summary.ready\",");
    }

    @Test
    void theSignerMatchesTheGuidesReferenceCode() {
        assertThat(SIGNER.signatureHeader(GUIDE_EXAMPLE)).isEqualTo(GUIDE_SIGNATURE);
    }

    @Test
    void theKeyIsTheWholeSecretsUtf8BytesPrefixIncluded() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec_4f8a2b1c9d3e7f6a0b5c8d2e1f4a7b3c".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat("sha256=" + Hex.encodeHexString(mac.doFinal(GUIDE_EXAMPLE))).isEqualTo(GUIDE_SIGNATURE);
    }

    @Test
    void theGuideExampleSignedWithTheExampleSecretParsesToSummaryReadyWithEveryField() throws Exception {
        VerifiedDelivery<RevontEvent> delivery = revont.receive(
                WebhookRequest.of(GUIDE_EXAMPLE, Map.of("X-Revont-Signature", GUIDE_SIGNATURE)));

        assertThat(delivery.authentication()).isEqualTo(Authentication.hmacSignature("secret-1"));
        assertThat(delivery.rawBody()).isSameAs(GUIDE_EXAMPLE);
        RevontEvent event = delivery.event();
        assertThat(event.type()).isEqualTo(RevontEventType.SUMMARY_READY);
        assertThat(event.event()).isEqualTo("summary.ready");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-09-15T14:32:00Z"));
        assertThat(event).isInstanceOf(RevontEvent.SummaryReady.class);
        SummaryReadyData data = ((RevontEvent.SummaryReady) event).data();
        assertThat(data).isEqualTo(new SummaryReadyData("call_abc123", "user_xyz789", "jane@acmecorp.com", 2847L,
                "https://app.revont.ai/calls/call_abc123/summary", 82));
    }

    @Test
    void theDeliveryKeyIsCoresDefaultAndTheSameForARetry() throws Exception {
        VerifiedDelivery<RevontEvent> first = revont.receive(SIGNER.sign(GUIDE_EXAMPLE));
        VerifiedDelivery<RevontEvent> retry = revont.receive(SIGNER.sign(GUIDE_EXAMPLE.clone()));
        assertThat(first.deliveryKey()).isEqualTo(DeliveryKey.of("revont", "summary.ready", GUIDE_EXAMPLE))
                .isEqualTo(retry.deliveryKey());
        assertThat(first.deliveryKey().value()).startsWith("revont:summary.ready:");
    }

    @Test
    void aKeyWithoutThePrefixOrBase64DecodedDoesNotVerify() {
        String withoutPrefix = "4f8a2b1c9d3e7f6a0b5c8d2e1f4a7b3c";
        byte[] decoded = Base64.getDecoder().decode(withoutPrefix);
        for (Secret wrongKey : new Secret[] {Secret.of(withoutPrefix), Secret.ofBytes(null, decoded)}) {
            WebhookRequest request = RevontSigner.of(wrongKey).sign(GUIDE_EXAMPLE);
            assertRejected(() -> revont.verify(request), FailureReason.SIGNATURE_MISMATCH);
        }
    }

    @Test
    void theSignatureCoversTheRawBytesNotTheJson() throws Exception {
        // The same JSON, re-serialised compactly or without the final line break, is another body.
        byte[] compact = WebhookJson.shared().write(WebhookJson.shared().readObject(GUIDE_EXAMPLE));
        byte[] withoutFinalNewline = Arrays.copyOf(GUIDE_EXAMPLE, GUIDE_EXAMPLE.length - 1);
        for (byte[] sameJson : new byte[][] {compact, withoutFinalNewline}) {
            WebhookRequest request = WebhookRequest.of(sameJson, Map.of("X-Revont-Signature", GUIDE_SIGNATURE));
            assertRejected(() -> revont.receive(request), FailureReason.SIGNATURE_MISMATCH);
        }
        assertThat(revont.verify(SIGNER.sign(GUIDE_EXAMPLE)).credentialId()).isEqualTo("secret-1"); // control
    }
}
