package dev.revhooks.revdesk;

import static dev.revhooks.revdesk.Fixtures.NUMBER_LIFECYCLE;
import static dev.revhooks.revdesk.Fixtures.SECRET;
import static dev.revhooks.revdesk.Fixtures.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.testing.Allocations;
import org.junit.jupiter.api.Test;

/**
 * A signed delivery's verification allocates nothing (issue 31): the hex digits are compared in
 * place, the body is MACed without a parts array. Counted per thread, so it holds on a loaded
 * machine and before the JIT runs; the 72 bytes a verification allocated before would fail it.
 */
class VerifyAllocationTest {

    @Test
    void verifyingASignedRequestAllocatesNothing() throws Exception {
        RevDeskWebhooks receiver = RevDeskWebhooks.builder().secret(SECRET).build();
        WebhookRequest request = SIGNER.request(NUMBER_LIFECYCLE);
        RevDeskEventType purchased = RevDeskEventType.NUMBER_PURCHASED;
        assertThat(receiver.verify(purchased, request).credentialId()).isEqualTo("current");
        assertThat(Allocations.perCall(2_000, 10_000, () -> receiver.verify(purchased, request))).isLessThan(1.0);
    }
}
