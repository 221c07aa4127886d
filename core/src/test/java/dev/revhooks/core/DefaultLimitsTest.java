package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The request limits at their documented defaults, exactly at the limit and one past it: the body
 * (8 MiB, checked whole and while reading a stream) and a header value (8 KiB).
 */
class DefaultLimitsTest {

    private static final int EIGHT_MIB = 8 * 1024 * 1024;

    @Test
    void theDefaultBodyLimitAcceptsEightMebibytesAndRefusesOneByteMore() throws Exception {
        BodyLimit.DEFAULT.check(new byte[EIGHT_MIB]);
        assertTooLarge(() -> BodyLimit.DEFAULT.check(new byte[EIGHT_MIB + 1]));
    }

    @Test
    void readingAStreamOfExactlyTheDefaultLimitReturnsEveryByte() throws Exception {
        FixedStream exact = new FixedStream(EIGHT_MIB, 1000);
        byte[] body = BodyLimit.DEFAULT.read(exact);
        assertThat(body).hasSize(EIGHT_MIB);
        assertThat(body[0]).isEqualTo((byte) 'a');
        assertThat(body[EIGHT_MIB - 1]).isEqualTo((byte) 'a');
        assertThat(exact.delivered).isEqualTo(EIGHT_MIB);
    }

    @Test
    void readingAStreamOneBytePastTheDefaultLimitStopsAtThatByte() {
        FixedStream oneMore = new FixedStream(Long.MAX_VALUE, 1000);
        assertTooLarge(() -> BodyLimit.DEFAULT.read(oneMore)).hasMessageContaining(EIGHT_MIB + " bytes");
        assertThat(oneMore.delivered).as("bytes read").isEqualTo(EIGHT_MIB + 1L);
    }

    @Test
    void aStreamOfExactlyASmallLimitIsReadWholeEvenInOneByteReads() throws Exception {
        BodyLimit limit = BodyLimit.ofBytes(3);
        assertThat(limit.read(new FixedStream(3, 1))).isEqualTo(new byte[] {'a', 'a', 'a'});
        FixedStream oneMore = new FixedStream(4, 1);
        assertTooLarge(() -> limit.read(oneMore));
        assertThat(oneMore.delivered).isEqualTo(4);
        assertThat(BodyLimit.ofBytes(1).read(new FixedStream(0, 1))).isEmpty();
    }

    @Test
    void theDefaultHeaderLimitAcceptsEightKibibytesAndRefusesOneCharacterMore() throws Exception {
        RequiredHeader header = RequiredHeader.of("X-Sig", FailureReason.MISSING_SIGNATURE);
        char[] value = new char[RequiredHeader.DEFAULT_MAX_LENGTH];
        Arrays.fill(value, 'f');
        String atLimit = new String(value);
        assertThat(header.read(WebhookHeaders.builder().add("X-Sig", atLimit).build())).isEqualTo(atLimit);
        assertThatThrownBy(() -> header.read(WebhookHeaders.builder().add("X-Sig", atLimit + "f").build()))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.HEADER_TOO_LARGE))
                .hasMessageContaining("X-Sig header is longer than 8192 characters");
    }

    @Test
    void theHeaderLimitCountsTheValueAsSentBeforeWhiteSpaceIsRemoved() throws Exception {
        RequiredHeader header = RequiredHeader.of("X-Sig", FailureReason.MISSING_SIGNATURE).withMaxLength(5);
        assertThat(header.read(WebhookHeaders.builder().add("X-Sig", " abc ").build())).isEqualTo("abc");
        assertThatThrownBy(() -> header.read(WebhookHeaders.builder().add("X-Sig", " abc  ").build()))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.HEADER_TOO_LARGE));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertTooLarge(ThrowingCallable call) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(FailureReason.PAYLOAD_TOO_LARGE));
    }

    /** A stream of {@code length} bytes 'a', at most {@code chunk} per read, counting what it delivered. */
    private static final class FixedStream extends InputStream {
        private final long length;
        private final int chunk;
        long delivered;

        FixedStream(long length, int chunk) {
            this.length = length;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            if (delivered >= length) {
                return -1;
            }
            delivered++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (delivered >= length) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, chunk), length - delivered);
            Arrays.fill(b, off, off + n, (byte) 'a');
            delivered += n;
            return n;
        }
    }
}
