package dev.revhooks.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ReplayGuard.ClaimResult;
import dev.revhooks.jdbc.JdbcReplayGuard;
import dev.revhooks.redis.RedisReplayGuard;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Claim + complete per delivery on a real store, ours against the bare statements a hand-written
 * guard would run over the same pool or connection: PostgreSQL (embedded, its default
 * {@code fsync=off}, through HikariCP with 8 connections) and Redis (a local {@code redis-server}
 * without persistence, one Lettuce connection), each on 1 and 8 threads. Every delivery has a new
 * key, as in production.
 *
 * <p>Bare PostgreSQL: one {@code INSERT ... ON CONFLICT DO NOTHING} then one {@code UPDATE}
 * marking the row processed, without token check. Bare Redis: one {@code SET NX PX} then one
 * plain {@code SET PX}. {@code bareSplit*} runs the same two PostgreSQL statements on two pool
 * checkouts, one for the claim and one for the completion, as any guard must (it cannot hold a
 * connection across the app's handler); on Redis it is the bare pair again.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ReplayStoreBench {

    private static final AtomicLong KEYS = new AtomicLong();

    @Param({"postgresql", "redis"})
    public String store;

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private Process redisServer;
    private RedisClient redisClient;
    private StatefulRedisConnection<String, String> redisConnection;
    private RedisCommands<String, String> redis;
    private dev.revhooks.core.replay.ReplayGuard guard;
    private String run;

    @Setup(Level.Trial)
    public void start() throws Exception {
        run = UUID.randomUUID().toString().substring(0, 8) + ":";
        if (store.equals("postgresql")) {
            postgres = EmbeddedPostgres.builder().start();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(8);
            pool = new HikariDataSource(config);
            guard = JdbcReplayGuard.builder(pool).createTableIfMissing().build();
            JdbcReplayGuard.builder(pool).table("bare_guard").createTableIfMissing().build();
        } else {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            File dir = Files.createTempDirectory("revhooks-bench-redis").toFile();
            redisServer = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.getPath())
                    .redirectErrorStream(true).redirectOutput(new File(dir, "redis.log")).start();
            awaitPort(port);
            redisClient = RedisClient.create("redis://127.0.0.1:" + port);
            redisConnection = redisClient.connect();
            redis = redisConnection.sync();
            guard = RedisReplayGuard.builder(redisConnection).build();
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        if (pool != null) {
            pool.close();
            postgres.close();
        }
        if (redisConnection != null) {
            redisConnection.close();
            redisClient.shutdown();
            redisServer.destroyForcibly();
        }
    }

    private String nextKey() {
        return run + KEYS.incrementAndGet();
    }

    private boolean ours() {
        DeliveryKey key = new DeliveryKey(nextKey());
        ClaimResult claimed = guard.claim(key);
        return claimed.isNew() && guard.complete(key, claimed.token());
    }

    private boolean bare() throws SQLException {
        String key = nextKey();
        if (redis != null) {
            boolean claimed = "OK".equals(redis.set("bare:" + key, "claimed", SetArgs.Builder.nx().px(300_000)));
            return claimed && "OK".equals(redis.set("bare:" + key, "processed", SetArgs.Builder.px(86_400_000)));
        }
        try (Connection connection = pool.getConnection()) {
            int claimed;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bare_guard (delivery_key, processed, token, expires_at)"
                    + " VALUES (?, FALSE, 'x', now() + INTERVAL '5 minutes') ON CONFLICT (delivery_key) DO NOTHING")) {
                insert.setString(1, key);
                claimed = insert.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE bare_guard SET processed = TRUE, expires_at = now() + INTERVAL '24 hours' WHERE delivery_key = ?")) {
                update.setString(1, key);
                return claimed == 1 && update.executeUpdate() == 1;
            }
        }
    }

    /** The bare pair on two checkouts: claim, give the connection back, then complete on another. */
    private boolean bareSplit() throws SQLException {
        if (redis != null) {
            return bare();
        }
        String key = nextKey();
        int claimed;
        try (Connection connection = pool.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO bare_guard (delivery_key, processed, token, expires_at)"
                     + " VALUES (?, FALSE, 'x', now() + INTERVAL '5 minutes') ON CONFLICT (delivery_key) DO NOTHING")) {
            insert.setString(1, key);
            claimed = insert.executeUpdate();
        }
        try (Connection connection = pool.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE bare_guard SET processed = TRUE, expires_at = now() + INTERVAL '24 hours' WHERE delivery_key = ?")) {
            update.setString(1, key);
            return claimed == 1 && update.executeUpdate() == 1;
        }
    }

    @Benchmark
    public boolean bareSplitClaimComplete() throws SQLException {
        return bareSplit();
    }

    @Benchmark
    @Threads(8)
    public boolean bareSplitClaimComplete8Threads() throws SQLException {
        return bareSplit();
    }

    /**
     * PostgreSQL only: the guard's own statements (its {@code INSERT}, with the token and the lease
     * as parameters and the database's {@code clock_timestamp()}; its token-checked {@code UPDATE}),
     * written by hand on two checkouts, with ({@code timed}) or without the guard's query timeout:
     * tells the cost of the guard's SQL from the cost of its Java around it.
     */
    private boolean guardSql(boolean timed) throws SQLException {
        String key = nextKey();
        String token = "tok-" + key;
        int claimed;
        try (Connection connection = pool.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO bare_guard (delivery_key, processed, token, expires_at)"
                     + " VALUES (?, FALSE, ?, clock_timestamp() + ? * INTERVAL '1 millisecond') ON CONFLICT (delivery_key) DO NOTHING")) {
            if (timed) {
                insert.setQueryTimeout(5);
            }
            insert.setString(1, key);
            insert.setString(2, token);
            insert.setLong(3, 300_000L);
            claimed = insert.executeUpdate();
        }
        try (Connection connection = pool.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE bare_guard SET processed = TRUE, token = NULL,"
                     + " expires_at = clock_timestamp() + ? * INTERVAL '1 millisecond' WHERE delivery_key = ? AND token = ? AND processed = FALSE")) {
            if (timed) {
                update.setQueryTimeout(5);
            }
            update.setLong(1, 86_400_000L);
            update.setString(2, key);
            update.setString(3, token);
            return claimed == 1 && update.executeUpdate() == 1;
        }
    }

    @Benchmark
    public boolean guardSqlClaimComplete() throws SQLException {
        return redis != null ? bare() : guardSql(false);
    }

    @Benchmark
    public boolean guardSqlTimedClaimComplete() throws SQLException {
        return redis != null ? bare() : guardSql(true);
    }

    @Benchmark
    public boolean oursClaimComplete() {
        return ours();
    }

    @Benchmark
    public boolean bareClaimComplete() throws SQLException {
        return bare();
    }

    @Benchmark
    @Threads(8)
    public boolean oursClaimComplete8Threads() {
        return ours();
    }

    @Benchmark
    @Threads(8)
    public boolean bareClaimComplete8Threads() throws SQLException {
        return bare();
    }

    private static void awaitPort(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port + " (is it installed?)");
    }
}
