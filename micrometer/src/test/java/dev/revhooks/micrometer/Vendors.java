package dev.revhooks.micrometer;


import dev.revhooks.core.ReceiverBuilder;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookReceiver;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.WireValue;
import dev.revhooks.core.observe.WebhookObserver;
import dev.revhooks.revdesk.RevDeskEvent;
import dev.revhooks.revdesk.RevDeskEventType;
import dev.revhooks.revdesk.RevDeskSigner;
import dev.revhooks.revdesk.RevDeskWebhooks;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontEventType;
import dev.revhooks.revont.RevontSigner;
import dev.revhooks.revont.RevontWebhooks;
import dev.revhooks.revrag.RevRagEvent;
import dev.revhooks.revrag.RevRagEventType;
import dev.revhooks.revrag.RevRagSigner;
import dev.revhooks.revrag.RevRagWebhooks;
import dev.revhooks.revring.RevRingEvent;
import dev.revhooks.revring.RevRingEventType;
import dev.revhooks.revring.RevRingSigner;
import dev.revhooks.revring.RevRingWebhooks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/** The four vendors' real receivers, and for each a delivery of every outcome with the tags it must be counted under. */
final class Vendors {

    static final Instant NOW = Instant.parse("2026-05-27T03:07:00Z");
    static final Secret REVONT = Secret.of("revont-current", "whsec_metrics_revont_11");
    static final Secret REVRAG = Secret.of("revrag-current", "whsec_metrics_revrag_22");
    static final Secret REVRING = Secret.of("revring-current", "rr_metrics_33");
    static final Secret REVDESK = Secret.of("revdesk-current", "whsec_metrics_revdesk_44");
    static final Secret WRONG = Secret.of("wrong", "not_any_configured_secret");

