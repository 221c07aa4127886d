package dev.revhooks.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.WebhookHeaders;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InboundDeliveryTest {

    private static final byte[] BODY = "{\"secret_marker\":\"PII-5521\"}".getBytes(StandardCharsets.UTF_8);
    private static final DeliveryKey KEY = DeliveryKey.of("revont", "summary.ready", BODY);

    @Test
    void aParsedDeliveryHasNoParseFailure() {
        InboundDelivery delivery = InboundDelivery.parsed("revont", KEY, "summary.ready", Authentication.hmacSignature("s1"),
                BODY, WebhookHeaders.empty());
        assertThat(delivery.isParsed()).isTrue();
        assertThat(delivery.parseFailure()).isNull();
        assertThat(delivery.rawBody()).isSameAs(BODY);
        assertThat(delivery.toString()).isEqualTo("InboundDelivery[revont, " + KEY + ", summary.ready, " + BODY.length + " bytes]");
    }

    @Test
    void anUnparseableDeliveryCarriesItsReasonAndNeverShowsItsBody() {
        InboundDelivery delivery = new InboundDelivery("revont", KEY, "unparseable", Authentication.requestGuards(), BODY,
                WebhookHeaders.empty(), "data is missing");
        assertThat(delivery.isParsed()).isFalse();
        assertThat(delivery.toString()).endsWith(", unparseable]").doesNotContain("PII-5521");
    }

    @Test
    void everyRequiredPartIsNamedWhenMissing() {
        Authentication auth = Authentication.none();
        WebhookHeaders headers = WebhookHeaders.empty();
        assertThatThrownBy(() -> new InboundDelivery(null, KEY, "t", auth, BODY, headers, null)).hasMessage("vendor");
        assertThatThrownBy(() -> new InboundDelivery("v", null, "t", auth, BODY, headers, null)).hasMessage("deliveryKey");
        assertThatThrownBy(() -> new InboundDelivery("v", KEY, null, auth, BODY, headers, null)).hasMessage("eventType");
        assertThatThrownBy(() -> new InboundDelivery("v", KEY, "t", null, BODY, headers, null)).hasMessage("authentication");
        assertThatThrownBy(() -> new InboundDelivery("v", KEY, "t", auth, null, headers, null)).hasMessage("rawBody");
        assertThatThrownBy(() -> new InboundDelivery("v", KEY, "t", auth, BODY, null, null)).hasMessage("headers");
    }

    @Test
    void anUnavailableInboxKeepsItsCause() {
        IllegalStateException cause = new IllegalStateException("driver");
        InboxUnavailableException e = new InboxUnavailableException("inbox t: store failed", cause);
        assertThat(e).hasMessage("inbox t: store failed").hasCause(cause);
    }
}
