package dev.revhooks.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.WebhookReceiver;
import dev.revhooks.micrometer.Vendors.Case;
import dev.revhooks.micrometer.Vendors.Receiving;
import dev.revhooks.micrometer.Vendors.Vendor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real deliveries to the four vendors' real receivers: each outcome increments exactly one
 * {@code revhooks.deliveries} counter, by exactly one, under exactly the expected tags, and is timed
 * once; each delivery is one observation with the same key values.
 */
class VendorReceiversTest {

    static Stream<Arguments> cases() {
        return Vendors.ALL.stream().flatMap(vendor -> vendor.cases().stream().map(c -> Arguments.of(vendor, c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void eachOutcomeOfEachVendorCountsOnceUnderItsTags(Vendor<?> vendor, Case delivery) {
        MeterRegistry registry = new SimpleMeterRegistry();
        MicrometerWebhookObserver observer = MicrometerWebhookObserver.of(registry);
        ObservedReceiver<?> receiver = vendor.observed(observer);

        assertCountedOnce(registry, vendor.name(), delivery, receiver::receive);
        // and again: the second delivery uses the cached counter and still adds exactly one
        assertCountedOnce(registry, vendor.name(), delivery, receiver::receive);
        assertThat(Deliveries.counts(registry)).hasSize(1);
    }

    /** The same deliveries through the vendor builders' own {@code observer(...)}. */
    @ParameterizedTest(name = "{0} {1}, wired through the builder")
    @MethodSource("cases")
    void throughTheVendorBuildersOwnObserverWiring(Vendor<?> vendor, Case delivery) {
        MeterRegistry registry = new SimpleMeterRegistry();
        WebhookReceiver<?> receiver = vendor.wired(MicrometerWebhookObserver.of(registry));

        assertCountedOnce(registry, vendor.name(), delivery, receiver::receive);
        assertCountedOnce(registry, vendor.name(), delivery, receiver::receive);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void eachDeliveryIsOneStoppedObservationWithLowCardinalityKeyValuesOnly(Vendor<?> vendor, Case delivery) {
        TestObservationRegistry observations = TestObservationRegistry.create();
        MicrometerWebhookObserver observer = MicrometerWebhookObserver.builder(new SimpleMeterRegistry())
                .observationRegistry(observations).build();

        Vendor.receiveQuietly(vendor.observed(observer)::receive, delivery.request());

        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsEqualTo(1)
                .hasSingleObservationThat()
                .hasNameEqualTo(MicrometerWebhookObserver.OBSERVATION)
                .hasContextualNameEqualTo(vendor.name() + " webhook")
                .hasBeenStarted()
                .hasBeenStopped()
                .hasLowCardinalityKeyValue("vendor", vendor.name())
                .hasLowCardinalityKeyValue("outcome", delivery.outcome())
                .hasLowCardinalityKeyValue("reason", delivery.reason())
                .hasLowCardinalityKeyValue("event", delivery.event())
                .hasLowCardinalityKeyValue("credential", delivery.credential())
                .hasLowCardinalityKeyValue("authentication", delivery.verified()
                        ? (vendor.name().equals("revring") ? "shared_key" : "hmac_signature") : "none")
                .doesNotHaveError()
                .satisfies(context -> assertThat(context.getHighCardinalityKeyValues()).isEmpty());
    }

    @Test
    void withoutAnObservationRegistryOrWithANoopOneNothingIsObserved() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        MicrometerWebhookObserver noop = MicrometerWebhookObserver.builder(registry)
                .observationRegistry(io.micrometer.observation.ObservationRegistry.NOOP).build();
        Case accepted = Vendors.REVONT_VENDOR.cases().get(0);
        Vendors.REVONT_VENDOR.observed(noop).receive(accepted.request());
        assertThat(noop.toString()).isEqualTo("MicrometerWebhookObserver[SimpleMeterRegistry]");
        assertThat(Deliveries.counts(registry)).containsExactly(
                Map.entry(Deliveries.tags("revont", "accepted", "none", accepted.event()), 1.0));
    }

    private static void assertCountedOnce(MeterRegistry registry, String vendor, Case delivery, Receiving receiving) {
        Map<Map<String, String>, Double> before = Deliveries.counts(registry);
        long verifyPassed = Deliveries.timed(registry, MicrometerWebhookObserver.VERIFY, vendor, "passed");
        long verifyRejected = Deliveries.timed(registry, MicrometerWebhookObserver.VERIFY, vendor, "rejected");
        long parsed = Deliveries.timed(registry, MicrometerWebhookObserver.PARSE, vendor, "parsed");
        long unparseable = Deliveries.timed(registry, MicrometerWebhookObserver.PARSE, vendor, "unparseable");

        Vendor.receiveQuietly(receiving, delivery.request());

        assertThat(Deliveries.changes(before, Deliveries.counts(registry))).as(delivery.name())
                .containsExactly(Map.entry(Deliveries.tags(vendor, delivery.outcome(), delivery.reason(), delivery.event()), 1.0));
        boolean verified = delivery.verified();
        assertThat(Deliveries.timed(registry, MicrometerWebhookObserver.VERIFY, vendor, "passed"))
                .isEqualTo(verifyPassed + (verified ? 1 : 0));
        assertThat(Deliveries.timed(registry, MicrometerWebhookObserver.VERIFY, vendor, "rejected"))
                .isEqualTo(verifyRejected + (verified ? 0 : 1));
        assertThat(Deliveries.timed(registry, MicrometerWebhookObserver.PARSE, vendor, "parsed"))
                .isEqualTo(parsed + (delivery.outcome().equals("accepted") ? 1 : 0));
        assertThat(Deliveries.timed(registry, MicrometerWebhookObserver.PARSE, vendor, "unparseable"))
                .isEqualTo(unparseable + (delivery.outcome().equals("unparseable") ? 1 : 0));
    }
}
