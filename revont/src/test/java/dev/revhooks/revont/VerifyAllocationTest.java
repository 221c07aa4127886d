package dev.revhooks.revont;

import static dev.revhooks.revont.Fixtures.GUIDE_EXAMPLE;
import static dev.revhooks.revont.Fixtures.SIGNER;
import static dev.revhooks.revont.Fixtures.receiver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.testing.Allocations;
import org.junit.jupiter.api.Test;

/**
 * A verification allocates nothing (issue 31): the hex digits are compared in place, the body is
 * MACed without a parts array. Counted per thread, so it holds on a loaded machine and before the
 * JIT runs; the 72 bytes a verification allocated before would fail it.
 */
class VerifyAllocationTest {

    @Test
    void verifyingASignedRequestAllocatesNothing() throws Exception {
        RevontWebhooks receiver = receiver();
        WebhookRequest request = SIGNER.sign(GUIDE_EXAMPLE);
        assertThat(receiver.verify(request).credentialId()).isNotNull();
        assertThat(Allocations.perCall(2_000, 10_000, () -> receiver.verify(request))).isLessThan(1.0);
    }
}
