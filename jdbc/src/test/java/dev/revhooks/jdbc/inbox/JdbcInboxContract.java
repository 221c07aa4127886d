package dev.revhooks.jdbc.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookReceiver;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.inbox.InboundDelivery;
import dev.revhooks.core.inbox.InboxObserver;
import dev.revhooks.core.inbox.InboxUnavailableException;
import dev.revhooks.core.testing.Await;
import dev.revhooks.jdbc.SqlDialect;
import dev.revhooks.jdbc.TableName;
import dev.revhooks.revont.RevontEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every database the inbox supports must do, against a real server. Each test has its own
 * table; time moves through the inbox's time shift (milliseconds added to the database's clock),
 * never by sleeping.
 */
abstract class JdbcInboxContract {

    private static final AtomicInteger TABLES = new AtomicInteger();

    abstract DataSource dataSource();

    abstract SqlDialect dialect();

    private final AtomicLong shift = new AtomicLong();
    private TableName table;
    private String appTable;

    @BeforeEach
    void freshTables() {
        int n = TABLES.incrementAndGet();
        table = TableName.of("inbox_" + dialect().name().toLowerCase() + "_" + n);
        appTable = "app_" + dialect().name().toLowerCase() + "_" + n;
        Deliveries.execute(dataSource(), "CREATE TABLE " + appTable + " (delivery_key VARCHAR(512) PRIMARY KEY)");
    }

    private JdbcInbox.Builder builder() {
        return JdbcInbox.builder(dataSource()).table(table).createTableIfMissing().timeShift(shift::get).jitter(() -> 0.25);
    }

    private JdbcInbox inbox(InboxHandler<RevontEvent> handler) {
        return builder().vendor(Deliveries.REVONT, handler).build();
    }

    // ------------------------------------------------------------------ accept

