package dev.revhooks.core.sharedkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a shared-key verifier describes itself: the header and every key's id, in order, never a key. */
class SharedKeyVerifierMutationTest {

    @Test
    void toStringListsTheKeyIdsInOrder() {
        SharedKeyVerifier verifier = SharedKeyVerifier.of("x-api-key",
                List.of(Secret.of("current", "rr_live_one"), Secret.of("rr_live_two"), Secret.of("old", "rr_live_three")));
        assertThat(verifier).hasToString("SharedKeyVerifier[header=x-api-key, keys=[current, secret-2, old]]");
    }
}
