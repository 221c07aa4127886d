package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.revhooks.core.testing.CountingStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
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
    void readsAStreamOfUnknownLengthThroughEveryGrowthStep() throws Exception {
        for (int size : new int[] {0, 1, 1023, 1024, 1025, 2047, 2048, 2049, 4096, 8191, 8192, 8193, 16_384, 16_385, 65_536,
            100_000}) {
            byte[] body = new byte[size];
            for (int i = 0; i < size; i++) {
                body[i] = (byte) (i * 31 + 7);
            }
            assertThat(BodyLimit.ofBytes(100_000).read(new CountingStream(body, 1000))).as("size %d", size).isEqualTo(body);
            assertThat(BodyLimit.ofBytes(100_000).read(new ByteArrayInputStream(body), -1)).as("size %d", size).isEqualTo(body);
        }
    }

    @Test
    void aStreamOfUnknownLengthReadsBackExactlyOrIsRefusedPastTheLimit() {
        qt().forAll(integers().between(0, 70_000), integers().between(1, 9_000), integers().between(1, 70_000))
                .checkAssert((size, perRead, max) -> {
                    byte[] body = new byte[size];
                    for (int i = 0; i < size; i++) {
                        body[i] = (byte) (i * 131 + size);
                    }
                    CountingStream stream = new CountingStream(body, perRead);
                    if (size <= max) {
                        assertThat(unchecked(() -> BodyLimit.ofBytes(max).read(stream))).isEqualTo(body);
                    } else {
                        assertThatThrownBy(() -> BodyLimit.ofBytes(max).read(stream))
                                .isInstanceOfSatisfying(WebhookVerificationException.class,
                                        e -> assertThat(e.reason()).isEqualTo(FailureReason.PAYLOAD_TOO_LARGE));
                        assertThat(stream.delivered()).isEqualTo(max + 1);
                    }
                });
    }

    @Test
    void aStreamOfUnknownLengthCostsAboutTwiceItsSizeAndABodyFillingTheFirstPieceNoCopy() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int size : new int[] {1024, 65_536, 65_537, 100_000}) {
            byte[] body = new byte[size];
            BodyLimit limit = BodyLimit.ofBytes(1 << 20);
            CountingStream stream = new CountingStream(body, 4096);
            long before = threads.getCurrentThreadAllocatedBytes();
            byte[] read = limit.read(stream);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(read).hasSize(size);
            // pieces of at most twice the body (they double), and the joined copy; a doubling buffer trimmed at the end
            // allocates four to five times the body
            assertThat(allocated).as("bytes allocated to read %d", size).isLessThanOrEqualTo(size == 1024 ? 1024 + 512 : 3L * size + 1024);
        }
    }

    private interface Reading {
        byte[] read() throws Exception;
    }

    private static byte[] unchecked(Reading reading) {
        try {
            return reading.read();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBodyOfUnknownLengthExactlyAtASmallLimitIsReadAndOneMoreByteIsRefused() throws Exception {
        assertThat(BodyLimit.ofBytes(5).read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5}))).containsExactly(1, 2, 3, 4, 5);
        assertThat(BodyLimit.ofBytes(1).read(new ByteArrayInputStream(new byte[] {9}))).containsExactly(9);
        assertThatThrownBy(() -> BodyLimit.ofBytes(5).read(new ByteArrayInputStream(new byte[6])))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.PAYLOAD_TOO_LARGE))
                .hasMessageContaining("limit is 5 bytes");
    }

    @Test
    void aDeclaredLengthIsReadIntoOneArrayOfThatSizeAndNotPastIt() throws Exception {
        byte[] stream = new byte[30_000];
        stream[19_999] = 7;
        stream[20_000] = 8;
        CountingStream in = new CountingStream(stream, 3000);
        byte[] body = BodyLimit.ofBytes(20_000).read(in, 20_000);
        assertThat(body).hasSize(20_000).isEqualTo(java.util.Arrays.copyOf(stream, 20_000));
        assertThat(in.delivered()).isEqualTo(20_000);
        assertThat(BodyLimit.ofBytes(10).read(new ByteArrayInputStream(new byte[0]), 0)).isEmpty();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedUnread() {
        CountingStream in = new CountingStream(new byte[11], 100);
        assertThatThrownBy(() -> BodyLimit.ofBytes(10).read(in, 11))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.PAYLOAD_TOO_LARGE))
                .hasMessageContaining("Content-Length is over the limit of 10 bytes");
        assertThat(in.delivered()).isZero();
        assertThatThrownBy(() -> BodyLimit.ofBytes(10).read(in, Long.MAX_VALUE)).isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aStreamShorterThanItsDeclaredLengthIsAnEofException() {
        assertThatThrownBy(() -> BodyLimit.ofBytes(100).read(new CountingStream(new byte[40], 7), 50))
                .isInstanceOf(EOFException.class)
                .hasMessage("the body ended after 40 of the 50 bytes declared");
    }

    @Test
    void aDeclaredLengthOfZeroReadsNothing() throws Exception {
        CountingStream in = new CountingStream(new byte[5], 5);
        assertThat(BodyLimit.ofBytes(10).read(in, 0)).isEmpty();
        assertThat(in.delivered()).isZero();
    }

    @Test
    void aStreamThatYieldsNothingEndsTheBodyInsteadOfSpinning() throws Exception {
        // read(byte[], int, int) must block for at least one byte; a stream that answers 0 is broken
        InputStream stalls = new InputStream() {
            private int left = 3;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return 0;
                }
                b[off] = 'a';
                left--;
                return 1;
            }
        };
        assertThat(BodyLimit.ofBytes(100).read(stalls)).containsExactly('a', 'a', 'a');
        assertThatThrownBy(() -> BodyLimit.ofBytes(100).read(new InputStream() {
            @Override
            public int read() {
                return -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return 0;
            }
        }, 10)).isInstanceOf(EOFException.class).hasMessage("the body ended after 0 of the 10 bytes declared");
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
