package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequiredHeaderTest {

    private static final RequiredHeader SIGNATURE = RequiredHeader.of("X-Sig", FailureReason.MISSING_SIGNATURE);

    @Test
    void readsTheSingleValueTrimmedInAnyCase() throws Exception {
        assertThat(SIGNATURE.read(WebhookHeaders.builder().add("x-sig", "  abc ").build())).isEqualTo("abc");
        assertThat(SIGNATURE.isPresent(WebhookHeaders.builder().add("X-SIG", "").build())).isTrue();
        assertThat(SIGNATURE.isPresent(WebhookHeaders.empty())).isFalse();
    }

    @Test
    void absentHeaderFailsWithTheGivenReason() {
        assertReason(() -> SIGNATURE.read(WebhookHeaders.empty()), FailureReason.MISSING_SIGNATURE);
        RequiredHeader timestamp = RequiredHeader.of("X-Ts", FailureReason.MISSING_TIMESTAMP);
        assertReason(() -> timestamp.read(WebhookHeaders.empty()), FailureReason.MISSING_TIMESTAMP);
    }

    @Test
    void duplicatedHeaderIsMalformed() {
        WebhookHeaders twice = WebhookHeaders.builder().add("X-Sig", "a").add("x-sig", "a").build();
        assertReason(() -> SIGNATURE.read(twice), FailureReason.MALFORMED_SIGNATURE);
    }

    @Test
    void lengthLimitIsInclusive() throws Exception {
        RequiredHeader shortHeader = SIGNATURE.withMaxLength(4);
        assertThat(shortHeader.read(WebhookHeaders.builder().add("X-Sig", "abcd").build())).isEqualTo("abcd");
        assertReason(() -> shortHeader.read(WebhookHeaders.builder().add("X-Sig", "abcde").build()),
                FailureReason.HEADER_TOO_LARGE);
        assertThat(RequiredHeader.DEFAULT_MAX_LENGTH).isEqualTo(8192);
    }

    @Test
    void anOptionalReadIsNullWhenAbsentAndOtherwiseAsStrictAsARead() throws Exception {
        assertThat(SIGNATURE.readIfPresent(WebhookHeaders.empty())).isNull();
        assertThat(SIGNATURE.readIfPresent(WebhookHeaders.builder().add("x-SIG", " abc\t").build())).isEqualTo("abc");
        assertThat(SIGNATURE.readIfPresent(WebhookHeaders.builder().add("X-Sig", "").build())).isEmpty();
        WebhookHeaders twice = WebhookHeaders.builder().add("X-Sig", "a").add("x-sig", "a").build();
        assertReason(() -> SIGNATURE.readIfPresent(twice), FailureReason.MALFORMED_SIGNATURE);
        assertReason(() -> SIGNATURE.withMaxLength(4).readIfPresent(WebhookHeaders.builder().add("X-Sig", "abcde").build()),
                FailureReason.HEADER_TOO_LARGE);
        assertThat(SIGNATURE.withMaxLength(4).readIfPresent(WebhookHeaders.builder().add("X-Sig", "abcd").build()))
                .isEqualTo("abcd");
    }

    @Test
    void validatesItsDefinition() {
        assertThatThrownBy(() -> SIGNATURE.withMaxLength(0)).isInstanceOf(IllegalArgumentException.class);
    }

    static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, FailureReason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