    @Test
    void storesOnceAndAcknowledgesARetryWithoutStoringItTwice() throws Exception {
        JdbcInbox inbox = inbox((event, context) -> { });
        InboundDelivery delivery = Deliveries.inbound(1);

        assertThat(inbox.store(delivery)).isTrue();
        assertThat(inbox.store(Deliveries.inbound(1))).isFalse();

        assertThat(count("SELECT COUNT(*) FROM " + table)).isEqualTo(1);
        try (Connection connection = dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT vendor, delivery_key, event_type, body, auth_method,"
                     + " credential_id, state, attempts, received_at FROM " + table);
             ResultSet rs = query.executeQuery()) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("revont");
            assertThat(rs.getString(2)).isEqualTo(delivery.deliveryKey().value());
            assertThat(rs.getString(3)).isEqualTo("summary.ready");
            assertThat(rs.getBytes(4)).isEqualTo(Deliveries.body(1));
            assertThat(rs.getString(5)).isEqualTo("HMAC_SIGNATURE");
            assertThat(rs.getString(6)).isEqualTo(Deliveries.SECRET.id());
            assertThat(rs.getString(7)).isEqualTo("PENDING");
            assertThat(rs.getInt(8)).isZero();
            assertThat(rs.getObject(9, OffsetDateTime.class)).isNotNull();
        }
    }

    @Test
    void keepsOnlyTheNamedHeadersAndParsesWithThemAgain() {
        List<String> seen = new CopyOnWriteArrayList<>();
        JdbcInbox inbox = builder().vendor(new HeaderReader(), (event, context) -> seen.add(event))
                .keepHeaders("X-Webhook-Event", "X-Multi").build();
        WebhookHeaders headers = WebhookHeaders.builder()
                .add("x-webhook-event", "call.ended\nwith\\escapes\r")
                .add("X-Multi", "a").add("X-Multi", "b: c")
                .add("x-api-key", "secret-key-never-stored")
                .build();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        inbox.store(InboundDelivery.parsed("headers", new DeliveryKey("headers:1"), "t", Authentication.sharedKey("k1"),
                body, headers));

        assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE headers LIKE '%secret-key%'")).isZero();
        assertThat(inbox.runOnce()).isEqualTo(1);
        assertThat(seen).containsExactly("call.ended\nwith\\escapes\r|[a, b: c]|null");
    }

    @Test
    void anAuthenticBodyThatDidNotParseIsKeptAsADeadLetterAndProcessedAfterAnUpgrade() {
        List<String> handled = new CopyOnWriteArrayList<>();
        JdbcInbox inbox = inbox((event, context) -> handled.add(Deliveries.callId(event)));
        assertThat(inbox.store(Deliveries.unparseable(Deliveries.body(7), "data.call_id: not what this version reads"))).isTrue();

        assertThat(inbox.runOnce()).isZero();
        List<DeadLetter> letters = inbox.deadLetters(10);
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0);
        assertThat(letter.eventType()).isEqualTo("unparseable");
        assertThat(letter.attempts()).isZero();
        assertThat(letter.lastError()).isEqualTo("WebhookPayloadException: data.call_id: not what this version reads");
        assertThat(letter.authentication()).isEqualTo(Authentication.hmacSignature(Deliveries.SECRET.id()));

        // the upgraded receiver reads it
        assertThat(inbox.requeue(letter.id())).isTrue();
        assertThat(inbox.runOnce()).isEqualTo(1);
        assertThat(handled).containsExactly("call_7");
        assertThat(inbox.countDeadLetters()).isZero();
    }

    @Test
    void aStoredBodyThatNoLongerParsesIsADeadLetterAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        JdbcInbox inbox = inbox((event, context) -> calls.incrementAndGet());
        byte[] body = "{\"event\":\"call.ended\",\"timestamp\":\"2024-09-15T14:32:00Z\"}".getBytes(StandardCharsets.UTF_8);
        inbox.store(InboundDelivery.parsed("revont", new DeliveryKey("revont:call.ended:x"), "call.ended",
                Authentication.hmacSignature("s"), body, WebhookHeaders.empty()));

        assertThat(inbox.runOnce()).isEqualTo(1);
        assertThat(calls).hasValue(0);
        DeadLetter letter = inbox.deadLetters(1).get(0);
        assertThat(letter.attempts()).isEqualTo(1);
        assertThat(letter.lastError()).startsWith(WebhookPayloadException.class.getName() + ": ");
    }

    // ------------------------------------------------------------------ process

    @Test
    void aHandledDeliveryIsDoneAndNotTakenAgain() {
        List<String> handled = new CopyOnWriteArrayList<>();
        List<InboxContext> contexts = new CopyOnWriteArrayList<>();
        JdbcInbox inbox = inbox((event, context) -> {
            handled.add(Deliveries.callId(event));
            contexts.add(context);
        });
        inbox.store(Deliveries.inbound(1));
        inbox.store(Deliveries.inbound(2));

        assertThat(inbox.runOnce()).isEqualTo(2);
        assertThat(inbox.runOnce()).isZero();
        assertThat(handled).containsExactlyInAnyOrder("call_1", "call_2");
        assertThat(contexts.get(0).attempt()).isEqualTo(1);
        assertThat(contexts.get(0).vendor()).isEqualTo("revont");
        assertThat(contexts.get(0).deliveryKey()).startsWith("revont:summary.ready:");
        assertThat(contexts.get(0).toString()).doesNotContain("Connection");
        assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE state = 'DONE' AND completed_at IS NOT NULL")).isEqualTo(2);
        assertThat(inbox.backlog()).isZero();
    }

    @Test
    void aHandlerThatAlwaysThrowsRunsExactlyTheConfiguredAttemptsWithGrowingDelaysThenIsADeadLetter() throws Exception {
        RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(20), Duration.ofHours(1));
        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean fixed = new AtomicBoolean();
        JdbcInbox inbox = builder().retryPolicy(policy).vendor(Deliveries.REVONT, (event, context) -> {
            calls.incrementAndGet();
            if (!fixed.get()) {
                throw new IllegalStateException("CRM down\nfor maintenance");
            }
        }).build();
        inbox.store(Deliveries.inbound(1));

        List<Long> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(inbox.runOnce()).as("attempt %d", attempt).isEqualTo(1);
            assertThat(calls).hasValue(attempt);
            if (attempt < 4) {
                long delay = dueInMillis();
                long expected = policy.delayMillis(attempt, 0.25);
                assertThat(delay).as("delay after attempt %d", attempt).isBetween(expected - 5_000, expected);
                delays.add(delay);
                assertThat(inbox.runOnce()).as("not due before its delay").isZero();
                shift.addAndGet(expected);
            }
        }
        assertThat(delays).isSorted();
        assertThat(delays.get(2)).isGreaterThan(delays.get(0) * 3);

        shift.addAndGet(Duration.ofDays(1).toMillis());
        assertThat(inbox.runOnce()).as("a dead letter is not taken").isZero();
        assertThat(calls).hasValue(4);
        assertThat(inbox.countDeadLetters()).isEqualTo(1);
        DeadLetter letter = inbox.deadLetters(10).get(0);
        assertThat(letter.attempts()).isEqualTo(4);
        assertThat(letter.lastError()).isEqualTo("java.lang.IllegalStateException: CRM down for maintenance");
        assertThat(inbox.backlog()).isZero();

        fixed.set(true);
        assertThat(inbox.requeue(letter.id())).isTrue();
        assertThat(inbox.requeue(letter.id())).as("no longer a dead letter").isFalse();
        assertThat(inbox.runOnce()).isEqualTo(1);
        assertThat(calls).hasValue(5);
        assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE state = 'DONE'")).isEqualTo(1);
    }

    @Test
    void theObserverIsToldEachCommittedOutcomeAndWhatItThrowsChangesNothing() {
        List<String> seen = new CopyOnWriteArrayList<>();
        InboxObserver observer = (vendor, outcome) -> {
            seen.add(vendor + " " + outcome);
            throw new IllegalStateException("observer failure");
        };
        JdbcInbox inbox = builder().retryPolicy(new RetryPolicy(2, Duration.ofSeconds(10), Duration.ofSeconds(10)))
                .observer(observer)
                .vendor(Deliveries.REVONT, (event, context) -> {
                    if (Deliveries.callId(event).equals("call_2")) {
                        throw new IllegalStateException("handler failure");
                    }
                }).build();
        inbox.store(Deliveries.inbound(1));
        inbox.store(Deliveries.inbound(2));
        byte[] stale = "{\"event\":\"call.ended\",\"timestamp\":\"2024-09-15T14:32:00Z\"}".getBytes(StandardCharsets.UTF_8);
        inbox.store(InboundDelivery.parsed("revont", new DeliveryKey("revont:call.ended:observed"), "call.ended",
                Authentication.hmacSignature("s"), stale, WebhookHeaders.empty()));

        assertThat(inbox.runOnce()).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrder("revont PROCESSED", "revont RETRIED", "revont DEAD_LETTERED");
        shift.addAndGet(Duration.ofSeconds(11).toMillis());
        assertThat(inbox.runOnce()).isEqualTo(1);
        assertThat(seen).hasSize(4).endsWith("revont DEAD_LETTERED");
        assertThat(inbox.backlog()).isZero();
        assertThat(inbox.countDeadLetters()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE state = 'DONE'")).isEqualTo(1);
    }

    @Test
    void anAssertionErrorOrLinkageErrorFromAHandlerIsRetriedLikeAnException() {
        AtomicInteger calls = new AtomicInteger();
        JdbcInbox inbox = inbox((event, context) -> {
            if (calls.incrementAndGet() == 1) {
                throw new AssertionError("invariant broken");
            }
            throw new NoClassDefFoundError("com/example/Missing");
        });
        inbox.store(Deliveries.inbound(1));
        assertThat(inbox.runOnce()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE state = 'PENDING' AND last_error = 'java.lang.AssertionError: invariant broken'"))
                .isEqualTo(1);
        shift.addAndGet(Duration.ofHours(1).toMillis());
        assertThat(inbox.runOnce()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE last_error = 'java.lang.NoClassDefFoundError: com/example/Missing'"))
                .isEqualTo(1);
    }

    @Test
    void requeueAllPutsEveryDeadLetterBackInLine() {
        AtomicBoolean failing = new AtomicBoolean(true);
        JdbcInbox inbox = builder().retryPolicy(new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .vendor(Deliveries.REVONT, (event, context) -> {
                    if (failing.get()) {
                        throw new java.io.IOException("down");
                    }
                }).build();
        for (int i = 0; i < 3; i++) {
            inbox.store(Deliveries.inbound(i));
        }
        assertThat(inbox.runOnce()).isEqualTo(3);
        assertThat(inbox.countDeadLetters()).isEqualTo(3);
        assertThat(inbox.deadLetters(2)).hasSize(2);

        failing.set(false);
        assertThat(inbox.requeueAllDeadLetters()).isEqualTo(3);
        assertThat(inbox.backlog()).isEqualTo(3);
        assertThat(inbox.runOnce()).isEqualTo(3);
        assertThat(inbox.countDeadLetters()).isZero();
    }

    @Test
    void aDeliveryWhoseWorkerDiedIsTakenAgainWhenItsLeaseEndsByTheDatabaseClock() throws Exception {
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        JdbcInbox inbox = builder().lease(Duration.ofSeconds(60))
                .vendor(Deliveries.REVONT, (event, context) -> attempts.add(context.attempt())).build();
        inbox.store(Deliveries.inbound(1));

        assertThat(inbox.claim("dead-worker")).hasSize(1); // taken, never settled: its worker died
        assertThat(inbox.runOnce()).as("still leased").isZero();
        assertThat(inbox.oldestDueAge()).isEmpty();
        shift.addAndGet(59_000);
        assertThat(inbox.runOnce()).as("still leased a second before the end").isZero();
        shift.addAndGet(1_500);
        assertThat(inbox.runOnce()).isEqualTo(1);
        assertThat(attempts).containsExactly(2);
    }

    @Test
    void rowsOfABatchNotStartedWithinHalfTheLeaseAreHandedBack() {
        AtomicLong nanos = new AtomicLong();
        AtomicInteger calls = new AtomicInteger();
        JdbcInbox inbox = builder().lease(Duration.ofSeconds(60)).batchSize(3).ticker(nanos::get)
                .vendor(Deliveries.REVONT, (event, context) -> {
                    calls.incrementAndGet();
                    nanos.addAndGet(Duration.ofSeconds(calls.get() == 1 ? 29 : 2).toNanos()); // slow handlers
                }).build();
        for (int i = 0; i < 3; i++) {
            inbox.store(Deliveries.inbound(i));
        }

        assertThat(inbox.runOnce()).isEqualTo(3);
        assertThat(calls).as("the first at 0 s, the second at 29 s, the third not at 31 s").hasValue(2);
        assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE state = 'PENDING' AND attempts = 0 AND lease_token IS NULL"))
                .isEqualTo(1);
        assertThat(inbox.runOnce()).isEqualTo(1);
        assertThat(calls).hasValue(3);
    }

    @Test
    void aDeliveryThatKeepsKillingItsWorkerEndsAsADeadLetter() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        JdbcInbox inbox = builder().lease(Duration.ofSeconds(10))
                .retryPolicy(new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .vendor(Deliveries.REVONT, (event, context) -> calls.incrementAndGet()).build();
        inbox.store(Deliveries.inbound(1));
        for (int i = 0; i < 2; i++) {
            assertThat(inbox.claim("dying-" + i)).hasSize(1);
            shift.addAndGet(11_000);
        }
        assertThat(inbox.runOnce()).isEqualTo(1);
        assertThat(calls).hasValue(0);
        DeadLetter letter = inbox.deadLetters(1).get(0);
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.lastError()).startsWith("lease expired 2 times");
    }

    // ------------------------------------------------------------------ exactly once in the inbox's transaction

    @Test
    void aHandlerWritingInTheInboxTransactionThenFailingLeavesNoWriteBehind() {
        AtomicBoolean failing = new AtomicBoolean(true);
        JdbcInbox inbox = inbox((event, context) -> {
            try (PreparedStatement insert = context.connection().prepareStatement("INSERT INTO " + appTable + " VALUES (?)")) {
                insert.setString(1, context.deliveryKey());
                insert.executeUpdate();
            }
            if (failing.get()) {
                throw new IllegalStateException("after the write");
            }
        });
        inbox.store(Deliveries.inbound(1));

        assertThat(inbox.runOnce()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM " + appTable)).isZero();
        assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE state = 'PENDING' AND attempts = 1")).isEqualTo(1);

        failing.set(false);
        shift.addAndGet(Duration.ofHours(1).toMillis());
        assertThat(inbox.runOnce()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM " + appTable)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE state = 'DONE'")).isEqualTo(1);
    }

    @Test
    void aHandlerWhoseLeaseWasTakenOverHasItsTransactionRolledBack() {
        AtomicInteger run = new AtomicInteger();
        JdbcInbox inbox = builder().lease(Duration.ofSeconds(5)).vendor(Deliveries.REVONT, (event, context) -> {
            try (PreparedStatement insert = context.connection().prepareStatement("INSERT INTO " + appTable + " VALUES (?)")) {
                insert.setString(1, "run-" + run.incrementAndGet());
                insert.executeUpdate();
            }
            if (run.get() == 1) {
                // the lease ends while this handler runs, and another worker takes the row
                shift.addAndGet(6_000);
                try (Connection other = dataSource().getConnection();
                     PreparedStatement steal = other.prepareStatement("UPDATE " + table + " SET lease_token = 'other'")) {
                    steal.executeUpdate();
                    if (!other.getAutoCommit()) {
                        other.commit();
                    }
                }
            }
        }).build();
        inbox.store(Deliveries.inbound(1));

        assertThat(inbox.runOnce()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM " + appTable)).as("the late handler's write is rolled back").isZero();
        assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE state = 'DONE'")).isZero();
    }

    // ------------------------------------------------------------------ operate

    @Test
    void backlogOldestDueAgeAndPurge() {
        JdbcInbox inbox = inbox((event, context) -> { });
        assertThat(inbox.backlog()).isZero();
        assertThat(inbox.oldestDueAge()).isEmpty();
        for (int i = 0; i < 3; i++) {
            inbox.store(Deliveries.inbound(i));
        }
        assertThat(inbox.backlog()).isEqualTo(3);
        shift.addAndGet(90_000);
        assertThat(inbox.oldestDueAge()).hasValueSatisfying(age -> assertThat(age).isBetween(Duration.ofSeconds(90),
                Duration.ofSeconds(120)));

        assertThat(inbox.runOnce()).isEqualTo(3);
        assertThat(inbox.backlog()).isZero();
        assertThat(inbox.oldestDueAge()).isEmpty();
        assertThat(inbox.purgeCompleted(Duration.ofHours(1), 10)).isZero();
        shift.addAndGet(Duration.ofHours(2).toMillis());
        assertThat(inbox.purgeCompleted(Duration.ofHours(1), 2)).isEqualTo(2);
        assertThat(inbox.purgeCompleted(Duration.ofHours(1), 2)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM " + table)).isZero();
    }

    @Test
    void purgeNeverDeletesDeadLettersOrPendingRows() {
        JdbcInbox inbox = inbox((event, context) -> { });
        inbox.store(Deliveries.inbound(1));
        inbox.store(Deliveries.unparseable(Deliveries.body(2), "bad"));
        shift.addAndGet(Duration.ofDays(30).toMillis());
        assertThat(inbox.purgeCompleted(Duration.ZERO, 100)).isZero();
        assertThat(count("SELECT COUNT(*) FROM " + table)).isEqualTo(2);
    }

    @Test
    void shutdownFinishesTheRunningHandlerAndHandsUnstartedDeliveriesBack() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        JdbcInbox inbox = builder().workers(1).batchSize(5).pollInterval(Duration.ofMillis(50))
                .vendor(Deliveries.REVONT, (event, context) -> {
                    calls.incrementAndGet();
                    entered.countDown();
                    release.await();
                }).build();
        for (int i = 0; i < 5; i++) {
            inbox.store(Deliveries.inbound(i));
        }
        inbox.start();
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> inbox.shutdown(Duration.ofSeconds(30)));
        Await.until("stopping", Duration.ofSeconds(10), inbox::stopping);
        release.countDown();
        assertThat(stopped.get(30, TimeUnit.SECONDS)).isTrue();

        assertThat(calls).hasValue(1);
        assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE state = 'DONE'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE state = 'PENDING' AND attempts = 0 AND lease_token IS NULL"))
                .as("handed back, attempt not counted").isEqualTo(4);
        assertThat(inbox.oldestDueAge()).isPresent();
    }

    @Test
    void workersProcessEverythingStored() {
        List<String> handled = new CopyOnWriteArrayList<>();
        JdbcInbox inbox = builder().workers(3).batchSize(4).pollInterval(Duration.ofMillis(20))
                .vendor(Deliveries.REVONT, (event, context) -> handled.add(Deliveries.callId(event))).build();
        inbox.start();
        try {
            for (int i = 0; i < 50; i++) {
                inbox.store(Deliveries.inbound(i));
            }
            Await.until("all handled", Duration.ofSeconds(60), () -> handled.size() >= 50);
        } finally {
            assertThat(inbox.shutdown(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(handled).hasSize(50).doesNotHaveDuplicates();
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void anUnreachableDatabaseIsInboxUnavailableNamingTheOperation() {
        org.h2.jdbcx.JdbcDataSource nowhere = new org.h2.jdbcx.JdbcDataSource();
        nowhere.setURL("jdbc:h2:tcp://127.0.0.1:1/nowhere");
        JdbcInbox inbox = JdbcInbox.builder(nowhere).dialect(dialect()).build();
        assertThatThrownBy(() -> inbox.store(Deliveries.inbound(1))).isInstanceOf(InboxUnavailableException.class)
                .hasMessageStartingWith("inbox revhooks_inbox: store failed").hasCauseInstanceOf(SQLException.class)
                .hasMessageNotContaining(Deliveries.SECRET.id());
        assertThatThrownBy(inbox::backlog).isInstanceOf(InboxUnavailableException.class).hasMessageContaining("backlog failed");
        assertThatThrownBy(inbox::countDeadLetters).isInstanceOf(InboxUnavailableException.class)
                .hasMessageContaining("countDeadLetters failed");
        assertThatThrownBy(() -> inbox.deadLetters(1)).isInstanceOf(InboxUnavailableException.class)
                .hasMessageContaining("deadLetters failed");
        assertThatThrownBy(() -> inbox.requeue(1)).isInstanceOf(InboxUnavailableException.class).hasMessageContaining("requeue failed");
        assertThatThrownBy(inbox::requeueAllDeadLetters).isInstanceOf(InboxUnavailableException.class)
                .hasMessageContaining("requeueAllDeadLetters failed");
        assertThatThrownBy(() -> inbox.purgeCompleted(Duration.ZERO, 1)).isInstanceOf(InboxUnavailableException.class)
                .hasMessageContaining("purgeCompleted failed");
        assertThatThrownBy(inbox::oldestDueAge).isInstanceOf(InboxUnavailableException.class).hasMessageContaining("oldestDueAge failed");
        assertThatThrownBy(inbox::runOnce).isInstanceOf(InboxUnavailableException.class).hasMessageContaining("take deliveries failed");
        assertThatThrownBy(() -> JdbcInbox.builder(nowhere).build()).isInstanceOf(InboxUnavailableException.class)
                .hasMessageContaining("set-up failed");
    }

    @Test
    void aMissingTableIsInboxUnavailable() {
        JdbcInbox inbox = JdbcInbox.builder(dataSource()).table("no_such_inbox").build();
        assertThatThrownBy(() -> inbox.store(Deliveries.inbound(1))).isInstanceOf(InboxUnavailableException.class)
                .hasMessageStartingWith("inbox no_such_inbox: store failed");
    }

    @Test
    void settingsOutOfRangeAreRefusedNamingTheSetting() {
        JdbcInbox.Builder builder = JdbcInbox.builder(dataSource());
        assertThatThrownBy(() -> builder.table("bad name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table name must match");
        assertThatThrownBy(() -> builder.lease(Duration.ofMillis(999))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lease must be at least 1 second");
        assertThatThrownBy(() -> builder.batchSize(0)).hasMessage("batchSize must be 1 to 1000");
        assertThatThrownBy(() -> builder.batchSize(1001)).hasMessage("batchSize must be 1 to 1000");
        assertThatThrownBy(() -> builder.workers(0)).hasMessage("workers must be 1 to 256");
        assertThatThrownBy(() -> builder.workers(257)).hasMessage("workers must be 1 to 256");
        assertThatThrownBy(() -> builder.pollInterval(Duration.ofMillis(9))).hasMessage("pollInterval must be 10 ms to 1 minute");
        assertThatThrownBy(() -> builder.pollInterval(Duration.ofSeconds(61))).hasMessage("pollInterval must be 10 ms to 1 minute");
        builder.vendor(Deliveries.REVONT, (event, context) -> { });
        assertThatThrownBy(() -> builder.vendor(Deliveries.REVONT, (event, context) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("vendor revont is registered already");

        JdbcInbox inbox = inbox((event, context) -> { });
        assertThatThrownBy(() -> inbox.deadLetters(0)).isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be 1 to 10000");
        assertThatThrownBy(() -> inbox.purgeCompleted(Duration.ofSeconds(-1), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retention must not be negative");
        assertThatThrownBy(() -> inbox.purgeCompleted(Duration.ZERO, 100_001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be 1 to 100000");

        JdbcInbox ingestOnly = JdbcInbox.builder(dataSource()).table(table).build();
        assertThatThrownBy(ingestOnly::start).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("no vendor registered");
        assertThat(ingestOnly.store(Deliveries.inbound(3))).isTrue();
        inbox.start();
        try {
            assertThatThrownBy(inbox::start).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the inbox's workers were started already");
        } finally {
            inbox.shutdown(Duration.ofSeconds(10));
        }
        assertThat(inbox.toString()).contains(dialect().name(), table.sql(), "revont");
        assertThat(inbox.dialect()).isEqualTo(dialect());
    }

    @Test
    void theMigrationRenamesTheTableItsIndexesAndItsConstraint() {
        List<String> statements = JdbcInbox.ddl(TableName.of("hooks_in"));
        assertThat(statements).hasSize(3);
        assertThat(String.join("\n", statements)).contains("CREATE TABLE IF NOT EXISTS hooks_in (", "hooks_in_key_uq",
                "hooks_in_due_idx ON hooks_in", "hooks_in_completed_idx ON hooks_in").doesNotContain("revhooks_inbox", "--");
    }

    // ------------------------------------------------------------------ helpers

    /** Milliseconds from the database's (shifted) now to the single row's due time. */
    private long dueInMillis() throws SQLException {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT due_at, CURRENT_TIMESTAMP FROM " + table);
             ResultSet rs = query.executeQuery()) {
            rs.next();
            OffsetDateTime due = rs.getObject(1, OffsetDateTime.class);
            OffsetDateTime now = rs.getObject(2, OffsetDateTime.class);
            return Duration.between(now, due).toMillis() - shift.get();
        }
    }

    private long count(String query) {
        return Deliveries.count(dataSource(), query);
    }

    /** A receiver whose parse reads headers, as RevRag's does: the event is what the headers said. */
    static final class HeaderReader implements WebhookReceiver<String> {
        @Override
        public String vendor() {
            return "headers";
        }

        @Override
        public BodyLimit bodyLimit() {
            return BodyLimit.DEFAULT;
        }

        @Override
        public Authentication verify(WebhookRequest request) {
            return Authentication.none();
        }

        @Override
        public String parse(WebhookRequest verifiedRequest) throws WebhookPayloadException {
            Map<String, List<String>> seen = Map.of("multi", verifiedRequest.headers().all("x-multi"));
            return verifiedRequest.headers().first("X-WEBHOOK-EVENT") + "|" + seen.get("multi") + "|"
                    + verifiedRequest.headers().first("x-api-key");
        }

        @Override
        public VerifiedDelivery<String> receive(WebhookRequest request) throws WebhookPayloadException {
            return VerifiedDelivery.withDefaultKey("headers", "t", parse(request), verify(request), request.body());
        }
    }
}
