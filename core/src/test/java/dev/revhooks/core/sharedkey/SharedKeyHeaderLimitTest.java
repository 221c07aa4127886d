package dev.revhooks.core.sharedkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.HeaderLimit;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookVerificationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedKeyHeaderLimitTest {

    private static final List<Secret> KEYS = List.of(Secret.of("current", "k3y"));

    @Test
    void theHeaderLimitIsTheReceiversAndTheDefaultIsEightKibibytes() throws Exception {
        assertThat(SharedKeyVerifier.of("x-api-key", KEYS).header().maxLength()).isEqualTo(HeaderLimit.DEFAULT.maxChars());
        SharedKeyVerifier limited = SharedKeyVerifier.of("x-api-key", KEYS, HeaderLimit.ofChars(3));
        assertThat(limited.header().maxLength()).isEqualTo(3);
        assertThat(limited.verify(WebhookHeaders.builder().add("x-api-key", "k3y").build()).credentialId()).isEqualTo("current");
        assertThatThrownBy(() -> limited.verify(WebhookHeaders.builder().add("x-api-key", "k3yy").build()))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.HEADER_TOO_LARGE));
        assertThatThrownBy(() -> SharedKeyVerifier.of("x-api-key", KEYS, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("headerLimit");
    }
}
