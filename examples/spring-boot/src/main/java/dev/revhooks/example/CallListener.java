package dev.revhooks.example;

import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revring.PreCallAnswer;
import dev.revhooks.revring.RevRingEvent;
import dev.revhooks.spring.boot.autoconfigure.WebhookListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/** Typed listeners: the starter verifies, parses, calls them and answers the vendor. */
// README listener: from here
@Component
class CallListener {
    private static final Log LOG = LogFactory.getLog(CallListener.class);

    @WebhookListener
    void onSummary(RevontEvent.SummaryReady summary, VerifiedDelivery<RevontEvent> delivery) {
        LOG.info("summary of " + summary.data().callId() + " at " + summary.data().summaryUrl()
                + " (signed with " + delivery.authentication().credentialId() + ")");
    }

    @WebhookListener
    void onNewRevontEvent(RevontEvent.Unknown unknown) {
        LOG.info("Revont sent an event this version does not know: " + unknown.event());
    }

    @WebhookListener
    PreCallAnswer onPreCall(RevRingEvent.PreCall preCall) {
        boolean vip = preCall.request().fromNumber().endsWith("0123");
        return PreCallAnswer.builder().variable("vip", vip).build();
    }
}
// README listener: to here
