package dev.revhooks.revdesk.api;

import static dev.revhooks.revdesk.api.ApiFixtures.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.testing.LocalApiServer;
import dev.revhooks.revdesk.RevDeskEvent;
import dev.revhooks.revdesk.RevDeskEventType;
import dev.revhooks.revdesk.RevDeskSigner;
import dev.revhooks.revdesk.RevDeskWebhooks;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What the Javadoc promises: a subscription made through the API has no signing secret, so its
 * number-lifecycle deliveries carry {@code no-secret-provided} and need the receiver's explicit opt-in.
 */
class RevDeskApiNoSecretTest {

    private static final byte[] NUMBER_PURCHASED = ("{\"triggerEvent\":\"number.purchased\","
            + "\"createdAt\":\"2026-06-30T19:30:00.000Z\",\"payload\":{\"id\":4821,\"phone_number\":\"+15551234567\"}}")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aSubscriptionMadeHereDeliversLifecycleEventsThatOnlyTheOptInAccepts() throws Exception {
        try (LocalApiServer revdesk = LocalApiServer.start()) {
            revdesk.reply(201, "{\"id\":\"whk_lifecycle\"}");
            String id = client(revdesk).build()
                    .subscribe("https://hooks.example.com/revdesk/number_purchased", RevDeskEventType.NUMBER_PURCHASED);
            assertThat(id).isEqualTo("whk_lifecycle");
            assertThat(revdesk.onlyRequest().bodyText()).doesNotContain("secret");
        }
        WebhookRequest delivery = RevDeskSigner.withoutSigningSecret().request(NUMBER_PURCHASED);

        RevDeskWebhooks withSecret = RevDeskWebhooks.builder()
                .subscribedTo(RevDeskEventType.NUMBER_PURCHASED)
                .secret(Secret.of("whsec_configured_elsewhere"))
                .build();
        WebhookVerificationException refused = catchThrowableOfType(WebhookVerificationException.class,
                () -> withSecret.receive(delivery));
        assertThat(refused.reason()).isEqualTo(FailureReason.NO_SECRET_CONFIGURED_AT_SENDER);

        RevDeskWebhooks optedIn = RevDeskWebhooks.builder()
                .subscribedTo(RevDeskEventType.NUMBER_PURCHASED)
                .acceptUnauthenticatedNoSecretProvided()
                .build();
        VerifiedDelivery<RevDeskEvent> accepted = optedIn.receive(delivery);
        assertThat(accepted.event().type()).isEqualTo(RevDeskEventType.NUMBER_PURCHASED);
        assertThat(accepted.authentication()).isEqualTo(Authentication.none());
    }
}
