package dev.revhooks.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuickTheoriesSeedTest {

    private String saved;
    private PrintStream out;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        saved = System.getProperty(QuickTheoriesSeed.PROPERTY);
        out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(out);
        if (saved == null) {
            System.clearProperty(QuickTheoriesSeed.PROPERTY);
        } else {
            System.setProperty(QuickTheoriesSeed.PROPERTY, saved);
        }
    }

    @Test
    void aGivenSeedIsKeptAndPrinted() {
        System.setProperty(QuickTheoriesSeed.PROPERTY, " 4711 ");
        new QuickTheoriesSeed().launcherSessionOpened(null);
        assertThat(System.getProperty(QuickTheoriesSeed.PROPERTY)).isEqualTo("4711");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("QuickTheories seed 4711 (given)", "-DQT_SEED=4711");
    }

    @Test
    void withoutASeedARandomOneIsDrawnSetAndPrinted() {
        System.clearProperty(QuickTheoriesSeed.PROPERTY);
        new QuickTheoriesSeed().launcherSessionOpened(null);
        String seed = System.getProperty(QuickTheoriesSeed.PROPERTY);
        assertThat(Long.parseLong(seed)).isNotNull();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("QuickTheories seed " + seed + " (random)", "-DQT_SEED=" + seed);
    }

    @Test
    void aSeedThatIsNotANumberIsRefusedNamingTheProperty() {
        System.setProperty(QuickTheoriesSeed.PROPERTY, "abc");
        assertThatThrownBy(() -> new QuickTheoriesSeed().launcherSessionOpened(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-DQT_SEED").hasMessageContaining("abc");
    }
}
