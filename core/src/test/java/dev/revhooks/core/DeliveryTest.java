package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void defaultKeyIsVendorEventTypeAndBodyDigest() {
        DeliveryKey key = DeliveryKey.of("revont", "call.ended", BODY);
        // sha256 of {"a":1}
        assertThat(key.value()).isEqualTo("revont:call.ended:015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
        assertThat(key).isEqualTo(DeliveryKey.of("revont", "call.ended", BODY.clone()));
        assertThat(key).isNotEqualTo(DeliveryKey.of("revont", "call.started", BODY));
        assertThat(key).isNotEqualTo(DeliveryKey.of("revrag", "call.ended", BODY));
        assertThat(key).isNotEqualTo(DeliveryKey.of("revont", "call.ended", "{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        assertThat(key.toString()).isEqualTo(key.value());
    }

    @Test
    void deliveryKeyIsComputedOnceOnDemand() {
        AtomicInteger calls = new AtomicInteger();
        VerifiedDelivery<String> delivery = new VerifiedDelivery<>("event", Authentication.sharedKey("k"), BODY,
                () -> {
                    calls.incrementAndGet();
                    return new DeliveryKey("x");
                });
        assertThat(calls).hasValue(0);
        assertThat(delivery.deliveryKey().value()).isEqualTo("x");
        assertThat(delivery.deliveryKey().value()).isEqualTo("x");
        assertThat(calls).hasValue(1);
        assertThat(delivery.event()).isEqualTo("event");
        assertThat(delivery.rawBody()).isSameAs(BODY);
        assertThat(delivery.authentication().credentialId()).isEqualTo("k");
    }

    @Test
    void withDefaultKeyUsesTheBodyDigest() {
        VerifiedDelivery<String> delivery = VerifiedDelivery.withDefaultKey("revont", "call.ended", "e",
                Authentication.hmacSignature("current"), BODY);
        assertThat(delivery.deliveryKey()).isEqualTo(DeliveryKey.of("revont", "call.ended", BODY));
        assertThat(delivery.toString()).contains("current").doesNotContain("\"a\"");
    }

    @Test
    void anExchangeIsNeverDeduplicated() {
        VerifiedDelivery<String> exchange = VerifiedDelivery.exchange("e", Authentication.sharedKey("k"), BODY,
                () -> new DeliveryKey("x"));
        assertThat(exchange.isDeduplicable()).isFalse();
        assertThat(exchange.deliveryKey().value()).isEqualTo("x");
        assertThat(VerifiedDelivery.withDefaultKey("v", "t", "e", Authentication.none(), BODY).isDeduplicable()).isTrue();
    }

    @Test
    void authenticationTellsWhetherASecretProvedTheSender() {
        assertThat(Authentication.hmacSignature("a").provenBySecret()).isTrue();
        assertThat(Authentication.sharedKey("a").provenBySecret()).isTrue();
        assertThat(Authentication.requestGuards().provenBySecret()).isFalse();
        assertThat(Authentication.none().provenBySecret()).isFalse();
        assertThat(Authentication.none().credentialId()).isNull();
        assertThat(Authentication.requestGuards().method()).isEqualTo(Authentication.Method.REQUEST_GUARDS);
        assertThatThrownBy(() -> new Authentication(null, null)).isInstanceOf(NullPointerException.class);
    }
}
