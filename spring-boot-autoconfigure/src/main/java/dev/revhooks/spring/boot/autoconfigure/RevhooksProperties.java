package dev.revhooks.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code revhooks.*} properties: one block per vendor, the shared limits and the replay guard.
 * A vendor is configured when its module is on the classpath and any of its properties is set;
 * startup then fails, naming the property (never its value), when a required one is missing or
 * invalid.
 *
 * <pre>{@code
 * revhooks:
 *   replay-guard:
 *     type: memory
 *   revont:
 *     path: /hooks/revont
 *     secrets:
 *       - id: current
 *         value: ${REVONT_WEBHOOK_SECRET}
 * }</pre>
 */
@ConfigurationProperties("revhooks")
public class RevhooksProperties {

    /** Largest request body accepted on every webhook path, checked before any hashing. Default 8MB. */
    private DataSize bodyLimit;

    /** Longest value of a header the receivers read (signature, timestamp, key), in characters. Default 8KB. */
    private DataSize headerLimit;

    private final ReplayGuardProperties replayGuard = new ReplayGuardProperties();

    private final Revont revont = new Revont();

    private final RevRag revrag = new RevRag();

    private final RevRing revring = new RevRing();

    private final RevDesk revdesk = new RevDesk();

    /**
     * The body limit.
     *
     * @return the limit, or null for the library's default
     */
    public DataSize getBodyLimit() {
        return bodyLimit;
    }

    /**
     * Sets the body limit.
     *
     * @param bodyLimit the limit
     */
    public void setBodyLimit(DataSize bodyLimit) {
        this.bodyLimit = bodyLimit;
    }

    /**
     * The header limit.
     *
     * @return the limit, or null for the library's default
     */
    public DataSize getHeaderLimit() {
        return headerLimit;
    }

    /**
     * Sets the header limit.
     *
     * @param headerLimit the limit
     */
    public void setHeaderLimit(DataSize headerLimit) {
        this.headerLimit = headerLimit;
    }

    /**
     * The replay guard settings.
     *
     * @return the settings
     */
    public ReplayGuardProperties getReplayGuard() {
        return replayGuard;
    }

    /**
     * Revont's settings.
     *
     * @return the settings
     */
    public Revont getRevont() {
        return revont;
    }

    /**
     * RevRag's settings.
     *
     * @return the settings
     */
    public RevRag getRevrag() {
        return revrag;
    }

    /**
     * RevRing's settings.
     *
     * @return the settings
     */
    public RevRing getRevring() {
        return revring;
    }

    /**
     * RevDesk's settings.
     *
     * @return the settings
     */
    public RevDesk getRevdesk() {
        return revdesk;
    }

    /** Which replay guard de-duplicates signed deliveries on every webhook path. */
    public enum ReplayGuardType {
        /** No replay guard: every verified copy reaches the listeners. */
        NONE,
        /** {@code InMemoryReplayGuard}: one instance only. */
        MEMORY,
        /** {@code JdbcReplayGuard} (revhooks-jdbc) on the app's DataSource: shared by every instance. */
        JDBC,
        /** {@code RedisReplayGuard} (revhooks-redis) on the app's Lettuce RedisClient: shared by every instance. */
        REDIS
    }

    /** The replay guard: {@code revhooks.replay-guard.*}. */
    public static class ReplayGuardProperties {

        /** Which replay guard to use. A ReplayGuard bean of the app's own replaces it. */
        private ReplayGuardType type = ReplayGuardType.NONE;

        /** How long a processed delivery key is remembered (memory, jdbc and redis guards). Default: the guard's (24h in memory). */
        private Duration retention;

        /** How long a claimed, unfinished delivery blocks its copies (memory guard). Default 5m. */
        private Duration inProgressTimeout;

        /** How long a claim is held before another instance may take it over (jdbc and redis guards). */
        private Duration lease;

        private final JdbcStore jdbc = new JdbcStore();

        private final RedisStore redis = new RedisStore();

        /**
         * The lease.
         *
         * @return the lease, or null for the guard's default
         */
        public Duration getLease() {
            return lease;
        }

        /**
         * Sets the lease.
         *
         * @param lease the lease
         */
        public void setLease(Duration lease) {
            this.lease = lease;
        }

        /**
         * The jdbc guard's settings.
         *
         * @return the settings
         */
        public JdbcStore getJdbc() {
            return jdbc;
        }

        /**
         * The redis guard's settings.
         *
         * @return the settings
         */
        public RedisStore getRedis() {
            return redis;
        }

        /**
         * The guard type.
         *
         * @return the type
         */
        public ReplayGuardType getType() {
            return type;
        }

        /**
         * Sets the guard type.
         *
         * @param type the type
         */
        public void setType(ReplayGuardType type) {
            this.type = type;
        }

        /**
         * The retention.
         *
         * @return the retention, or null for the guard's default
         */
        public Duration getRetention() {
            return retention;
        }

