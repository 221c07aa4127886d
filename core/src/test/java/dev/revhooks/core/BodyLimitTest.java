package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BodyLimitTest {

    @Test
    void defaultIsEightMebibytes() {
        assertThat(BodyLimit.DEFAULT.maxBytes()).isEqualTo(8 * 1024 * 1024);
    }

    @Test
    void acceptsABodyAtTheLimitAndRejectsOneByteMore() throws Exception {
        BodyLimit limit = BodyLimit.ofBytes(10);
        limit.check(new byte[10]);
        assertThatThrownBy(() -> limit.check(new byte[11]))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.PAYLOAD_TOO_LARGE))
                .hasMessageContaining("10 bytes");
    }

    @Test
    void readsAStreamUpToTheLimit() throws Exception {
        byte[] body = new byte[20_000];
        body[19_999] = 7;
        assertThat(BodyLimit.ofBytes(20_000).read(new ByteArrayInputStream(body))).isEqualTo(body);
        assertThat(BodyLimit.ofBytes(20_000).read(new ByteArrayInputStream(new byte[0]))).isEmpty();
    }

    @Test
    void stopsReadingOneBytePastTheLimit() {
        CountingEndlessStream endless = new CountingEndlessStream();
        assertThatThrownBy(() -> BodyLimit.ofBytes(100_000).read(endless))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.PAYLOAD_TOO_LARGE));
        assertThat(endless.delivered).isEqualTo(100_001);
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThatThrownBy(() -> BodyLimit.ofBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** An unbounded body, as a client streaming forever would send. */
    private static final class CountingEndlessStream extends InputStream {
        long delivered;

        @Override
        public int read() {
            delivered++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            delivered += len;
            return len;
        }
    }
}
