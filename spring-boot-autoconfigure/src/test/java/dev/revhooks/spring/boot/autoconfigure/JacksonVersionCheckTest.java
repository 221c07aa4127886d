package dev.revhooks.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.Version;
import org.junit.jupiter.api.Test;

class JacksonVersionCheckTest {

    @Test
    void olderJacksonIsWarnedAboutWithTheFix() {
        assertThat(JacksonVersionCheck.warning(new Version(2, 19, 2, null, "com.fasterxml.jackson.core", "jackson-databind")))
                .contains("2.19.2").contains("2.23.0").contains("jackson-bom");
        assertThat(JacksonVersionCheck.warning(new Version(2, 22, 3, null, null, null))).isNotNull();
    }

    @Test
    void theSupportedJacksonAndNewerAreNot() {
        assertThat(JacksonVersionCheck.warning(new Version(2, 23, 0, null, null, null))).isNull();
        assertThat(JacksonVersionCheck.warning(new Version(2, 24, 1, null, null, null))).isNull();
        assertThat(JacksonVersionCheck.warning(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION))
                .as("the build pins the supported Jackson").isNull();
    }
}