        /**
         * Sets the retention.
         *
         * @param retention the retention
         */
        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        /**
         * The in-progress timeout.
         *
         * @return the timeout, or null for the guard's default
         */
        public Duration getInProgressTimeout() {
            return inProgressTimeout;
        }

        /**
         * Sets the in-progress timeout.
         *
         * @param inProgressTimeout the timeout
         */
        public void setInProgressTimeout(Duration inProgressTimeout) {
            this.inProgressTimeout = inProgressTimeout;
        }
    }

    /** The jdbc replay guard: {@code revhooks.replay-guard.jdbc.*}. */
    public static class JdbcStore {

        /** The guard's table, optionally schema-qualified. Default revhooks_replay_guard. */
        private String table;

        /** Create the table at startup when it is missing (otherwise apply the shipped migration yourself). */
        private boolean createTableIfMissing;

        /**
         * The table.
         *
         * @return the table, or null for the default
         */
        public String getTable() {
            return table;
        }

        /**
         * Sets the table.
         *
         * @param table the table
         */
        public void setTable(String table) {
            this.table = table;
        }

        /**
         * Whether the table is created when missing.
         *
         * @return true to create it
         */
        public boolean isCreateTableIfMissing() {
            return createTableIfMissing;
        }

        /**
         * Sets whether the table is created when missing.
         *
         * @param createTableIfMissing true to create it
         */
        public void setCreateTableIfMissing(boolean createTableIfMissing) {
            this.createTableIfMissing = createTableIfMissing;
        }
    }

    /** The redis replay guard: {@code revhooks.replay-guard.redis.*}. */
    public static class RedisStore {

        /** The prefix of the guard's keys. Default revhooks:replay:. */
        private String keyPrefix;

        /**
         * The key prefix.
         *
         * @return the prefix, or null for the default
         */
        public String getKeyPrefix() {
            return keyPrefix;
        }

