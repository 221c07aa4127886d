package dev.revhooks.cli;

import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WireValue;
import dev.revhooks.revdesk.RevDeskEvent;
import dev.revhooks.revdesk.RevDeskEventType;
import dev.revhooks.revdesk.RevDeskWebhooks;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontWebhooks;
import dev.revhooks.revrag.RevRagEvent;
import dev.revhooks.revrag.RevRagWebhooks;
import dev.revhooks.revring.RevRingEvent;
import dev.revhooks.revring.RevRingEventType;
import dev.revhooks.revring.RevRingWebhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The four vendors the command checks, each with its real receiver from its vendor module.
 *
 * <pre>{@code
 * VendorReceiver<?> receiver = Vendor.REVONT.receiver(secret, settings);
 * Outcome outcome = receiver.receive(request);
 * }</pre>
 */
enum Vendor {

    REVONT("revont", "Revont", RevontWebhooks.SIGNATURE_HEADER, true) {
        @Override
        VendorReceiver<?> receiver(Secret key, Settings settings) {
            return new VendorReceiver<RevontEvent>(RevontWebhooks.builder().secret(key).build(), RevontEvent::event);
        }
    },

    REVRAG("revrag", "RevRag", RevRagWebhooks.SIGNATURE_HEADER, true) {
        @Override
        VendorReceiver<?> receiver(Secret key, Settings settings) {
            RevRagWebhooks.Builder builder = RevRagWebhooks.builder().secret(key).clock(settings.clock());
            if (!settings.timestampCheck()) {
                builder.dangerouslyDisableTimestampCheck();
            }
            return new VendorReceiver<RevRagEvent>(builder.build(), event -> event.hints().event());
        }

        @Override
        boolean hasTimestampWindow() {
            return true;
        }
    },

    REVRING("revring", "RevRing", RevRingWebhooks.API_KEY_HEADER, false) {
        @Override
        VendorReceiver<?> receiver(Secret key, Settings settings) {
            RevRingWebhooks.Builder builder = RevRingWebhooks.builder().apiKey(key);
            if (settings.eventType() != null) {
                builder.serving(OpenEnum.of(RevRingEventType.class, settings.eventType()).value());
            }
            return new VendorReceiver<RevRingEvent>(builder.build(), event -> event instanceof RevRingEvent.Unknown unknown
                    ? unknown.eventName()
                    : event.type().wireName());
        }

        @Override
        List<String> eventTypes() {
            return wireNames(RevRingEventType.values());
        }
    },

    REVDESK("revdesk", "RevDesk", RevDeskWebhooks.SIGNATURE_HEADER, true) {
        @Override
        VendorReceiver<?> receiver(Secret key, Settings settings) {
            String subscribed = Objects.requireNonNullElse(settings.eventType(), ANY_SIGNED_TYPE);
            RevDeskEventType type = OpenEnum.of(RevDeskEventType.class, subscribed).value();
            return new VendorReceiver<RevDeskEvent>(RevDeskWebhooks.builder().subscribedTo(type).secret(key).build(),
                    event -> event instanceof RevDeskEvent.Unknown unknown
                            ? unknown.triggerEvent()
                            : event.type().wireName());
        }

        @Override
        List<String> eventTypes() {
            return wireNames(RevDeskEventType.values());
        }

        @Override
        boolean requiresEventType() {
            return true;
        }
    };

    /**
     * The RevDesk type used when a request is tried as RevDesk without a subscribed type (another
     * vendor's check looking for a mix-up): a signed type, so a signature is verified, not excused.
     */
    private static final String ANY_SIGNED_TYPE = RevDeskEventType.NUMBER_PURCHASED.wireName();

    private final String cliName;
    private final String displayName;
    private final String credentialHeader;
    private final boolean signsBody;

    Vendor(String cliName, String displayName, String credentialHeader, boolean signsBody) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.credentialHeader = credentialHeader;
        this.signsBody = signsBody;
    }

    /**
     * The vendor's real receiver, configured with one secret or key.
     *
     * @param key the secret (HMAC vendors) or API key (RevRing)
     * @param settings the clock, event type and whether the time window is checked
     * @return the receiver
     */
    abstract VendorReceiver<?> receiver(Secret key, Settings settings);

    /**
     * The value of {@code --vendor} naming this vendor.
     *
     * @return e.g. {@code "revont"}
     */
    String cliName() {
        return cliName;
    }

    /**
     * The vendor's name as it writes it.
     *
     * @return e.g. {@code "RevRag"}
     */
    String displayName() {
        return displayName;
    }

    /**
     * The header the vendor sends its signature or key in.
     *
     * @return the header name
     */
    String credentialHeader() {
        return credentialHeader;
    }

    /**
     * Whether the credential is an HMAC over the body (else a static key that does not cover it).
     *
     * @return true for Revont, RevRag and RevDesk
     */
    boolean signsBody() {
        return signsBody;
    }

    /**
     * What the credential is called in messages.
     *
     * @return {@code "signature"} or {@code "API key"}
     */
    String credentialNoun() {
        return signsBody ? "signature" : "API key";
    }

    /**
     * What the configured credential is called in messages.
     *
     * @return {@code "secret"} or {@code "API key"}
     */
    String secretNoun() {
        return signsBody ? "secret" : "API key";
    }

    /**
     * Whether the vendor signs a send time that is checked against a window (and so {@code --at} applies).
     *
     * @return true for RevRag
     */
    boolean hasTimestampWindow() {
        return false;
    }

    /**
     * The values {@code --event-type} accepts for this vendor.
     *
     * @return the wire names; empty when the option does not apply
     */
    List<String> eventTypes() {
        return List.of();
    }

    /**
     * Whether {@code --event-type} must be given.
     *
     * @return true for RevDesk, whose flat bodies do not name their event
     */
    boolean requiresEventType() {
        return false;
    }

    /**
     * The vendor named by a {@code --vendor} value.
     *
     * @param cliName the value, e.g. {@code "revrag"}; exact, lowercase
     * @return the vendor, or empty for any other value
     */
    static Optional<Vendor> byCliName(String cliName) {
        for (Vendor vendor : values()) {
            if (vendor.cliName.equals(cliName)) {
                return Optional.of(vendor);
            }
        }
        return Optional.empty();
    }

    /**
     * The vendor that sends its credential in a header of this name.
     *
     * @param headerName a header name, any case
     * @return the vendor, or empty
     */
    static Optional<Vendor> byCredentialHeader(String headerName) {
        for (Vendor vendor : values()) {
            if (vendor.credentialHeader.toLowerCase(Locale.ROOT).equals(headerName.toLowerCase(Locale.ROOT))) {
                return Optional.of(vendor);
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code --vendor} values, for usage messages.
     *
     * @return e.g. {@code "revont, revrag, revring, revdesk"}
     */
    static String cliNames() {
        List<String> names = new ArrayList<>();
        for (Vendor vendor : values()) {
            names.add(vendor.cliName);
        }
        return String.join(", ", names);
    }

    private static List<String> wireNames(WireValue[] constants) {
        List<String> names = new ArrayList<>();
        for (WireValue constant : constants) {
            if (constant.wireName() != null) {
                names.add(constant.wireName());
            }
        }
        return List.copyOf(names);
    }
}
