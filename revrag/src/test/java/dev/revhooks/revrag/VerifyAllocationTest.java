package dev.revhooks.revrag;

import static dev.revhooks.revrag.Fixtures.CLOCK;
import static dev.revhooks.revrag.Fixtures.NOW;
import static dev.revhooks.revrag.Fixtures.SECRET;
import static dev.revhooks.revrag.Fixtures.SIGNATURE;
import static dev.revhooks.revrag.Fixtures.exampleBody;
import static dev.revhooks.revrag.Fixtures.signed;
import static dev.revhooks.revrag.Fixtures.v1;
import static dev.revhooks.revrag.Fixtures.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.testing.Allocations;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checking the signature header and the HMAC allocates nothing (issue 31): the header is read in
 * place (no parsed object, no list, no substring for {@code t}), the {@code v1} digits are compared
 * where they are, and {@code t}, {@code "."} and the body are MACed without a parts array. Counted
 * per thread, so it holds on a loaded machine and before the JIT runs; the 264 bytes a verification
 * allocated before would fail it.
 *
 * <p>The timestamp window is left out here: its {@code Instant}s (the signed time and the clock's
 * now) are removed only by the JIT's escape analysis once compiled (JMH shows 0 B per verification
 * with it), so counting them would depend on when the JIT runs.
 */
class VerifyAllocationTest {

    @Test
    void verifyingSeveralCandidatesWithSeveralSecretsAllocatesNothing() throws Exception {
        RevRagWebhooks receiver = RevRagWebhooks.builder()
                .secrets(List.of(Secret.of("next", "revrag-next-secret"), SECRET))
                .clock(CLOCK).dangerouslyDisableTimestampCheck().build();
        byte[] body = exampleBody();
        String t = Long.toString(NOW.getEpochSecond());
        WebhookRequest request = withHeader(signed(body), SIGNATURE,
                "t=" + t + ", v1=" + v1(Secret.of("stranger"), t, body) + " ,v1=" + v1(t, body));
        assertThat(receiver.verify(request).credentialId()).isEqualTo("current");
        assertThat(Allocations.perCall(2_000, 10_000, () -> receiver.verify(request))).isLessThan(1.0);
    }
}
