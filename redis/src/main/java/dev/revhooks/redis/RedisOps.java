package dev.revhooks.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;

/**
 * The few commands {@link RedisReplayGuard} sends, over a connection of either codec the app
 * has ({@code String} or {@code byte[]}); text is UTF-8 on the wire either way.
 */
interface RedisOps {

    /** {@code SET key value NX PX millis}: true if set. */
    boolean setIfAbsent(String key, String value, long millis);

    /** {@code GET key}, or null. */
    String get(String key);

    /** Runs a script by its SHA-1 ({@code EVALSHA}), loading it with {@code EVAL} on {@code NOSCRIPT}. */
    long script(LuaScript script, String key, String... args);

    static RedisOps ofStrings(StatefulRedisConnection<String, String> connection) {
        RedisCommands<String, String> redis = connection.sync();
        return new RedisOps() {
            @Override
            public boolean setIfAbsent(String key, String value, long millis) {
                return "OK".equals(redis.set(key, value, SetArgs.Builder.nx().px(millis)));
            }

            @Override
            public String get(String key) {
                return redis.get(key);
            }

            @Override
            public long script(LuaScript script, String key, String... args) {
                String[] keys = {key};
                try {
                    return redis.<Long>evalsha(script.sha1(), ScriptOutputType.INTEGER, keys, args);
                } catch (RedisNoScriptException e) {
                    return redis.<Long>eval(script.source(), ScriptOutputType.INTEGER, keys, args);
                }
            }
        };
    }

    static RedisOps ofBytes(StatefulRedisConnection<byte[], byte[]> connection) {
        RedisCommands<byte[], byte[]> redis = connection.sync();
        return new RedisOps() {
            @Override
            public boolean setIfAbsent(String key, String value, long millis) {
                return "OK".equals(redis.set(utf8(key), utf8(value), SetArgs.Builder.nx().px(millis)));
            }

            @Override
            public String get(String key) {
                byte[] value = redis.get(utf8(key));
                return value == null ? null : new String(value, StandardCharsets.UTF_8);
            }

            @Override
            public long script(LuaScript script, String key, String... args) {
                byte[][] keys = {utf8(key)};
                byte[][] values = new byte[args.length][];
                for (int i = 0; i < args.length; i++) {
                    values[i] = utf8(args[i]);
                }
                try {
                    return redis.<Long>evalsha(script.sha1(), ScriptOutputType.INTEGER, keys, values);
                } catch (RedisNoScriptException e) {
                    return redis.<Long>eval(script.source(), ScriptOutputType.INTEGER, keys, values);
                }
            }
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
