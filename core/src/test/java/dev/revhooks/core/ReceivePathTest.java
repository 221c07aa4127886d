package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.observe.DeliveryObservation;
import dev.revhooks.core.observe.WebhookObserver;
import dev.revhooks.core.testing.PingType;
import dev.revhooks.core.testing.RecordingObserver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceivePathTest {

    private static final WebhookRequest REQUEST = WebhookRequest.of("{}".getBytes(StandardCharsets.UTF_8), Map.of());
    private static final Authentication AUTH = Authentication.hmacSignature("current");

    private static ReceivePath<String, PingType> path(WebhookObserver observer) {
        return new ReceivePath<>("test", observer, (context, request) -> {
            switch (context) {
                case "reject" -> throw new WebhookVerificationException(FailureReason.SIGNATURE_MISMATCH, "no");
                case "verify-bug" -> throw new IllegalStateException("bug while verifying");
                case "verify-error" -> throw new StackOverflowError();
                default -> {
                    return AUTH;
                }
            }
        }, (context, request, authentication) -> {
            switch (context) {
                case "late-reject" -> throw new WebhookVerificationException(FailureReason.EVENT_TYPE_MISMATCH, "other");
                case "payload" -> throw new WebhookPayloadException("bad body", request.body(), null);
                case "parse-bug" -> throw new IllegalArgumentException("bug while parsing");
                default -> {
                    return VerifiedDelivery.withDefaultKey("test", "ping", PingType.PING, authentication, request.body());
                }
            }
        }, kind -> kind);
    }

    private static RecordingObserver run(String context) {
        RecordingObserver observer = new RecordingObserver();
        try {
            path(observer).receive(context, REQUEST);
        } catch (WebhookException | RuntimeException | Error ignored) {
            // the outcome is asserted through the observer
        }
        assertThat(observer.violations()).isEmpty();
        return observer;
    }

    @Test
    void everyPathEndsTheObservationExactlyOnce() {
        assertThat(run("ok").lines()).containsExactly("start test", "verified HMAC_SIGNATURE current", "accepted PING");
        assertThat(run("reject").lines()).containsExactly("start test", "rejected SIGNATURE_MISMATCH");
        assertThat(run("late-reject").lines())
                .containsExactly("start test", "verified HMAC_SIGNATURE current", "rejected EVENT_TYPE_MISMATCH");
        assertThat(run("payload").lines()).containsExactly("start test", "verified HMAC_SIGNATURE current", "unparseable");
        assertThat(run("parse-bug").lines()).containsExactly("start test", "verified HMAC_SIGNATURE current", "unparseable");
        assertThat(run("verify-bug").lines()).containsExactly("start test", "unparseable");
        assertThat(run("verify-error").lines()).containsExactly("start test", "unparseable");
    }

    @Test
    void exceptionsPassThroughUnchangedAndAPayloadErrorCarriesTheAuthentication() {
        for (WebhookObserver observer : new WebhookObserver[] {WebhookObserver.none(), new RecordingObserver()}) {
            ReceivePath<String, PingType> path = path(observer);
            assertThatThrownBy(() -> path.receive("reject", REQUEST)).isInstanceOfSatisfying(
                    WebhookVerificationException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.SIGNATURE_MISMATCH));
            assertThatThrownBy(() -> path.receive("late-reject", REQUEST)).isInstanceOfSatisfying(
                    WebhookVerificationException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.EVENT_TYPE_MISMATCH));
            assertThatThrownBy(() -> path.receive("payload", REQUEST)).isInstanceOfSatisfying(
                    WebhookPayloadException.class, e -> assertThat(e.authentication()).contains(AUTH));
            assertThatThrownBy(() -> path.receive("parse-bug", REQUEST)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> path.receive("verify-bug", REQUEST)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> path.receive("verify-error", REQUEST)).isInstanceOf(StackOverflowError.class);
        }
    }

    @Test
    void aThrowingOrNullReturningObserverChangesNothing() throws Exception {
        WebhookObserver nullStart = vendor -> null;
        WebhookObserver throwing = RecordingObserver.throwing();
        for (WebhookObserver observer : new WebhookObserver[] {nullStart, throwing, throwing}) {
            ReceivePath<String, PingType> path = path(observer);
            assertThat(path.receive("ok", REQUEST).event()).isEqualTo(PingType.PING);
            assertThat(path.receive("ok", REQUEST).authentication()).isEqualTo(AUTH);
            assertThatThrownBy(() -> path.receive("reject", REQUEST)).isInstanceOf(WebhookVerificationException.class);
            assertThatThrownBy(() -> path.receive("payload", REQUEST)).isInstanceOfSatisfying(
                    WebhookPayloadException.class, e -> assertThat(e.authentication()).contains(AUTH));
            assertThatThrownBy(() -> path.receive("parse-bug", REQUEST)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theNoOpObserverIsNeverCalled() throws Exception {
        WebhookObserver none = WebhookObserver.none();
        assertThat(path(none).receive("ok", REQUEST).event()).isEqualTo(PingType.PING);
        DeliveryObservation observation = none.start("test");
        assertThat(observation).isSameAs(DeliveryObservation.none());
    }

    @Test
    void everyReportedDurationLiesWithinTheCallOnEveryPath() {
        for (String context : new String[] {"ok", "reject", "late-reject", "payload", "parse-bug", "verify-bug"}) {
            List<Long> nanos = new ArrayList<>();
            WebhookObserver timing = vendor -> new DeliveryObservation() {
                @Override
                public void verified(Authentication authentication, long verifyNanos) {
                    nanos.add(verifyNanos);
                }

                @Override
                public void rejected(FailureReason reason, long verifyNanos) {
                    nanos.add(verifyNanos);
                }

                @Override
                public void accepted(WireValue eventType, long parseNanos) {
                    nanos.add(parseNanos);
                }

                @Override
                public void unparseable(long parseNanos) {
                    nanos.add(parseNanos);
                }
            };
            long before = System.nanoTime();
            try {
                path(timing).receive(context, REQUEST);
            } catch (WebhookException | RuntimeException ignored) {
                // the durations are what this test checks
            }
            long elapsed = System.nanoTime() - before;
            assertThat(nanos).as(context).isNotEmpty().allSatisfy(n -> assertThat(n).isBetween(0L, elapsed));
        }
    }

    @Test
    void theConstructorRefusesMissingParts() {
        assertThatThrownBy(() -> new ReceivePath<String, PingType>(null, WebhookObserver.none(), (c, r) -> AUTH,
                (c, r, a) -> null, k -> k)).isInstanceOf(NullPointerException.class).hasMessage("vendor");
        assertThatThrownBy(() -> new ReceivePath<String, PingType>("v", null, (c, r) -> AUTH, (c, r, a) -> null, k -> k))
                .isInstanceOf(NullPointerException.class).hasMessage("observer");
        assertThatThrownBy(() -> new ReceivePath<String, PingType>("v", WebhookObserver.none(), null, (c, r, a) -> null,
                k -> k)).isInstanceOf(NullPointerException.class).hasMessage("verify");
        assertThatThrownBy(() -> new ReceivePath<String, PingType>("v", WebhookObserver.none(), (c, r) -> AUTH, null,
                k -> k)).isInstanceOf(NullPointerException.class).hasMessage("parse");
        assertThatThrownBy(() -> new ReceivePath<String, PingType>("v", WebhookObserver.none(), (c, r) -> AUTH,
                (c, r, a) -> null, null)).isInstanceOf(NullPointerException.class).hasMessage("eventType");
    }
}
