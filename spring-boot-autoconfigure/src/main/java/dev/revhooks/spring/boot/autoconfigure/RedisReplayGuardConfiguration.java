package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.redis.RedisReplayGuard;
import dev.revhooks.spring.boot.autoconfigure.RevhooksProperties.ReplayGuardProperties;
import io.lettuce.core.RedisClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code revhooks.replay-guard.type=redis}: the shared guard on the app's Lettuce {@link RedisClient}
 * bean, over a connection of its own (closed with the context).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"dev.revhooks.redis.RedisReplayGuard", "io.lettuce.core.RedisClient"})
@ConditionalOnProperty(prefix = "revhooks.replay-guard", name = "type", havingValue = "redis")
class RedisReplayGuardConfiguration {

    @Bean
    @ConditionalOnMissingBean(ReplayGuard.class)
    RedisReplayGuard revhooksRedisReplayGuard(RevhooksProperties properties, ObjectProvider<RedisClient> client) {
        RedisClient redis = client.getIfUnique();
        if (redis == null) {
            throw new InvalidWebhookPropertyException("revhooks.replay-guard.type",
                    "is redis but the app has no single io.lettuce.core.RedisClient bean");
        }
        ReplayGuardProperties settings = properties.getReplayGuard();
        RedisReplayGuard.Builder builder = RedisReplayGuard.builder(redis);
        if (settings.getRedis().getKeyPrefix() != null) {
            try {
                builder.keyPrefix(settings.getRedis().getKeyPrefix());
            } catch (IllegalArgumentException e) {
                throw new InvalidWebhookPropertyException("revhooks.replay-guard.redis.key-prefix", e.getMessage());
            }
        }
        if (settings.getLease() != null) {
            builder.lease(settings.getLease());
        }
        if (settings.getRetention() != null) {
            builder.retention(settings.getRetention());
        }
        return builder.build();
    }
}
