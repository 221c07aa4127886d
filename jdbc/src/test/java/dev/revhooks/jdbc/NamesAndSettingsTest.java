package dev.revhooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.DeliveryKey;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamesAndSettingsTest {

    @Test
    void tableNamesArePlainIdentifiersOptionallyQualified() {
        assertThat(TableName.of("revhooks_replay_guard").sql()).isEqualTo("revhooks_replay_guard");
        assertThat(TableName.of("hooks.Guard_2")).isEqualTo(new TableName("hooks", "Guard_2"));
        assertThat(TableName.of("hooks.guard").toString()).isEqualTo("hooks.guard");
        assertThat(TableName.of("_" + "a".repeat(62)).table()).hasSize(63);
        assertThat(TableName.of("t").derived("_expires_idx")).isEqualTo("t_expires_idx");
    }

    @Test
    void refusesEverythingElseNamingTheCheck() {
        String pattern = "table name must match [A-Za-z_][A-Za-z0-9_]* (no quotes, spaces or punctuation)";
        for (String bad : List.of("a;drop table x", "\"quoted\"", "a b", "1abc", "a-b", "t--", "a/*x*/", "é")) {
            assertThatThrownBy(() -> TableName.of(bad)).isInstanceOf(IllegalArgumentException.class).hasMessage(pattern);
        }
        assertThatThrownBy(() -> TableName.of("a.b.c")).isInstanceOf(IllegalArgumentException.class).hasMessage(pattern);
        assertThatThrownBy(() -> TableName.of("x;y.t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schema name must match [A-Za-z_][A-Za-z0-9_]* (no quotes, spaces or punctuation)");
        assertThatThrownBy(() -> TableName.of(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("table name is required");
        assertThatThrownBy(() -> TableName.of("")).isInstanceOf(IllegalArgumentException.class).hasMessage("table name is required");
        assertThatThrownBy(() -> TableName.of(".t")).isInstanceOf(IllegalArgumentException.class).hasMessage("schema name is required");
        assertThatThrownBy(() -> TableName.of("s.")).isInstanceOf(IllegalArgumentException.class).hasMessage("table name is required");
        assertThatThrownBy(() -> TableName.of("a".repeat(64))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table name is longer than 63 characters");
        assertThatThrownBy(() -> TableName.of("a".repeat(60)).derived("_expires_idx")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("derived name name is longer than 63 characters");
    }

    @Test
    void theDdlIsTheMigrationUnderTheChosenName() {
        List<String> ddl = JdbcReplayGuard.ddl(TableName.of("hooks.guard"));
        assertThat(ddl).hasSize(2);
        assertThat(ddl.get(0)).startsWith("CREATE TABLE IF NOT EXISTS hooks.guard (").contains("delivery_key VARCHAR(512) NOT NULL PRIMARY KEY")
                .doesNotContain("revhooks_replay_guard").doesNotContain("--");
        assertThat(ddl.get(1)).isEqualTo("CREATE INDEX IF NOT EXISTS guard_expires_idx ON hooks.guard (expires_at)");
        assertThat(JdbcReplayGuard.ddl(TableName.of("revhooks_replay_guard")).get(1))
                .isEqualTo("CREATE INDEX IF NOT EXISTS revhooks_replay_guard_expires_idx ON revhooks_replay_guard (expires_at)");
    }

    @Test
    void storedKeysFitTheColumnAndHashedOnesNeverEqualPlainOnes() {
        assertThat(StoredKey.of(new DeliveryKey("revont:summary.ready:ab12"))).isEqualTo("revont:summary.ready:ab12");
        String max = "k".repeat(512);
        assertThat(StoredKey.of(new DeliveryKey(max))).isEqualTo(max);
        assertThat(StoredKey.of(new DeliveryKey(max + "k"))).matches("#[0-9a-f]{64}");
        assertThat(StoredKey.of(new DeliveryKey("a\nb"))).matches("#[0-9a-f]{64}");
        String hashed = StoredKey.of(new DeliveryKey("a\nb"));
        assertThat(StoredKey.of(new DeliveryKey(hashed))).as("a key that looks hashed is hashed again").matches("#[0-9a-f]{64}").isNotEqualTo(hashed);
    }

    @Test
    void builderSettingsAreChecked() {
        JdbcReplayGuard.Builder builder = JdbcReplayGuard.builder(new ManualCommitDataSource(null));
        assertThatThrownBy(() -> builder.lease(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lease must be at least 1 millisecond");
        assertThatThrownBy(() -> builder.lease(Duration.ofNanos(999_999))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.lease(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.retention(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retention must be at least 1 millisecond");
        for (Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofMillis(1500), Duration.ofSeconds(3601)}) {
            assertThatThrownBy(() -> builder.statementTimeout(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("statementTimeout must be whole seconds, 1 to 3600");
        }
        builder.statementTimeout(Duration.ofSeconds(1)).statementTimeout(Duration.ofSeconds(3600));
        assertThatThrownBy(() -> builder.table("bad name")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcReplayGuard.builder(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void detectsOnlyPostgresqlAndH2() throws Exception {
        assertThat(SqlDialect.detect(connectionTo("PostgreSQL"))).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.detect(connectionTo("H2"))).isEqualTo(SqlDialect.H2);
        for (String other : new String[] {"MySQL", "H2 compatible", null}) {
            assertThatThrownBy(() -> SqlDialect.detect(connectionTo(other))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("unsupported database product");
        }
    }

    /** Only the product name of the metadata: what detection reads. */
    private static Connection connectionTo(String product) {
        DatabaseMetaData metadata = (DatabaseMetaData) Proxy.newProxyInstance(NamesAndSettingsTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getDatabaseProductName")) {
                        return product;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (Connection) Proxy.newProxyInstance(NamesAndSettingsTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getMetaData")) {
                        return metadata;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
