package dev.revhooks.core.sharedkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.testing.ByteGen;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedKeyVerifierTest {

    private static final String KEY = "rr_live_4f8a2b1c9d3e7f6a";
    private final SharedKeyVerifier verifier = SharedKeyVerifier.of("x-api-key",
            List.of(Secret.of("current", KEY), Secret.of("rr_live_previous")));

    private static WebhookHeaders key(String name, String value) {
        return WebhookHeaders.builder().add(name, value).build();
    }

    @Test
    void acceptsAnyConfiguredKeyInAnyHeaderCase() throws Exception {
        assertThat(verifier.verify(key("X-API-KEY", KEY)).credentialId()).isEqualTo("current");
        assertThat(verifier.verify(key("x-api-key", "rr_live_previous")).credentialId()).isEqualTo("secret-2");
        assertThat(verifier.header().name()).isEqualTo("x-api-key");
    }

    @Test
    void missingEmptyAndWrongKeysHaveDistinctReasons() {
        assertReason(WebhookHeaders.empty(), FailureReason.MISSING_SIGNATURE);
        assertReason(key("x-api-key", ""), FailureReason.MALFORMED_SIGNATURE);
        assertReason(key("x-api-key", "   "), FailureReason.MALFORMED_SIGNATURE);
        assertReason(key("x-api-key", KEY + "x"), FailureReason.SIGNATURE_MISMATCH);
        assertReason(key("x-api-key", KEY.substring(1)), FailureReason.SIGNATURE_MISMATCH);
        assertReason(WebhookHeaders.builder().add("x-api-key", KEY).add("X-Api-Key", KEY).build(),
                FailureReason.MALFORMED_SIGNATURE);
        assertReason(key("x-api-key", "k".repeat(8193)), FailureReason.HEADER_TOO_LARGE);
    }

    @Test
    void messagesAndToStringNeverShowAKey() {
        assertThatThrownBy(() -> verifier.verify(key("x-api-key", "rr_live_guess"))).hasMessageNotContaining("rr_live");
        assertThat(verifier.toString()).doesNotContain("rr_live").contains("current");
    }

    @Test
    void anyKeyDifferingInAnyByteOrLengthIsRejected() {
        qt().forAll(ByteGen.ascii(0, 40), ByteGen.ascii(0, 3)).checkAssert((prefix, suffix) -> {
            String candidate = prefix + suffix;
            if (candidate.strip().equals(KEY) || candidate.strip().equals("rr_live_previous")) {
                return;
            }
            assertThatThrownBy(() -> verifier.verify(key("x-api-key", candidate)))
                    .isInstanceOf(WebhookVerificationException.class);
        });
    }

    @Test
    void requiresAKey() {
        assertThatThrownBy(() -> SharedKeyVerifier.of("x-api-key", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertReason(WebhookHeaders headers, FailureReason reason) {
        assertThatThrownBy(() -> verifier.verify(headers)).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
