package dev.revhooks.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Lua script and the SHA-1 Redis knows it by. */
record LuaScript(String source, String sha1) {

    /**
     * Marks the owner's claim processed for the retention: {@code KEYS[1]} the key, {@code ARGV[1]}
     * the claimed value, {@code ARGV[2]} the processed value, {@code ARGV[3]} the retention in ms.
     */
    static final LuaScript COMPLETE = of("if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 else return 0 end");

    /** Deletes the owner's claim: {@code KEYS[1]} the key, {@code ARGV[1]} the claimed value. */
    static final LuaScript RELEASE = of("if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "redis.call('DEL', KEYS[1]) return 1 else return 0 end");

    static LuaScript of(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return new LuaScript(source, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
