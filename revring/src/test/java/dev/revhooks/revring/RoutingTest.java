package dev.revhooks.revring;

import static dev.revhooks.revring.Fixtures.COMPLETED;
import static dev.revhooks.revring.Fixtures.KEY;
import static dev.revhooks.revring.Fixtures.PRE_CALL;
import static dev.revhooks.revring.Fixtures.assertPayloadError;
import static dev.revhooks.revring.Fixtures.assertRejected;
import static dev.revhooks.revring.Fixtures.json;
import static dev.revhooks.revring.Fixtures.keyed;
import static dev.revhooks.revring.Fixtures.receiver;
import static dev.revhooks.revring.Fixtures.resource;
import static dev.revhooks.revring.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.Authentication;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which webhook a body is, and endpoints pinned to one webhook. */
class RoutingTest {

    private static final byte[] POST_CALL_BODY = resource(COMPLETED);
    private static final byte[] PRE_CALL_BODY = resource(PRE_CALL);

    private final RevRingWebhooks both = receiver();
    private final RevRingWebhooks postCallOnly = RevRingWebhooks.builder().apiKey(KEY).serving(RevRingEventType.POST_CALL).build();
    private final RevRingWebhooks preCallOnly = RevRingWebhooks.builder().apiKey(KEY).serving(RevRingEventType.PRE_CALL).build();

    @Test
    void byDefaultOneEndpointTellsTheTwoWebhooksApartByTheEventField() throws Exception {
        assertThat(both.receive(keyed(POST_CALL_BODY)).event()).isInstanceOf(RevRingEvent.PostCall.class);
        assertThat(both.receive(keyed(PRE_CALL_BODY)).event()).isInstanceOf(RevRingEvent.PreCall.class);
        assertThat(both.toString()).contains("pre_call and post_call");
    }

    @Test
    void anEventNamedPostCallIsAPostCall() throws Exception {
        ObjectNode body = tree(COMPLETED).put("event", "post_call");
        assertThat(both.receive(keyed(json(body))).event().type()).isEqualTo(RevRingEventType.POST_CALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"call_started", "PRE_CALL", "pre-call", "", "pre_call "})
    void anyOtherEventNameIsAnUnknownEventKeptWhole(String name) throws Exception {
        ObjectNode tree = tree(PRE_CALL).put("event", name);
        byte[] body = json(tree);
        VerifiedDelivery<RevRingEvent> delivery = both.receive(keyed(body));
        assertThat(delivery.event()).isEqualTo(new RevRingEvent.Unknown(name, tree));
        assertThat(delivery.event().type()).isEqualTo(RevRingEventType.UNKNOWN);
        assertThat(delivery.deliveryKey()).isEqualTo(DeliveryKey.of("revring", name, body));
        // an unknown event is never a mismatch, on either pinned endpoint
        assertThat(postCallOnly.receive(keyed(body)).event()).isInstanceOf(RevRingEvent.Unknown.class);
        assertThat(preCallOnly.parse(keyed(body))).isInstanceOf(RevRingEvent.Unknown.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "1", "true", "{}", "[\"pre_call\"]"})
    void anEventThatIsNotAStringIsAPayloadError(String value) throws Exception {
        String preCall = new String(PRE_CALL_BODY, StandardCharsets.UTF_8);
        byte[] body = preCall.replace("\"event\":\"pre_call\"", "\"event\":" + value).getBytes(StandardCharsets.UTF_8);
        assertThat(body).isNotEqualTo(PRE_CALL_BODY);
        assertPayloadError(() -> both.receive(keyed(body)), body, "event");
    }

    @Test
    void aPinnedEndpointRejectsTheOtherWebhookAsAMismatch() throws Exception {
        assertThat(postCallOnly.receive(keyed(POST_CALL_BODY)).event().type()).isEqualTo(RevRingEventType.POST_CALL);
        assertThat(preCallOnly.receive(keyed(PRE_CALL_BODY)).event().type()).isEqualTo(RevRingEventType.PRE_CALL);
        assertRejected(() -> postCallOnly.receive(keyed(PRE_CALL_BODY)), FailureReason.EVENT_TYPE_MISMATCH);
        assertRejected(() -> preCallOnly.receive(keyed(POST_CALL_BODY)), FailureReason.EVENT_TYPE_MISMATCH);
        assertThatThrownBy(() -> postCallOnly.receive(keyed(PRE_CALL_BODY)))
                .hasMessageContaining("serves the post_call webhook").hasMessageContaining("pre_call");
        assertThat(FailureReason.EVENT_TYPE_MISMATCH.httpStatus()).isEqualTo(400);
        assertThat(preCallOnly.toString()).contains("serving=pre_call");
    }

    @Test
    void theMismatchIsFoundBeforeTheBodyIsConverted() {
        // a pre-call body lacking its required fields is still a mismatch at a post-call endpoint
        ObjectNode body = tree(PRE_CALL);
        body.remove("agentId");
        assertRejected(() -> postCallOnly.receive(keyed(json(body))), FailureReason.EVENT_TYPE_MISMATCH);
    }

    @Test
    void parseReportsAMismatchAsAPayloadErrorCarryingTheBody() throws Exception {
        assertPayloadError(() -> postCallOnly.parse(keyed(PRE_CALL_BODY)), PRE_CALL_BODY, "serves the post_call webhook");
        assertThat(preCallOnly.parse(keyed(PRE_CALL_BODY))).isInstanceOf(RevRingEvent.PreCall.class);
    }

    @Test
    void theMismatchIsCheckedOnlyAfterAuthentication() {
        assertRejected(() -> postCallOnly.receive(WebhookRequest.of(PRE_CALL_BODY, Map.of("x-api-key", "wrong"))),
                FailureReason.SIGNATURE_MISMATCH);
    }

    @Test
    void anEndpointServesADocumentedWebhook() {
        assertThatThrownBy(() -> RevRingWebhooks.builder().serving(RevRingEventType.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"pre_call\"", "", "{\"event\":\"pre_call\"", "{\"event\":\"pre_call\",\"event\":\"x\"}"})
    void aBodyThatIsNotOneJsonObjectIsAPayloadError(String text) throws Exception {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        Authentication keyed = both.verify(keyed(body));
        assertThatThrownBy(() -> both.receive(keyed(body))).isInstanceOfSatisfying(WebhookPayloadException.class, e -> {
            assertThat(e.rawBody()).isSameAs(body);
            assertThat(e.authentication()).as("receive says how it was authenticated").contains(keyed);
        });
        assertThatThrownBy(() -> both.parse(keyed(body))).isInstanceOfSatisfying(WebhookPayloadException.class,
                e -> assertThat(e.authentication()).as("parse verified nothing").isEmpty());
    }
}
