package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenEnumTest {

    enum Direction implements WireValue {
        INBOUND("INBOUND"), OUTBOUND("outbound"), UNKNOWN(null);

        private final String wireName;

        Direction(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    enum NoUnknown implements WireValue {
        A;

        @Override
        public String wireName() {
            return "a";
        }
    }

    @Test
    void documentedValuesMapToTheirConstant() {
        OpenEnum<Direction> inbound = OpenEnum.of(Direction.class, "INBOUND");
        assertThat(inbound.value()).isEqualTo(Direction.INBOUND);
        assertThat(inbound.wire()).isEqualTo("INBOUND");
        assertThat(inbound.isKnown()).isTrue();
        assertThat(inbound.is(Direction.INBOUND)).isTrue();
        assertThat(OpenEnum.of(Direction.class, "outbound").value()).isEqualTo(Direction.OUTBOUND);
    }

    @Test
    void anyOtherValueIsUnknownAndKeptAsSent() {
        OpenEnum<Direction> sideways = OpenEnum.of(Direction.class, "SIDEWAYS");
        assertThat(sideways.value()).isEqualTo(Direction.UNKNOWN);
        assertThat(sideways.wire()).isEqualTo("SIDEWAYS");
        assertThat(sideways.isKnown()).isFalse();
        assertThat(sideways.toString()).isEqualTo("SIDEWAYS");
        // matching is exact: another case is another value
        assertThat(OpenEnum.of(Direction.class, "inbound").value()).isEqualTo(Direction.UNKNOWN);
        assertThat(OpenEnum.of(Direction.class, "").value()).isEqualTo(Direction.UNKNOWN);
    }

    @Test
    void fromAConstant() {
        assertThat(OpenEnum.of(Direction.OUTBOUND)).isEqualTo(OpenEnum.of(Direction.class, "outbound"));
        assertThatThrownBy(() -> OpenEnum.of(Direction.UNKNOWN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEnumWithoutUnknownIsAProgrammingError() {
        assertThatThrownBy(() -> OpenEnum.of(NoUnknown.class, "b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UNKNOWN");
        assertThat(OpenEnum.of(NoUnknown.class, "a").value()).isEqualTo(NoUnknown.A);
    }
}
