package dev.revhooks.revdesk;

import dev.revhooks.core.WireValue;

/**
 * The channel a message went through ({@code channel} in {@link SmsMessage}).
 *
 * <p>The document shows one value, {@code "sms"}, and lists no others; any other value is
 * {@link #UNKNOWN} with the string kept by {@link dev.revhooks.core.OpenEnum#wire()}. Matching is
 * exact and case-sensitive.
 *
 * <pre>{@code
 * if (message.channel() != null && message.channel().is(MessageChannel.SMS)) {
 *     handle();
 * }
 * }</pre>
 */
public enum MessageChannel implements WireValue {
    /** {@code "sms"}: a text message over SMS. */
    SMS("sms"),
    /** Any value the document does not show. */
    UNKNOWN(null);

    private final String wireName;

    MessageChannel(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
