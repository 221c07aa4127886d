package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretTest {

    @Test
    void toStringNeverShowsTheValue() {
        Secret named = Secret.of("current", "whsec_supersecretvalue");
        Secret unnamed = Secret.of("whsec_supersecretvalue");
        assertThat(named.toString()).doesNotContain("supersecret").contains("current").contains("redacted");
        assertThat(unnamed.toString()).doesNotContain("supersecret").contains("redacted");
    }

    @Test
    void bytesAreTheUtf8OfTheValueAndACopy() {
        Secret secret = Secret.of("whsec_é");
        byte[] bytes = secret.bytes();
        assertThat(bytes).isEqualTo("whsec_é".getBytes(StandardCharsets.UTF_8));
        bytes[0] = 'X';
        assertThat(secret.bytes()[0]).isEqualTo((byte) 'w');
    }

    @Test
    void idsFallBackToPosition() {
        assertThat(Secret.of("a").idAt(0)).isEqualTo("secret-1");
        assertThat(Secret.of("a").idAt(2)).isEqualTo("secret-3");
        assertThat(Secret.of("old", "a").idAt(2)).isEqualTo("old");
        assertThat(Secret.of("a").id()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {" whsec_x", "whsec_x ", "whsec_x\n", "\twhsec_x", "whsec_x\r\n"})
    void refusesSurroundingWhiteSpaceWithoutShowingTheValue(String value) {
        assertThatThrownBy(() -> Secret.of(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("white space")
                .hasMessageNotContaining("whsec_x");
    }

    @Test
    void refusesEmptyAndNull() {
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Secret.of((String) null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> Secret.ofBytes(null, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Secret.of(" ", "x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> Secret.ofBytes(" ", new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rawKeyBytesAreKeptAsGiven() {
        byte[] key = {0x0b, 0x0b, (byte) 0xaa};
        Secret secret = Secret.ofBytes("raw", key);
        key[0] = 0;
        assertThat(secret.bytes()).containsExactly(0x0b, 0x0b, 0xaa);
        assertThat(secret.toString()).contains("raw").contains("redacted");
    }

    @Test
    void innerWhiteSpaceIsPartOfTheSecret() {
        assertThat(Secret.of("a b").bytes()).isEqualTo("a b".getBytes(StandardCharsets.UTF_8));
    }
}
