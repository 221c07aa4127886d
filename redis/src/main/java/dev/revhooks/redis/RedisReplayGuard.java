package dev.revhooks.redis;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ClaimToken;
import dev.revhooks.core.replay.ReplayExpiry;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.core.replay.ReplayStoreUnavailableException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link ReplayGuard} in Redis, shared by every instance of the app, over Lettuce.
 *
 * <p>One Redis key per delivery, {@code prefix + deliveryKey}. A claim is
 * {@code SET key "claim:<token>" NX PX <lease>}; completing replaces the value with
 * {@code "processed"} and the retention as its TTL, and releasing deletes it, each as a
 * compare-and-set Lua script ({@code EVALSHA}, loaded with {@code EVAL} on {@code NOSCRIPT}) that
 * acts only while the key still holds the caller's token. Expiry is Redis's own TTL: the
 * instances' clocks play no part, and every key expires by itself, so the keyspace holds only the
 * keys of the last retention whatever arrives (no purge to schedule). A Redis error (unreachable,
 * timing out, refusing) is a {@link ReplayStoreUnavailableException}.
 *
 * <pre>{@code
 * RedisClient client = RedisClient.create(RedisURI.builder().withHost("redis").withTimeout(Duration.ofSeconds(2)).build());
 * RedisReplayGuard guard = RedisReplayGuard.builder(client).keyPrefix("myapp:replay:").build();
 * WebhookFilter.builder(revont).replayGuard(guard).build();
 * }</pre>
 *
 * <p>Built from a {@link RedisClient}, the guard opens one connection of its own (Lettuce
 * connections are thread-safe and multiplexed) and {@link #close()} closes it; built from the
 * app's connection, it leaves closing to the app.
 */
public final class RedisReplayGuard implements ReplayGuard, AutoCloseable {

    private static final String CLAIMED = "claim:";
    private static final String PROCESSED = "processed";
    private static final int CLAIM_ATTEMPTS = 3;

    private final RedisOps redis;
    private final AutoCloseable owned;
    private final KeyPrefix prefix;
    private final long leaseMillis;
    private final long retentionMillis;

    private RedisReplayGuard(Builder builder, RedisOps redis, AutoCloseable owned) {
        this.redis = redis;
        this.owned = owned;
        this.prefix = builder.prefix;
        this.leaseMillis = builder.expiry.lease().toMillis();
        this.retentionMillis = builder.expiry.retention().toMillis();
    }

    /**
     * A builder that opens its own connection from the app's client when built.
     *
     * @param client the app's client
     * @return the builder
     */
    public static Builder builder(RedisClient client) {
        Objects.requireNonNull(client, "client");
        return new Builder(() -> {
            StatefulRedisConnection<String, String> connection = client.connect();
            return new Opened(RedisOps.ofStrings(connection), connection);
        });
    }

    /**
     * A builder over the app's connection with {@code String} keys and values (closed by the app).
     *
     * @param connection the app's connection
     * @return the builder
     */
    public static Builder builder(StatefulRedisConnection<String, String> connection) {
        Objects.requireNonNull(connection, "connection");
        return new Builder(() -> new Opened(RedisOps.ofStrings(connection), null));
    }

    /**
     * A builder over the app's connection with {@code byte[]} keys and values (closed by the app);
     * keys and values are written as UTF-8.
     *
     * @param connection the app's connection
     * @return the builder
     */
    public static Builder builderOverBytes(StatefulRedisConnection<byte[], byte[]> connection) {
        Objects.requireNonNull(connection, "connection");
        return new Builder(() -> new Opened(RedisOps.ofBytes(connection), null));
    }

    @Override
    public ClaimResult claim(DeliveryKey key) {
        String redisKey = prefix.key(Objects.requireNonNull(key, "key").value());
        ClaimToken token = ClaimToken.random();
        try {
            for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
                if (redis.setIfAbsent(redisKey, CLAIMED + token.value(), leaseMillis)) {
                    return ClaimResult.claimed(token);
                }
                String current = redis.get(redisKey);
                if (current != null) {
                    return ClaimResult.notClaimed(PROCESSED.equals(current) ? Claim.ALREADY_PROCESSED : Claim.IN_PROGRESS);
                }
                // expired or released between SET and GET: try to take it again
            }
            return ClaimResult.notClaimed(Claim.IN_PROGRESS); // contended all along: the sender retries later
        } catch (RedisException e) {
            throw unavailable("claim", e);
        }
    }

    @Override
    public boolean complete(DeliveryKey key, ClaimToken token) {
        String redisKey = prefix.key(Objects.requireNonNull(key, "key").value());
        if (token == null) {
            return false;
        }
        try {
            return redis.script(LuaScript.COMPLETE, redisKey, CLAIMED + token.value(), PROCESSED, Long.toString(retentionMillis)) == 1;
        } catch (RedisException e) {
            throw unavailable("complete", e);
        }
    }

    @Override
    public boolean release(DeliveryKey key, ClaimToken token) {
        String redisKey = prefix.key(Objects.requireNonNull(key, "key").value());
        if (token == null) {
            return false;
        }
        try {
            return redis.script(LuaScript.RELEASE, redisKey, CLAIMED + token.value()) == 1;
        } catch (RedisException e) {
            throw unavailable("release", e);
        }
    }

    /** Closes the connection the guard opened from a {@link RedisClient}; nothing otherwise. */
    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the guard's Redis connection failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "RedisReplayGuard[prefix=" + prefix.value() + ", leaseMillis=" + leaseMillis + ", retentionMillis=" + retentionMillis + "]";
    }

    private ReplayStoreUnavailableException unavailable(String operation, RedisException e) {
        return new ReplayStoreUnavailableException("Redis replay guard (prefix " + prefix.value() + "): " + operation + " failed ("
                + e.getClass().getSimpleName() + ")", e);
    }

    private record Opened(RedisOps ops, AutoCloseable owned) {
    }

    private interface Connector {
        Opened open();
    }

    /** Builds a {@link RedisReplayGuard}. */
    public static final class Builder {
        private final Connector connector;
        private KeyPrefix prefix = KeyPrefix.of("revhooks:replay:");
        private ReplayExpiry expiry = ReplayExpiry.DEFAULT;

        private Builder(Connector connector) {
            this.connector = connector;
        }

        /**
         * The prefix of every key (default {@code revhooks:replay:}).
         *
         * @param prefix a checked prefix
         * @return this builder
         */
        public Builder keyPrefix(KeyPrefix prefix) {
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * The prefix by text, checked by {@link KeyPrefix#of(String)}.
         *
         * @param prefix 1 to 64 characters of {@code [A-Za-z0-9:_.-]}
         * @return this builder
         * @throws IllegalArgumentException if the prefix is not of that shape
         */
        public Builder keyPrefix(String prefix) {
            return keyPrefix(KeyPrefix.of(prefix));
        }

        /**
         * The lease and retention (default {@link ReplayExpiry#DEFAULT}: 5 minutes, 24 hours).
         *
         * @param expiry the durations
         * @return this builder
         */
        public Builder expiry(ReplayExpiry expiry) {
            this.expiry = Objects.requireNonNull(expiry, "expiry");
            return this;
        }

        /**
         * The lease alone: see {@link ReplayExpiry#lease()}.
         *
         * @param lease at least 1 millisecond
         * @return this builder
         */
        public Builder lease(Duration lease) {
            return expiry(expiry.withLease(lease));
        }

        /**
         * The retention alone: see {@link ReplayExpiry#retention()}.
         *
         * @param retention at least 1 millisecond
         * @return this builder
         */
        public Builder retention(Duration retention) {
            return expiry(expiry.withRetention(retention));
        }

        /**
         * Builds the guard; from a {@link RedisClient}, opens its connection now.
         *
         * @return the guard
         * @throws ReplayStoreUnavailableException if a connection was to be opened and could not be
         */
        public RedisReplayGuard build() {
            try {
                Opened opened = connector.open();
                return new RedisReplayGuard(this, opened.ops(), opened.owned());
            } catch (RedisException e) {
                throw new ReplayStoreUnavailableException("Redis replay guard (prefix " + prefix.value() + "): connecting failed ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        }
    }
}
