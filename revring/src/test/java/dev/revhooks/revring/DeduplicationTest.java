package dev.revhooks.revring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A pre-call exchange is answered every time: never de-duplicated, with a key of its own each time. */
class DeduplicationTest {

    private static final Secret KEY = Secret.of("rr_test_key");
    private static final RevRingWebhooks RECEIVER = RevRingWebhooks.builder().apiKey(KEY).build();

    @Test
    void preCallsAreExchangesAndPostCallsAreNot() throws Exception {
        byte[] preCall = ("{\"event\":\"pre_call\",\"agentId\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\","
                + "\"fromNumber\":\"+15551234567\",\"toNumber\":\"+15557654321\",\"dialedAgentId\":null}")
                .getBytes(StandardCharsets.UTF_8);
        VerifiedDelivery<RevRingEvent> first = RECEIVER.receive(RevRingSigner.of(KEY).request(preCall));
        VerifiedDelivery<RevRingEvent> again = RECEIVER.receive(RevRingSigner.of(KEY).request(preCall));
        assertThat(first.isDeduplicable()).isFalse();
        assertThat(first.deliveryKey()).isNotEqualTo(again.deliveryKey());

        byte[] postCall = ("{\"id\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\"direction\":\"INBOUND\",\"status\":\"COMPLETED\","
                + "\"fromNumber\":\"+1\",\"toNumber\":\"+2\",\"organizationId\":\"o\","
                + "\"agentId\":\"3c90c3cc-0d44-4b50-8888-8dd25736052b\"}").getBytes(StandardCharsets.UTF_8);
        VerifiedDelivery<RevRingEvent> record = RECEIVER.receive(RevRingSigner.of(KEY).request(postCall));
        assertThat(record.isDeduplicable()).isTrue();
        assertThat(record.deliveryKey()).isEqualTo(RECEIVER.receive(RevRingSigner.of(KEY).request(postCall)).deliveryKey());
    }
}
