package dev.revhooks.revont.api;

import static dev.revhooks.revont.api.ApiFixtures.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.testing.LocalApiServer;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontEventType;
import dev.revhooks.revont.RevontSigner;
import dev.revhooks.revont.RevontWebhooks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registration and verification from one library: the secret returned by create verifies Revont's deliveries. */
class RevontApiEndToEndTest {

    /** What the local "Revont" holds: the endpoint's secret, which only it and the create answer know. */
    private static final String SECRET_AT_REVONT = "whsec_e2e0c1d2e3f4a5b6c7d8e9f0a1b2c3d4";

    @Test
    void theSecretReturnedByCreateVerifiesADeliverySignedByRevont() throws Exception {
        try (LocalApiServer revont = LocalApiServer.start()) {
            revont.reply(201, "{\"id\":\"wh_e2e\",\"url\":\"https://hooks.example.com/revont\","
                    + "\"events\":[\"summary.ready\"],\"created_at\":\"2026-01-05T09:00:00Z\",\"status\":\"active\","
                    + "\"secret\":\"" + SECRET_AT_REVONT + "\"}");
            RevontApi api = client(revont).build();

            CreatedWebhookEndpoint created = api.create("https://hooks.example.com/revont",
                    List.of(RevontEventType.SUMMARY_READY), "end-to-end");
            RevontWebhooks receiver = RevontWebhooks.builder().secret(created.secret()).build();

            byte[] body = ("{\"event\":\"summary.ready\",\"timestamp\":\"2026-01-05T09:05:00Z\","
                    + "\"data\":{\"call_id\":\"call_1\",\"coaching_score\":87}}").getBytes(StandardCharsets.UTF_8);
            RevontSigner revontsSigner = RevontSigner.of(Secret.of(SECRET_AT_REVONT));
            VerifiedDelivery<RevontEvent> delivery = receiver.receive(revontsSigner.sign(body));

            assertThat(delivery.event()).isInstanceOfSatisfying(RevontEvent.SummaryReady.class,
                    ready -> assertThat(ready.data().callId()).isEqualTo("call_1"));
            assertThat(delivery.authentication()).isEqualTo(Authentication.hmacSignature("wh_e2e"));

            RevontSigner forger = RevontSigner.of(Secret.of("whsec_someone_else"));
            WebhookVerificationException forged = catchThrowableOfType(WebhookVerificationException.class,
                    () -> receiver.receive(forger.sign(body)));
            assertThat(forged.reason()).isEqualTo(FailureReason.SIGNATURE_MISMATCH);
        }
    }
}
