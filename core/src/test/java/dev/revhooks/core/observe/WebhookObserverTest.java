package dev.revhooks.core.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WireValue;
import dev.revhooks.core.testing.PingType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookObserverTest {

    @Test
    void noneIsOneSharedInstanceWhoseObservationIsTheSharedNoOp() {
        assertThat(WebhookObserver.none()).isSameAs(WebhookObserver.none());
        assertThat(WebhookObserver.none().start("revont")).isSameAs(DeliveryObservation.none());
        assertThat(WebhookObserver.none().start("revdesk")).isSameAs(DeliveryObservation.none());
        assertThat(WebhookObserver.none()).hasToString("WebhookObserver.none()");
    }

    @Test
    void theNoOpAcceptsEveryCallWithoutThrowing() {
        DeliveryObservation none = DeliveryObservation.none();
        assertThatCode(() -> {
            none.verified(Authentication.hmacSignature("default"), 1);
            none.rejected(FailureReason.SIGNATURE_MISMATCH, 2);
            none.accepted(PingType.PING, 3);
            none.unparseable(4);
            WebhookObserver.none().answered("revont", null, AdapterOutcome.METHOD_NOT_ALLOWED);
            WebhookObserver.none().answered("revont", PingType.UNKNOWN, AdapterOutcome.DUPLICATE);
        }).doesNotThrowAnyException();
    }

    @Test
    void anObserverOverridesOnlyWhatItRecords() {
        List<String> seen = new ArrayList<>();
        WebhookObserver observer = vendor -> new DeliveryObservation() {
            @Override
            public void accepted(WireValue eventType, long parseNanos) {
                seen.add(vendor + ":" + eventType);
            }
        };
        DeliveryObservation observation = observer.start("revring");
        observation.verified(Authentication.none(), 5);
        observation.accepted(PingType.PING, 6);
        observer.answered("revring", PingType.PING, AdapterOutcome.HANDLER_FAILED);
        assertThat(seen).containsExactly("revring:PING");
    }

    @Test
    void adapterOutcomesAreTheDocumentedSix() {
        assertThat(AdapterOutcome.values()).extracting(Enum::name).containsExactly(
                "DUPLICATE", "IN_PROGRESS", "STORE_UNAVAILABLE", "METHOD_NOT_ALLOWED", "BODY_UNREADABLE",
                "HANDLER_FAILED");
    }
}
