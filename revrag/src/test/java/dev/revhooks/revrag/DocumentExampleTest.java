package dev.revhooks.revrag;

import static dev.revhooks.revrag.Fixtures.exampleBody;
import static dev.revhooks.revrag.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The vendor document's examples, copied byte for byte into the test resources. */
class DocumentExampleTest {

    /** The timestamp of RevRag's "Webhook Security" page example ({@code t=1698064496,v1=abc123...}). */
    private static final String T = "1698064496";
    private static final Secret SECRET = Secret.of("revrag-example-secret");
    /**
     * Computed independently of this library:
     * {@code { printf '%s.' 1698064496; cat call-ended-example.json; } | openssl dgst -sha256 -hmac 'revrag-example-secret'}.
     */
    private static final String OPENSSL_V1 = "1280f4baf47793a39c0090a993a2fe1a91882336fe8753029fdbe646a0dfb16c";

    private final RevRagWebhooks receiver = RevRagWebhooks.builder()
            .secret(SECRET)
            .clock(Clock.fixed(Instant.ofEpochSecond(Long.parseLong(T)), ZoneOffset.UTC))
            .build();

    @Test
    void theExampleBodySignedAsDocumentedVerifiesAndParses() throws Exception {
        byte[] body = exampleBody();
        WebhookRequest request = WebhookRequest.of(body, Map.of(
                "Content-Type", "application/json",
                "X-Webhook-Event", "call.ended",
                "X-Webhook-ID", "evt_01HC3Q0MZQABR3...",
                "X-Webhook-Timestamp", T,
                "X-Webhook-Signature", "t=" + T + ",v1=" + OPENSSL_V1));

        VerifiedDelivery<RevRagEvent> delivery = receiver.receive(request);

        assertThat(delivery.authentication()).isEqualTo(Authentication.hmacSignature("secret-1"));
        assertThat(delivery.rawBody()).isSameAs(body);
        assertThat(delivery.event().type()).isEqualTo(RevRagEventType.CALL_ENDED);
        assertThat(delivery.event().hints()).isEqualTo(new UnauthenticatedHints("evt_01HC3Q0MZQABR3...", "call.ended"));
        assertThat(delivery.deliveryKey().value()).startsWith("revrag:signed-body:").hasSize("revrag:signed-body:".length() + 64);
        assertDocumentedValues(((RevRagEvent.CallEnded) delivery.event()).call());
    }

    @Test
    void theSignerProducesTheSameSignatureAsOpenssl() {
        String header = RevRagSigner.of(SECRET).signatureHeader(exampleBody(), Instant.ofEpochSecond(Long.parseLong(T)));
        assertThat(header).isEqualTo("t=" + T + ",v1=" + OPENSSL_V1);
    }

    @Test
    void theSignerFollowsTheDocumentedHeaderFormat() {
        String table = new String(resource("security-headers-table.txt"), StandardCharsets.UTF_8);
        String template = table.lines().filter(line -> line.startsWith("X-Webhook-Signature"))
                .findFirst().orElseThrow().substring("X-Webhook-Signature".length());
        assertThat(template).isEqualTo("t=<timestamp>,v1=<hmac_sha256_hex>");
        Pattern format = Pattern.compile(Pattern.quote(template)
                .replace("<timestamp>", "\\E[0-9]+\\Q")
                .replace("<hmac_sha256_hex>", "\\E[0-9a-f]{64}\\Q"));

        WebhookRequest request = RevRagSigner.of(SECRET).sign(exampleBody(), Instant.ofEpochSecond(Long.parseLong(T)));

        assertThat(request.headers().first("X-Webhook-Signature")).matches(format);
        assertThat(table).contains("X-Webhook-EventEvent type (call.ended)");
        assertThat(request.headers().first("X-Webhook-Event")).isEqualTo("call.ended");
        assertThat(request.headers().first("X-Webhook-Timestamp")).isEqualTo(T);
        assertThat(request.headers().first("X-Webhook-ID")).startsWith("evt_");
    }

    static void assertDocumentedValues(CallStatus call) {
        assertThat(call.callStatus().value()).isEqualTo(CallState.ENDED);
        assertThat(call.callStatus().wire()).isEqualTo("ENDED");
        assertThat(call.callId()).isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        assertThat(call.agentId()).isEqualTo(UUID.fromString("33333333-3333-3333-3333-333333333333"));
        assertThat(call.summary())
                .isEqualTo("User asked about their loan eligibility and was guided to the application.");
        assertThat(call.startTime()).isEqualTo(Instant.parse("2026-05-27T03:05:00Z"));
        assertThat(call.endTime()).isEqualTo(Instant.parse("2026-05-27T03:06:12Z"));
        assertThat(call.duration()).isEqualTo(new BigDecimal("72"));
        assertThat(call.disconnectionReason()).isEqualTo("user_hangup");
        assertThat(call.recordingUrl()).isEqualTo("https://.../recording.mp3");
        assertThat(call.transcription().messages()).containsExactly(
                new TranscriptMessage(OpenEnum.of(TranscriptRole.ASSISTANT), "Hi! How can I help you today?"),
                new TranscriptMessage(OpenEnum.of(TranscriptRole.USER), "What documents do I need for a loan?"));
        assertThat(call.customVariables()).hasSize(1);
        CustomVariable variable = call.customVariables().get(0);
        assertThat(variable.key()).isEqualTo("interested_in_loan");
        assertThat(variable.type()).isEqualTo("boolean");
        assertThat(variable.booleanValue()).contains(true);
        assertThat(variable.numberValue()).isEmpty();
        assertThat(variable.textValue()).isEmpty();
        assertThat(call.variablesFields().get("plan").textValue()).isEqualTo("gold");
        assertThat(call.variablesFields().size()).isEqualTo(1);
        assertThat(call.appUserId()).isEqualTo("user_12345");
    }
}
