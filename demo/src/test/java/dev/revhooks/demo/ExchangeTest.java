package dev.revhooks.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WebhookRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an answer and what reached the app are read, including answers the demo never expects. */
class ExchangeTest {

    private static final DemoDelivery DELIVERY = new DemoDelivery("revont", "summary.ready", "genuine", "/hooks/revont",
            WebhookRequest.builder(new byte[] {'{', '}'}).build(), Verdict.accepted(204));
    private static final AppRecord EVENT = new AppRecord(AppRecord.Kind.EVENT, "revont", "SummaryReady call_id=c");

    @Test
    void aRejectionIsReadFromTheFiltersOneLineAnswer() {
        Exchange exchange = Exchange.observe(DELIVERY, new Sender.Answer(401,
                "MISSING_SIGNATURE: the request carries no signature or key (no X-Revont-Signature header)\n"), List.of());

        assertThat(exchange.observed()).isEqualTo(Verdict.rejected(FailureReason.MISSING_SIGNATURE));
        assertThat(exchange.detail()).isEqualTo("no X-Revont-Signature header");
        assertThat(exchange.asExpected()).isFalse();
    }

    @Test
    void aRejectionWithoutDetailShowsTheReasonsDescription() {
        Exchange exchange = Exchange.observe(DELIVERY, new Sender.Answer(401,
                "SIGNATURE_MISMATCH: the signature or key matches no configured secret\n"), List.of());

        assertThat(exchange.detail()).isEqualTo(FailureReason.SIGNATURE_MISMATCH.description());
    }

    @Test
    void anAnswerNamingNoReasonIsShownAsSent() {
        Exchange exchange = Exchange.observe(DELIVERY, new Sender.Answer(405,
                "method not allowed: webhooks are delivered with POST\n"), List.of());

        assertThat(exchange.observed()).isEqualTo(new Verdict(Outcome.REJECTED, 405, null));
        assertThat(exchange.detail()).isEqualTo("method not allowed: webhooks are delivered with POST");
    }

    @Test
    void anAcceptedEventShowsTheAppsRecordAndAnyAnswer() {
        Exchange exchange = Exchange.observe(DELIVERY, new Sender.Answer(200, "{\"variables\":{}}"), List.of(EVENT));

        assertThat(exchange.observed()).isEqualTo(Verdict.accepted(200));
        assertThat(exchange.detail()).isEqualTo("SummaryReady call_id=c answered {\"variables\":{}}");
    }

    @Test
    void anErrorAfterTheAppReceivedTheEventIsInconsistent() {
        Exchange exchange = Exchange.observe(DELIVERY, new Sender.Answer(500, "boom"), List.of(EVENT));

        assertThat(exchange.observed()).isEqualTo(new Verdict(Outcome.INCONSISTENT, 500, null));
        assertThat(exchange.asExpected()).isFalse();
        assertThat(exchange.detail()).contains("the receiver answered boom");
    }

    @Test
    void aDeadLetterIsOnlyA202() {
        AppRecord deadLetter = new AppRecord(AppRecord.Kind.DEAD_LETTER, "revont", "12 raw bytes kept");

        assertThat(Exchange.observe(DELIVERY, new Sender.Answer(202, ""), List.of(deadLetter)).observed())
                .isEqualTo(Verdict.deadLetter());
        assertThat(Exchange.observe(DELIVERY, new Sender.Answer(200, ""), List.of(deadLetter)).observed().outcome())
                .isEqualTo(Outcome.INCONSISTENT);
    }

    @Test
    void aLongAnswerIsCut() {
        Exchange exchange = Exchange.observe(DELIVERY, new Sender.Answer(500, "x".repeat(500)), List.of());

        assertThat(exchange.detail()).hasSize(203).endsWith("...");
    }
}
