package dev.revhooks.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.inbox.InboundDelivery;
import dev.revhooks.core.testing.Await;
import dev.revhooks.jdbc.inbox.JdbcInbox;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontSigner;
import dev.revhooks.revont.RevontWebhooks;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The inbox gauges over a real JdbcInbox on H2 in memory: they follow the table, are cached, and read NaN when it is gone. */
class InboxMetricsTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Secret SECRET = Secret.of("revont-metrics", "whsec_inbox_metrics_5e2b");
    static final RevontWebhooks REVONT = RevontWebhooks.builder().secret(SECRET).build();
    private static final Duration CACHE = Duration.ofSeconds(5);

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final JdbcDataSource h2 = new JdbcDataSource();

    InboxMetricsTest() {
        h2.setURL("jdbc:h2:mem:inbox-metrics-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    }

    static InboundDelivery delivery(int n) throws Exception {
        byte[] body = ("{\"event\":\"summary.ready\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":{\"call_id\":\"call_" + n
                + "\",\"rep_id\":\"user_1\",\"prospect_email\":\"jane@acmecorp.com\",\"duration_seconds\":60,"
                + "\"summary_url\":\"https://app.revont.ai/calls/call_" + n + "/summary\",\"coaching_score\":82}}")
                .getBytes(StandardCharsets.UTF_8);
        WebhookRequest request = RevontSigner.of(SECRET).sign(body);
        VerifiedDelivery<RevontEvent> verified = REVONT.receive(request);
        return InboundDelivery.parsed(REVONT.vendor(), verified.deliveryKey(), verified.event().event(),
                verified.authentication(), verified.rawBody(), request.headers());
    }

    static InboundDelivery unparseable(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return new InboundDelivery("revont", DeliveryKey.of("revont", "unparseable", body), "unparseable",
                Authentication.hmacSignature(SECRET.id()), body, WebhookHeaders.empty(), "missing data");
    }

    private double gauge(String name) {
        return registry.get(name).tag("inbox", "webhooks").gauge().value();
    }

    private double oldestDueSeconds() {
        return registry.get(InboxMetrics.OLDEST_DUE_AGE).tag("inbox", "webhooks").timeGauge().value(TimeUnit.SECONDS);
    }

    private void nextPeriod() {
        clock.add(CACHE);
    }

    @Test
    void theGaugesFollowTheTableUpWhenStoredAndDownWhenHandled() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        try (JdbcInbox inbox = JdbcInbox.builder(h2).createTableIfMissing()
                .vendor(REVONT, (event, context) -> handled.incrementAndGet())
                .pollInterval(Duration.ofMillis(20)).build()) {
            InboxMetrics.of(inbox, "webhooks").bindTo(registry);
            assertThat(gauge(InboxMetrics.BACKLOG)).isZero();
            assertThat(gauge(InboxMetrics.DEAD_LETTERS)).isZero();
            assertThat(oldestDueSeconds()).isZero();

            for (int n = 1; n <= 3; n++) {
                inbox.store(delivery(n));
            }
            inbox.store(unparseable("{\"event\":\"summary.ready\"}"));
            nextPeriod();
            assertThat(gauge(InboxMetrics.BACKLOG)).isEqualTo(3.0);
            assertThat(gauge(InboxMetrics.DEAD_LETTERS)).isEqualTo(1.0);
            assertThat(oldestDueSeconds()).isGreaterThanOrEqualTo(0.0).isEqualTo(inbox.oldestDueAge().orElseThrow().toNanos() / 1e9,
                    org.assertj.core.data.Offset.offset(5.0));

            inbox.start();
            Await.until("the three deliveries handled", Duration.ofSeconds(30), () -> handled.get() == 3 && inbox.backlog() == 0);
            nextPeriod();
            assertThat(gauge(InboxMetrics.BACKLOG)).isZero();
            assertThat(gauge(InboxMetrics.DEAD_LETTERS)).isEqualTo(1.0);
            assertThat(oldestDueSeconds()).isZero();
            inbox.shutdown(Duration.ofSeconds(10));
        }
    }

    @Test
    void aValueIsReadOncePerCachePeriodWhateverTheNumberOfScrapes() throws Exception {
        try (JdbcInbox inbox = JdbcInbox.builder(h2).createTableIfMissing().vendor(REVONT, (event, context) -> { }).build()) {
            InboxMetrics.of(inbox, "webhooks").bindTo(registry);
            assertThat(gauge(InboxMetrics.BACKLOG)).isZero();
            inbox.store(delivery(1));
            clock.add(CACHE.minusMillis(1));
            for (int scrape = 0; scrape < 100; scrape++) {
                assertThat(gauge(InboxMetrics.BACKLOG)).as("still the cached value").isZero();
            }
            clock.add(Duration.ofMillis(1));
            assertThat(gauge(InboxMetrics.BACKLOG)).isEqualTo(1.0);
        }
    }

    @Test
    void withoutACachePeriodEveryScrapeAsksTheStore() throws Exception {
        try (JdbcInbox inbox = JdbcInbox.builder(h2).createTableIfMissing().vendor(REVONT, (event, context) -> { }).build()) {
            InboxMetrics.of(inbox, "webhooks").cacheFor(Duration.ZERO).bindTo(registry);
            assertThat(gauge(InboxMetrics.BACKLOG)).isZero();
            inbox.store(delivery(1));
            assertThat(gauge(InboxMetrics.BACKLOG)).isEqualTo(1.0);
        }
    }

    @Test
    void aClosedDatabaseReadsNaNWithoutThrowingAndTheGaugesComeBackWithIt() throws Exception {
        try (JdbcInbox inbox = JdbcInbox.builder(h2).createTableIfMissing().vendor(REVONT, (event, context) -> { }).build()) {
            InboxMetrics.of(inbox, "webhooks").bindTo(registry);
            inbox.store(delivery(1));
            try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN"); // the database closes; a new connection finds an empty one without the table
            }
            assertThat(gauge(InboxMetrics.BACKLOG)).isNaN();
            assertThat(gauge(InboxMetrics.DEAD_LETTERS)).isNaN();
            assertThat(oldestDueSeconds()).isNaN();

            try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
                for (String ddl : JdbcInbox.ddl(dev.revhooks.jdbc.TableName.of("revhooks_inbox"))) {
                    statement.execute(ddl);
                }
            }
            assertThat(gauge(InboxMetrics.BACKLOG)).as("NaN is cached too: the store is not hammered").isNaN();
            nextPeriod();
            assertThat(gauge(InboxMetrics.BACKLOG)).isZero();
        }
    }

    @Test
    void anInboxNameOutsideTheBoundedShapeIsRefused() {
        try (JdbcInbox inbox = JdbcInbox.builder(h2).createTableIfMissing().build()) {
            for (String bad : new String[] {"", "Webhooks", "web hooks", "a".repeat(33), null}) {
                assertThatThrownBy(() -> InboxMetrics.of(inbox, bad)).as(String.valueOf(bad))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("inbox name must be 1 to 32 characters of [a-z0-9_.-] starting with a letter");
            }
            InboxMetrics metrics = InboxMetrics.of(inbox, "webhooks");
            for (Duration bad : new Duration[] {Duration.ofMillis(-1), Duration.ofHours(1).plusNanos(1)}) {
                assertThatThrownBy(() -> metrics.cacheFor(bad)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("cache period must be zero to one hour");
            }
            assertThat(metrics.cacheFor(Duration.ofHours(1)).toString()).isEqualTo("InboxMetrics[webhooks, cached PT1H]");
            assertThat(registry.getMeters()).isEmpty();
            metrics.bindTo(registry);
            assertThat(registry.getMeters()).hasSize(3);
        }
    }
}
