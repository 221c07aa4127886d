package dev.revhooks.demo;

import dev.revhooks.core.Authentication;
import dev.revhooks.servlet.UnparseableDelivery;
import java.util.Objects;

/**
 * One thing the demo app received from a {@code WebhookFilter}: a typed event, or a verified
 * delivery that did not parse.
 *
 * @param kind which of the two
 * @param vendor the vendor's name, e.g. {@code revont}
 * @param summary the typed event's class and a few of its fields, or why the body did not parse
 */
record AppRecord(Kind kind, String vendor, String summary) {

    /** What the app received. */
    enum Kind {
        /** A verified, typed event, passed on by the filter. */
        EVENT,
        /** A verified body that did not parse, handed to the filter's dead-letter handler. */
        DEAD_LETTER
    }

    AppRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(summary, "summary");
    }

    static AppRecord event(String vendor, String typedFields, Authentication authentication) {
        return new AppRecord(Kind.EVENT, vendor, typedFields + " [" + by(authentication) + "]");
    }

    private static String by(Authentication authentication) {
        return authentication.credentialId() == null
                ? authentication.method().name()
                : authentication.method() + " " + authentication.credentialId();
    }

    static AppRecord deadLetter(UnparseableDelivery delivery) {
        return new AppRecord(Kind.DEAD_LETTER, delivery.vendor(), delivery.rawBody().length
                + " raw bytes kept for a dead-letter queue; " + delivery.reason() + " [" + by(delivery.authentication()) + "]");
    }

    @Override
    public String toString() {
        return vendor + " " + (kind == Kind.EVENT ? "event " : "dead letter: ") + summary;
    }
}