    /** One delivery and the {@code revhooks.deliveries} tags it is counted under. */
    record Case(String name, WebhookRequest request, String outcome, String reason, String event, String credential) {
        boolean verified() {
            return !credential.equals("none");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One vendor: how to build its receiver (with or without the builder's own observer wiring),
     * how to read an event's type, and its cases.
     */
    record Vendor<E>(String name, Function<WebhookObserver, WebhookReceiver<E>> build, Function<E, WireValue> type,
                     List<Case> cases) {

        @Override
        public String toString() {
            return name;
        }

        /** The receiver driven through {@link ObservedReceiver}, as the observer contract says. */
        ObservedReceiver<E> observed(WebhookObserver observer) {
            return new ObservedReceiver<>(build.apply(null), type, observer);
        }

        /** The receiver built with the vendor builder's own {@code observer(...)}. */
        WebhookReceiver<E> wired(WebhookObserver observer) {
            return build.apply(observer);
        }

        /** Receives with {@code receive} and swallows the library's own exceptions (the verdict is what is counted). */
        static void receiveQuietly(Receiving receiving, WebhookRequest request) {
            try {
                receiving.receive(request);
            } catch (WebhookVerificationException | WebhookPayloadException expected) {
                // counted by the observer
            }
        }
    }

    /** {@code receive}, either of a receiver or of an {@link ObservedReceiver}. */
    @FunctionalInterface
    interface Receiving {
        VerifiedDelivery<?> receive(WebhookRequest request) throws WebhookVerificationException, WebhookPayloadException;
    }

    static final Vendor<RevontEvent> REVONT_VENDOR = new Vendor<>("revont",
            observer -> observing(RevontWebhooks.builder().secret(REVONT), observer).build(),
            RevontEvent::type, List.of(
                    new Case("accepted", RevontSigner.of(REVONT).sign(revontBody("call.ended")),
                            "accepted", "none", RevontEventType.CALL_ENDED.wireName(), REVONT.id()),
                    new Case("accepted, unknown type", RevontSigner.of(REVONT).sign(revontBody("call.transcribed.v9")),
                            "accepted", "none", "unknown", REVONT.id()),
                    new Case("forged", RevontSigner.of(WRONG).sign(revontBody("call.ended")),
                            "rejected", "signature_mismatch", "unknown", "none"),
                    new Case("unsigned", WebhookRequest.of(revontBody("call.ended"), java.util.Map.of()),
                            "rejected", "missing_signature", "unknown", "none"),
                    new Case("unparseable", RevontSigner.of(REVONT).sign(utf8("[]")),
                            "unparseable", "none", "unknown", REVONT.id())));

    static final Vendor<RevRagEvent> REVRAG_VENDOR = new Vendor<>("revrag",
            observer -> observing(RevRagWebhooks.builder().secret(REVRAG).clock(Clock.fixed(NOW, ZoneOffset.UTC)), observer)
                    .build(),
            RevRagEvent::type, List.of(
                    new Case("accepted", RevRagSigner.of(REVRAG).sign(revragBody(), NOW),
                            "accepted", "none", RevRagEventType.CALL_ENDED.wireName(), REVRAG.id()),
                    new Case("accepted, unknown type", RevRagSigner.of(REVRAG).sign(utf8("{}"), NOW, "call.mystery", "wh_1"),
                            "accepted", "none", "unknown", REVRAG.id()),
                    new Case("stale", RevRagSigner.of(REVRAG).sign(revragBody(), NOW.minus(Duration.ofHours(1))),
                            "rejected", "timestamp_out_of_tolerance", "unknown", "none"),
                    new Case("forged", RevRagSigner.of(WRONG).sign(revragBody(), NOW),
                            "rejected", "signature_mismatch", "unknown", "none"),
                    new Case("unparseable", RevRagSigner.of(REVRAG).sign(utf8("[]"), NOW),
                            "unparseable", "none", "unknown", REVRAG.id())));

    static final Vendor<RevRingEvent> REVRING_VENDOR = new Vendor<>("revring",
            observer -> observing(RevRingWebhooks.builder().apiKey(REVRING), observer).build(),
            RevRingEvent::type, List.of(
                    new Case("accepted", RevRingSigner.of(REVRING).request(revringBody()),
                            "accepted", "none", RevRingEventType.POST_CALL.wireName(), REVRING.id()),
                    new Case("accepted, unknown type", RevRingSigner.of(REVRING).request(utf8("{\"event\":\"mid_call\"}")),
                            "accepted", "none", "unknown", REVRING.id()),
                    new Case("wrong key", RevRingSigner.of(WRONG).request(revringBody()),
                            "rejected", "signature_mismatch", "unknown", "none"),
                    new Case("no key", WebhookRequest.of(revringBody(), java.util.Map.of()),
                            "rejected", "missing_signature", "unknown", "none"),
                    new Case("unparseable", RevRingSigner.of(REVRING).request(utf8("[]")),
                            "unparseable", "none", "unknown", REVRING.id())));

    static final Vendor<RevDeskEvent> REVDESK_VENDOR = new Vendor<>("revdesk",
            observer -> observing(RevDeskWebhooks.builder().subscribedTo(RevDeskEventType.NUMBER_RELEASED).secret(REVDESK),
                    observer).build(),
            RevDeskEvent::type, List.of(
                    new Case("accepted", RevDeskSigner.of(REVDESK).request(revdeskBody("number.released")),
                            "accepted", "none", RevDeskEventType.NUMBER_RELEASED.wireName(), REVDESK.id()),
                    new Case("another type than subscribed", RevDeskSigner.of(REVDESK).request(revdeskBody("number.purchased")),
                            "rejected", "event_type_mismatch", "unknown", REVDESK.id()),
                    new Case("forged", RevDeskSigner.of(WRONG).request(revdeskBody("number.released")),
                            "rejected", "signature_mismatch", "unknown", "none"),
                    new Case("unparseable", RevDeskSigner.of(REVDESK).request(utf8("[]")),
                            "unparseable", "none", "unknown", REVDESK.id())));

    static final List<Vendor<?>> ALL = List.of(REVONT_VENDOR, REVRAG_VENDOR, REVRING_VENDOR, REVDESK_VENDOR);

    private Vendors() {
    }

    /** The builder, reporting to {@code observer} when one is given (none: the receiver's default). */
    static <B extends ReceiverBuilder<?, B>> B observing(B builder, WebhookObserver observer) {
        return observer == null ? builder : builder.observer(observer);
    }

    static byte[] revontBody(String event) {
        return utf8("{\"event\":\"" + event + "\",\"timestamp\":\"2026-05-27T03:00:00Z\",\"data\":{\"call_id\":\"c1\"}}");
    }

    static byte[] revragBody() {
        return utf8("{\"call_status\":\"ENDED\",\"call_id\":\"123e4567-e89b-12d3-a456-426614174000\","
                + "\"agent_id\":\"33333333-3333-3333-3333-333333333333\",\"summary\":\"s\"}");
    }

    static byte[] revringBody() {
        return utf8("{\"id\":\"7d6f2c1e-5a4b-4c3d-9e8f-000000000001\",\"direction\":\"INBOUND\",\"status\":\"COMPLETED\","
                + "\"fromNumber\":\"+1\",\"toNumber\":\"+2\",\"organizationId\":\"o\","
                + "\"agentId\":\"5b2e9c4a-1f3d-4e6a-8b7c-9d0e1f2a3b4c\"}");
    }

    static byte[] revdeskBody(String triggerEvent) {
        return utf8("{\"triggerEvent\":\"" + triggerEvent + "\",\"payload\":{\"id\":1}}");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
