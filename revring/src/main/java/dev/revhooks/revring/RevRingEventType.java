package dev.revhooks.revring;

import dev.revhooks.core.WireValue;

/**
 * RevRing's two webhooks, as this library names them.
 *
 * <p>Only the pre-call request carries its name on the wire ({@code "event": "pre_call"}); the
 * post-call body has no {@code event} field, and {@code post_call} is this library's name for it.
 * See {@link RevRingWebhooks} for how a body is recognised.
 *
 * <pre>{@code
 * switch (delivery.event().type()) {
 *     case PRE_CALL -> answer(((RevRingEvent.PreCall) delivery.event()).request());
 *     case POST_CALL -> archive(((RevRingEvent.PostCall) delivery.event()).call());
 *     case UNKNOWN -> log.info("new RevRing webhook");
 * }
 * }</pre>
 */
public enum RevRingEventType implements WireValue {
    /** The pre-call webhook, sent before an inbound call is answered; its answer sets call variables. */
    PRE_CALL("pre_call"),
    /** The post-call webhook, carrying the call record once the call has ended. */
    POST_CALL("post_call"),
    /** A body whose {@code event} names neither webhook. */
    UNKNOWN(null);

    private final String wireName;

    RevRingEventType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
