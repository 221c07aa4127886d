package dev.revhooks.revont;

import static dev.revhooks.revont.Fixtures.EXAMPLE_SECRET;
import static dev.revhooks.revont.Fixtures.GUIDE_EXAMPLE;
import static dev.revhooks.revont.Fixtures.SIGNER;
import static dev.revhooks.revont.Fixtures.assertPayloadError;
import static dev.revhooks.revont.Fixtures.assertRejected;
import static dev.revhooks.revont.Fixtures.envelope;
import static dev.revhooks.revont.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.signature.TimestampTolerance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The opt-in maximum event age, measured from the guide example's signed {@code timestamp}. */
class MaximumEventAgeTest {

    /** The guide example's {@code timestamp}. */
    private static final Instant EVENT_TIME = Instant.parse("2024-09-15T14:32:00Z");
    private static final Duration MAX_AGE = Duration.ofHours(1);
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final TimestampTolerance ONE_HOUR = TimestampTolerance.DEFAULT.withPast(MAX_AGE).withFuture(SKEW);
    private static final WebhookRequest EXAMPLE = SIGNER.sign(GUIDE_EXAMPLE);

    private static RevontWebhooks at(Instant now) {
        return RevontWebhooks.builder().secret(EXAMPLE_SECRET).tolerance(ONE_HOUR)
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    @Test
    void offByDefaultSoAnOldDeliveryIsAccepted() throws Exception {
        RevontWebhooks years = RevontWebhooks.builder().secret(EXAMPLE_SECRET)
                .clock(Clock.fixed(Instant.parse("2031-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
        assertThat(years.receive(EXAMPLE).event().timestamp()).isEqualTo(EVENT_TIME);
    }

    @Test
    void anEventExactlyAsOldAsTheMaximumIsAcceptedAndOneNanosecondOlderIsRejected() throws Exception {
        assertThat(at(EVENT_TIME.plus(MAX_AGE)).receive(EXAMPLE).event().type()).isEqualTo(RevontEventType.SUMMARY_READY);
        assertRejected(() -> at(EVENT_TIME.plus(MAX_AGE).plusNanos(1)).receive(EXAMPLE),
                FailureReason.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(at(EVENT_TIME).receive(EXAMPLE).event().timestamp()).isEqualTo(EVENT_TIME);
    }

    @Test
    void anEventExactlyAtTheFutureEdgeIsAcceptedAndOneNanosecondFurtherIsRejected() throws Exception {
        assertThat(at(EVENT_TIME.minus(SKEW)).receive(EXAMPLE).event().timestamp()).isEqualTo(EVENT_TIME);
        assertRejected(() -> at(EVENT_TIME.minus(SKEW).minusNanos(1)).receive(EXAMPLE),
                FailureReason.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void theEdgeHoldsForFractionalTimestampsToo() throws Exception {
        WebhookRequest request = SIGNER.sign(envelope("call.ended", "2024-09-15T14:32:00.000000001Z", "{}"));
        assertThat(at(EVENT_TIME.plus(MAX_AGE).plusNanos(1)).receive(request).event().type())
                .isEqualTo(RevontEventType.CALL_ENDED);
        assertRejected(() -> at(EVENT_TIME.plus(MAX_AGE).plusNanos(2)).receive(request),
                FailureReason.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void theAgeIsCheckedAfterTheSignatureAndBeforeTheDataIsRead() {
        RevontWebhooks late = at(EVENT_TIME.plus(Duration.ofDays(1)));
        WebhookRequest forged = RevontSigner.of(Secret.of("whsec_forged")).sign(GUIDE_EXAMPLE);
        assertRejected(() -> late.receive(forged), FailureReason.SIGNATURE_MISMATCH);

        byte[] staleWithBadData = envelope("summary.ready", "2024-09-15T14:32:00Z", "{\"coaching_score\":\"high\"}");
        assertRejected(() -> late.receive(SIGNER.sign(staleWithBadData)), FailureReason.TIMESTAMP_OUT_OF_TOLERANCE);
        assertPayloadError(() -> at(EVENT_TIME).receive(SIGNER.sign(staleWithBadData)), staleWithBadData);
    }

    @Test
    void receiveSaysHowAnUnparseableBodyWasAuthenticatedAndParseDoesNot() throws Exception {
        byte[] badTimestamp = utf8("{\"event\":\"call.ended\",\"timestamp\":\"later\",\"data\":{}}");
        byte[] badData = envelope("summary.ready", "2024-09-15T14:32:00Z", "{\"coaching_score\":\"high\"}");
        RevontWebhooks receiver = at(EVENT_TIME);
        for (byte[] body : List.of(badTimestamp, badData)) {
            WebhookRequest request = SIGNER.sign(body);
            Authentication signed = receiver.verify(request);
            assertPayloadError(() -> receiver.receive(request), body).isInstanceOfSatisfying(WebhookPayloadException.class,
                    e -> assertThat(e.authentication()).contains(signed));
            assertPayloadError(() -> receiver.parse(request), body).isInstanceOfSatisfying(WebhookPayloadException.class,
                    e -> assertThat(e.authentication()).isEmpty());
        }
    }

    @Test
    void anEnvelopeWithoutAReadableTimestampIsAPayloadErrorNotAVerificationFailure() {
        byte[] body = utf8("{\"event\":\"call.ended\",\"timestamp\":\"later\",\"data\":{}}");
        assertPayloadError(() -> at(EVENT_TIME).receive(SIGNER.sign(body)), body);
    }

    @Test
    void verifyAndParseAloneDoNotApplyTheAge() throws Exception {
        RevontWebhooks late = at(EVENT_TIME.plus(Duration.ofDays(1)));
        assertThat(late.verify(EXAMPLE).credentialId()).isEqualTo("secret-1");
        assertThat(late.parse(EXAMPLE).timestamp()).isEqualTo(EVENT_TIME);
        assertThat(late.toString()).contains("maximumEventAge=TimestampTolerance[past=PT1H, future=PT5M]");
    }
}
