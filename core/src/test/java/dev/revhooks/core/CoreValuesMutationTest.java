package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small value types at their edges: a one-character header limit, and an open enum that is another constant. */
class CoreValuesMutationTest {

    enum Signal implements WireValue {
        GO("go"), STOP("stop"), UNKNOWN(null);

        private final String wire;

        Signal(String wire) {
            this.wire = wire;
        }

        @Override
        public String wireName() {
            return wire;
        }
    }

    @Test
    void aHeaderMayBeLimitedToOneCharacter() throws Exception {
        RequiredHeader header = RequiredHeader.of("X-Flag", FailureReason.MISSING_SIGNATURE).withMaxLength(1);
        assertThat(header.read(WebhookHeaders.ofSingle(Map.of("X-Flag", "1")))).isEqualTo("1");
        assertThatThrownBy(() -> header.read(WebhookHeaders.ofSingle(Map.of("X-Flag", "12"))))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.HEADER_TOO_LARGE));
    }

    @Test
    void isIsTrueOnlyForItsOwnConstant() {
        OpenEnum<Signal> go = OpenEnum.of(Signal.class, "go");
        assertThat(go.is(Signal.GO)).isTrue();
        assertThat(go.is(Signal.STOP)).isFalse();
        assertThat(go.is(Signal.UNKNOWN)).isFalse();
        assertThat(OpenEnum.of(Signal.class, "wait").is(Signal.UNKNOWN)).isTrue();
    }
}