        /**
         * Sets the key prefix.
         *
         * @param keyPrefix the prefix
         */
        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }
    }

    /** A secret (or API key) with an optional, non-secret id naming it in verification results. */
    public static class SecretEntry {

        /** A non-secret name for the secret, e.g. "current" or "2026-11". Default: its position, "secret-1". */
        private String id;

        /** The secret exactly as the vendor shows it. */
        private String value;

        /**
         * The id.
         *
         * @return the id, or null
         */
        public String getId() {
            return id;
        }

        /**
         * Sets the id.
         *
         * @param id the id
         */
        public void setId(String id) {
            this.id = id;
        }

        /**
         * The value.
         *
         * @return the value
         */
        public String getValue() {
            return value;
        }

        /**
         * Sets the value.
         *
         * @param value the value
         */
        public void setValue(String value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return "SecretEntry[id=" + id + ", value=<redacted>]";
        }
    }

    /** The secrets of a signing vendor: one {@code secret}, or several {@code secrets} for rotation. */
    public static class SigningSecrets {

        /** The signing secret, exactly as the vendor shows it. Use either this or secrets. */
        private String secret;

        /** Several active signing secrets (rotation), each with an optional id. Use either this or secret. */
        private List<SecretEntry> secrets = new ArrayList<>();

        /**
         * The single secret.
         *
         * @return the secret, or null
         */
        public String getSecret() {
            return secret;
        }

        /**
         * Sets the single secret.
         *
         * @param secret the secret
         */
        public void setSecret(String secret) {
            this.secret = secret;
        }

        /**
         * The secrets.
         *
         * @return the secrets
         */
        public List<SecretEntry> getSecrets() {
            return secrets;
        }

        /**
         * Sets the secrets.
         *
         * @param secrets the secrets
         */
        public void setSecrets(List<SecretEntry> secrets) {
            this.secrets = secrets;
        }
    }

    /** A vendor served on one path with signing secrets. */
    public static class SignedPath extends SigningSecrets {

        /** The webhook path, as registered at the vendor (without the context path), e.g. /hooks/revont. */
        private String path;

        /**
         * The path.
         *
         * @return the path
         */
        public String getPath() {
            return path;
        }

        /**
         * Sets the path.
         *
         * @param path the path
         */
        public void setPath(String path) {
            this.path = path;
        }
    }

    /** Revont: {@code revhooks.revont.*}. */
    public static class Revont extends SignedPath {
    }

    /** RevRag: {@code revhooks.revrag.*}. */
    public static class RevRag extends SignedPath {

        /** How far a delivery's signed timestamp may be from now, either way. Default 5m. */
        private Duration tolerance;

        /**
         * The tolerance.
         *
         * @return the tolerance, or null for the default
         */
        public Duration getTolerance() {
            return tolerance;
        }

        /**
         * Sets the tolerance.
         *
         * @param tolerance the tolerance
         */
        public void setTolerance(Duration tolerance) {
            this.tolerance = tolerance;
        }
    }

    /** RevRing: {@code revhooks.revring.*}. */
    public static class RevRing {

        /** The webhook path serving both the post-call and the pre-call webhook, e.g. /hooks/revring. */
        private String path;

        /** The API key RevRing sends in x-api-key. Use either this or api-keys. */
        private String apiKey;

        /** Several accepted API keys (rotation), each with an optional id. Use either this or api-key. */
        private List<SecretEntry> apiKeys = new ArrayList<>();

        /**
         * The path.
         *
         * @return the path
         */
        public String getPath() {
            return path;
        }

        /**
         * Sets the path.
         *
         * @param path the path
         */
        public void setPath(String path) {
            this.path = path;
        }

        /**
         * The single API key.
         *
         * @return the key, or null
         */
        public String getApiKey() {
            return apiKey;
        }

        /**
         * Sets the single API key.
         *
         * @param apiKey the key
         */
        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        /**
         * The API keys.
         *
         * @return the keys
         */
        public List<SecretEntry> getApiKeys() {
            return apiKeys;
        }

        /**
         * Sets the API keys.
         *
         * @param apiKeys the keys
         */
        public void setApiKeys(List<SecretEntry> apiKeys) {
            this.apiKeys = apiKeys;
        }
    }

    /** RevDesk: {@code revhooks.revdesk.*}, one endpoint per subscribed event type. */
    public static class RevDesk extends SigningSecrets {

        /** One endpoint (URL) per subscribed event type. */
        private List<RevDeskEndpoint> endpoints = new ArrayList<>();

        /**
         * The endpoints.
         *
         * @return the endpoints
         */
        public List<RevDeskEndpoint> getEndpoints() {
            return endpoints;
        }

        /**
         * Sets the endpoints.
         *
         * @param endpoints the endpoints
         */
        public void setEndpoints(List<RevDeskEndpoint> endpoints) {
            this.endpoints = endpoints;
        }
    }

    /** One RevDesk subscription: its event type, its path and, for unsigned families, its guards. */
    public static class RevDeskEndpoint {

        /** The subscribed event type, as RevDesk names it (e.g. number_purchased) or as the enum constant (NUMBER_PURCHASED). */
        private String eventType;

        /** The path, e.g. /hooks/revdesk/numbers. With a path-token the vendor calls {path}/{token}. */
        private String path;

        /**
         * Accept deliveries without a signature header (RevDesk's call-disposition and SMS events).
         * Nothing authenticates them but the path-token and allowed-sources guards.
         */
        private boolean acceptUnauthenticatedUnsignedEvents;

        /** A secret token the vendor's URL ends with ({path}/{token}); checked in constant time. */
        private String pathToken;

        /** Source addresses (CIDR ranges) allowed to call this path, e.g. 203.0.113.0/24. */
        private List<String> allowedSources = new ArrayList<>();

        /** How many X-Forwarded-For hops to trust for allowed-sources (0 unless behind proxies you run). */
        private int trustedProxyHops;

        /**
         * The event type.
         *
         * @return the event type
         */
        public String getEventType() {
            return eventType;
        }

        /**
         * Sets the event type.
         *
         * @param eventType the event type
         */
        public void setEventType(String eventType) {
            this.eventType = eventType;
        }

        /**
         * The path.
         *
         * @return the path
         */
        public String getPath() {
            return path;
        }

        /**
         * Sets the path.
         *
         * @param path the path
         */
        public void setPath(String path) {
            this.path = path;
        }

        /**
         * Whether unsigned deliveries are accepted.
         *
         * @return true when accepted
         */
        public boolean isAcceptUnauthenticatedUnsignedEvents() {
            return acceptUnauthenticatedUnsignedEvents;
        }

        /**
         * Sets whether unsigned deliveries are accepted.
         *
         * @param accept true to accept them
         */
        public void setAcceptUnauthenticatedUnsignedEvents(boolean accept) {
            this.acceptUnauthenticatedUnsignedEvents = accept;
        }

        /**
         * The path token.
         *
         * @return the token, or null
         */
        public String getPathToken() {
            return pathToken;
        }

        /**
         * Sets the path token.
         *
         * @param pathToken the token
         */
        public void setPathToken(String pathToken) {
            this.pathToken = pathToken;
        }

        /**
         * The allowed source ranges.
         *
         * @return the CIDR ranges
         */
        public List<String> getAllowedSources() {
            return allowedSources;
        }

        /**
         * Sets the allowed source ranges.
         *
         * @param allowedSources the CIDR ranges
         */
        public void setAllowedSources(List<String> allowedSources) {
            this.allowedSources = allowedSources;
        }

        /**
         * The trusted proxy hops.
         *
         * @return the hops
         */
        public int getTrustedProxyHops() {
            return trustedProxyHops;
        }

        /**
         * Sets the trusted proxy hops.
         *
         * @param trustedProxyHops the hops
         */
        public void setTrustedProxyHops(int trustedProxyHops) {
            this.trustedProxyHops = trustedProxyHops;
        }
    }
}
