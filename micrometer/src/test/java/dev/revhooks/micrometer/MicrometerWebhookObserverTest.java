package dev.revhooks.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WireValue;
import dev.revhooks.core.observe.AdapterOutcome;
import dev.revhooks.core.observe.DeliveryObservation;
import dev.revhooks.revont.RevontEventType;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The observer driven directly through core's interface: every outcome's tags, the timers, the bounds of the tag values. */
class MicrometerWebhookObserverTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerWebhookObserver observer = MicrometerWebhookObserver.of(registry);

    @ParameterizedTest
    @EnumSource(AdapterOutcome.class)
    void eachAdapterOutcomeIsCountedUnderItsLowerCaseNameWithTheKnownEventType(AdapterOutcome outcome) {
        String tag = outcome.name().toLowerCase(Locale.ROOT);
        observer.answered("revont", RevontEventType.SUMMARY_READY, outcome);
        observer.answered("revont", RevontEventType.UNKNOWN, outcome);
        observer.answered("revont", null, outcome);
        observer.answered("revont", null, outcome);

        assertThat(Deliveries.counts(registry)).containsOnly(
                Map.entry(Deliveries.tags("revont", tag, "none", "summary.ready"), 1.0),
                Map.entry(Deliveries.tags("revont", tag, "none", "unknown"), 3.0));
        assertThat(Outcome.of(outcome).tagValue()).isEqualTo(tag);
    }

    @ParameterizedTest
    @EnumSource(FailureReason.class)
    void eachFailureReasonIsItsLowerCaseName(FailureReason reason) {
        DeliveryObservation delivery = observer.start("revrag");
        delivery.rejected(reason, 1_500);

        assertThat(Deliveries.counts(registry)).containsOnly(Map.entry(
                Deliveries.tags("revrag", "rejected", reason.name().toLowerCase(Locale.ROOT), "unknown"), 1.0));
        Timer rejected = registry.get(MicrometerWebhookObserver.VERIFY).tag("vendor", "revrag").tag("result", "rejected").timer();
        assertThat(rejected.count()).isEqualTo(1);
        assertThat(rejected.totalTime(TimeUnit.NANOSECONDS)).isEqualTo(1_500);
    }

    @Test
    void anEventTypeThatIsNotAVendorEnumConstantIsUnknownWhateverItsWireName() {
        WireValue chosenBySender = () -> "attacker-chosen-" + System.nanoTime();
        DeliveryObservation delivery = observer.start("revont");
        delivery.verified(Authentication.hmacSignature("current"), 10);
        delivery.accepted(chosenBySender, 20);
        observer.answered("revont", chosenBySender, AdapterOutcome.DUPLICATE);

        assertThat(Deliveries.counts(registry)).containsOnly(
                Map.entry(Deliveries.tags("revont", "accepted", "none", "unknown"), 1.0),
                Map.entry(Deliveries.tags("revont", "duplicate", "none", "unknown"), 1.0));
    }

    @Test
    void verifyAndParseTimesAreRecordedPerVendor() {
        DeliveryObservation delivery = observer.start("revring");
        delivery.verified(Authentication.sharedKey("key-1"), 4_000);
        delivery.accepted(RevontEventType.CALL_ENDED, 9_000);
        DeliveryObservation broken = observer.start("revring");
        broken.verified(Authentication.sharedKey("key-1"), 5_000);
        broken.unparseable(7_000);

        Timer verified = registry.get(MicrometerWebhookObserver.VERIFY).tag("vendor", "revring").tag("result", "passed").timer();
        Timer parsed = registry.get(MicrometerWebhookObserver.PARSE).tag("vendor", "revring").tag("result", "parsed").timer();
        Timer unparseable = registry.get(MicrometerWebhookObserver.PARSE).tag("vendor", "revring").tag("result", "unparseable")
                .timer();
        assertThat(verified.count()).isEqualTo(2);
        assertThat(verified.totalTime(TimeUnit.NANOSECONDS)).isEqualTo(9_000);
        assertThat(parsed.totalTime(TimeUnit.NANOSECONDS)).isEqualTo(9_000);
        assertThat(unparseable.totalTime(TimeUnit.NANOSECONDS)).isEqualTo(7_000);
        assertThat(Deliveries.timed(registry, MicrometerWebhookObserver.VERIFY, "revring", "rejected")).isZero();
    }

    @Test
    void aRejectionAfterAuthenticationIsTimedOnceAsPassedAndCountedAsRejected() {
        DeliveryObservation delivery = observer.start("revdesk");
        delivery.verified(Authentication.hmacSignature("current"), 3_000);
        delivery.rejected(FailureReason.EVENT_TYPE_MISMATCH, 8_000);

        assertThat(Deliveries.timed(registry, MicrometerWebhookObserver.VERIFY, "revdesk", "passed")).isEqualTo(1);
        assertThat(Deliveries.timed(registry, MicrometerWebhookObserver.VERIFY, "revdesk", "rejected")).isZero();
        assertThat(Deliveries.counts(registry)).containsOnly(
                Map.entry(Deliveries.tags("revdesk", "rejected", "event_type_mismatch", "unknown"), 1.0));
    }

    @Test
    void timersPublishAPercentileHistogramFromOneMicrosecondToTenSecondsUnlessTurnedOff() {
        assertThat(timerConfigs(true)).hasSize(4).allSatisfy(config -> {
            assertThat(config.isPercentileHistogram()).isTrue();
            assertThat(config.getMinimumExpectedValueAsDouble()).isEqualTo(1_000.0);
            assertThat(config.getMaximumExpectedValueAsDouble()).isEqualTo(10e9);
        });
        assertThat(timerConfigs(false)).hasSize(4).allSatisfy(config -> assertThat(config.isPercentileHistogram()).isFalse());
    }

    /** The histogram settings one vendor's four timers are registered with. */
    private static List<DistributionStatisticConfig> timerConfigs(boolean percentileHistogram) {
        MeterRegistry registry = new SimpleMeterRegistry();
        List<DistributionStatisticConfig> configs = new ArrayList<>();
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() == Meter.Type.TIMER) {
                    configs.add(config);
                }
                return config;
            }
        });
        MicrometerWebhookObserver.builder(registry).percentileHistogram(percentileHistogram).build().start("revont");
        return configs;
    }

    @Test
    void arrivalOutcomesPartitionTheRequestsAndFollowUpsAddToAnAcceptedOne() {
        assertThat(Arrays.stream(Outcome.values()).filter(Outcome::arrival).map(Outcome::tagValue).collect(Collectors.toList()))
                .containsExactly("accepted", "rejected", "unparseable", "method_not_allowed", "body_unreadable");
        assertThat(Arrays.stream(Outcome.values()).filter(o -> !o.arrival()).map(Outcome::tagValue).collect(Collectors.toList()))
                .containsExactly("duplicate", "in_progress", "store_unavailable", "handler_failed");
    }

    @Test
    void aRegistryIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> MicrometerWebhookObserver.of(null)).withMessage("registry");
        assertThatNullPointerException().isThrownBy(() -> MicrometerWebhookObserver.builder(registry).observationRegistry(null))
                .withMessage("observations");
        assertThatNullPointerException().isThrownBy(() -> observer.start(null)).withMessage("vendor");
    }
}
