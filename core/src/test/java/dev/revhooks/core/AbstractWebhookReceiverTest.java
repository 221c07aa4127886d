package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.testing.PingType;
import dev.revhooks.core.testing.RecordingObserver;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbstractWebhookReceiverTest {

    /** A vendor receiver in miniature: the body limit, then a fixed authentication, then the body as the event. */
    static final class Echo extends AbstractWebhookReceiver<String> {
        private final ReceivePath<Void, String> path;

        Echo(ReceiverSettings settings) {
            super("echo", settings);
            this.path = receivePath((none, request) -> verify(request), (none, request, authentication) ->
                    VerifiedDelivery.withDefaultKey("echo", "text", parse(request), authentication, request.body()),
                    event -> PingType.PING);
        }

        @Override
        public Authentication verify(WebhookRequest request) throws WebhookVerificationException {
            assertThat(limitedBody(request)).isSameAs(request.body());
            return Authentication.none();
        }

        @Override
        public String parse(WebhookRequest verifiedRequest) {
            return new String(verifiedRequest.body(), StandardCharsets.UTF_8);
        }

        @Override
        public VerifiedDelivery<String> receive(WebhookRequest request)
                throws WebhookVerificationException, WebhookPayloadException {
            return path.receive(null, request);
        }

        ReceiverSettings shared() {
            return settings();
        }
    }

    private static WebhookRequest request(String body) {
        return WebhookRequest.of(body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void answersTheSharedAccessorsFromItsSettings() {
        RecordingObserver observer = new RecordingObserver();
        ReceiverSettings settings = new ReceiverSettings(java.util.List.of(), java.time.Clock.systemUTC(),
                BodyLimit.ofBytes(5), HeaderLimit.ofChars(7), dev.revhooks.core.json.WebhookJson.shared(), observer);
        Echo echo = new Echo(settings);
        assertThat(echo.vendor()).isEqualTo("echo");
        assertThat(echo.bodyLimit()).isEqualTo(BodyLimit.ofBytes(5));
        assertThat(echo.headerLimit()).isEqualTo(HeaderLimit.ofChars(7));
        assertThat(echo.observer()).isSameAs(observer);
        assertThat(echo.shared()).isSameAs(settings);
        assertThatThrownBy(() -> new Echo(null)).isInstanceOf(NullPointerException.class).hasMessage("settings");
    }

    @Test
    void theBodyLimitIsTheFirstCheckAndThePathReportsToTheObserver() throws Exception {
        RecordingObserver observer = new RecordingObserver();
        Echo echo = new Echo(new ReceiverSettings(java.util.List.of(),
                java.time.Clock.systemUTC(), BodyLimit.ofBytes(5), HeaderLimit.DEFAULT,
                dev.revhooks.core.json.WebhookJson.shared(), observer));
        assertThat(echo.receive(request("12345")).event()).isEqualTo("12345");
        assertThatThrownBy(() -> echo.receive(request("123456"))).isInstanceOfSatisfying(
                WebhookVerificationException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.PAYLOAD_TOO_LARGE));
        assertThat(observer.lines()).containsExactly("start echo", "verified NONE null", "accepted PING",
                "start echo", "rejected PAYLOAD_TOO_LARGE");
        assertThat(observer.violations()).isEmpty();
    }
}
