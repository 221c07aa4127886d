package dev.revhooks.demo;

import dev.revhooks.core.WebhookReceiver;
import dev.revhooks.core.guard.PathTokenGuard;
import dev.revhooks.core.replay.InMemoryReplayGuard;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.revdesk.RevDeskEvent;
import dev.revhooks.revdesk.RevDeskEventType;
import dev.revhooks.revdesk.RevDeskWebhooks;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontWebhooks;
import dev.revhooks.revrag.RevRagEvent;
import dev.revhooks.revrag.RevRagWebhooks;
import dev.revhooks.revring.PreCallAnswer;
import dev.revhooks.revring.PreCallRequest;
import dev.revhooks.revring.RevRingEvent;
import dev.revhooks.revring.RevRingEventType;
import dev.revhooks.revring.RevRingWebhooks;
import dev.revhooks.servlet.WebhookFilter;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The demo receiver's URLs: one per vendor webhook, each a {@link WebhookFilter} around that
 * vendor's receiver, built once with the demo secrets, all sharing one {@link InMemoryReplayGuard}
 * (delivery keys start with the vendor's name, so they never collide).
 */
final class Endpoints {

    static final String REVONT = "/hooks/revont";
    static final String REVRAG = "/hooks/revrag";
    static final String REVRING_POST_CALL = "/hooks/revring/post-call";
    static final String REVRING_PRE_CALL = "/hooks/revring/pre-call";
    static final String REVDESK_NUMBER_PURCHASED = "/hooks/revdesk/number_purchased";
    /** Followed by {@code /} and the secret path token. */
    static final String REVDESK_CALL_VOICEMAIL = "/hooks/revdesk/call_voicemail";
    static final String REVDESK_SMS_DELIVERED = "/hooks/revdesk/sms_delivered";

    private Endpoints() {
    }

    /**
     * Builds every endpoint.
     *
     * @param clock the clock RevRag's timestamp window is checked against
     * @param app receives each typed event and each dead letter
     * @return the endpoints, in the order the demo lists them
     */
    static List<Endpoint> create(Clock clock, Consumer<AppRecord> app) {
        RevontWebhooks revont = RevontWebhooks.builder().secret(DemoSecrets.revont()).build();
        RevRagWebhooks revrag = RevRagWebhooks.builder().secret(DemoSecrets.revrag()).clock(clock).build();
        RevRingWebhooks revringPostCall = revring(RevRingEventType.POST_CALL);
        RevRingWebhooks revringPreCall = revring(RevRingEventType.PRE_CALL);
        RevDeskWebhooks numberPurchased = RevDeskWebhooks.builder()
                .subscribedTo(RevDeskEventType.NUMBER_PURCHASED)
                .secret(DemoSecrets.revdesk())
                .build();
        RevDeskWebhooks callVoicemail = RevDeskWebhooks.builder()
                .subscribedTo(RevDeskEventType.CALL_VOICEMAIL)
                .acceptUnauthenticatedUnsignedEvents()               // RevDesk does not sign call dispositions
                .requestGuard(PathTokenGuard.lastPathSegment(DemoSecrets.revdeskPathToken()))
                .build();
        RevDeskWebhooks smsDelivered = RevDeskWebhooks.builder()   // no opt-in: unsigned SMS events are refused
                .subscribedTo(RevDeskEventType.SMS_DELIVERED)
                .secret(DemoSecrets.revdesk())
                .build();

        Wiring wiring = new Wiring(InMemoryReplayGuard.builder().clock(clock).build(), app);
        return List.of(
                wiring.endpoint(REVONT, "all five events", "X-Revont-Signature: sha256=<HMAC-SHA256 of the body>",
                        revont, RevontEvent.class, TypedFields::of, noAnswer()),
                wiring.endpoint(REVRAG, "call.ended", "X-Webhook-Signature: t=<unix s>,v1=<HMAC of \"{t}.{body}\">, 5 min",
                        revrag, RevRagEvent.class, TypedFields::of, noAnswer()),
                wiring.endpoint(REVRING_POST_CALL, "post_call", "x-api-key: <API key>",
                        revringPostCall, RevRingEvent.class, TypedFields::of, noAnswer()),
                wiring.endpoint(REVRING_PRE_CALL, "pre_call, answers with variables", "x-api-key: <API key>",
                        revringPreCall, RevRingEvent.class, TypedFields::of, Endpoints::preCallAnswer),
                wiring.endpoint(REVDESK_NUMBER_PURCHASED, "number_purchased",
                        "X-revdesk-Signature-256: <HMAC-SHA256 of the body>",
                        numberPurchased, RevDeskEvent.class, TypedFields::of, noAnswer()),
                wiring.endpoint(REVDESK_CALL_VOICEMAIL + "/" + Endpoint.TOKEN, "call_voicemail",
                        "unsigned as RevDesk sends it; opted in behind the secret path token",
                        callVoicemail, RevDeskEvent.class, TypedFields::of, noAnswer()),
                wiring.endpoint(REVDESK_SMS_DELIVERED, "sms_delivered",
                        "X-revdesk-Signature-256 required: no opt-in, so unsigned is refused",
                        smsDelivered, RevDeskEvent.class, TypedFields::of, noAnswer()));
    }

    private static RevRingWebhooks revring(RevRingEventType webhook) {
        return RevRingWebhooks.builder().apiKey(DemoSecrets.revring()).serving(webhook).build();
    }

    /** RevRing merges the answer's variables into the agent's variables for the call. */
    private static byte[] preCallAnswer(RevRingEvent event) {
        if (!(event instanceof RevRingEvent.PreCall preCall)) {
            return null;
        }
        PreCallRequest call = preCall.request();
        return PreCallAnswer.builder()
                .variable("callerNumber", call.fromNumber())
                .variable("directDial", call.dialedAgentId() != null)
                .build()
                .toJson();
    }

    private static <E> Function<E, byte[]> noAnswer() {
        return event -> null;
    }

    /** What every endpoint shares: the replay guard and the app. */
    private record Wiring(ReplayGuard replayGuard, Consumer<AppRecord> app) {

        <E> Endpoint endpoint(String path, String webhook, String authentication, WebhookReceiver<E> receiver,
                              Class<E> eventType, Function<E, String> typedFields, Function<E, byte[]> answer) {
            WebhookFilter<E> filter = WebhookFilter.builder(receiver)
                    .replayGuard(replayGuard)
                    .onUnparseableDelivery(delivery -> app.accept(AppRecord.deadLetter(delivery)))
                    .build();
            return new Endpoint(path, receiver.vendor(), webhook, authentication, filter,
                    new AppServlet<>(receiver.vendor(), eventType, typedFields, answer, app));
        }
    }
}
