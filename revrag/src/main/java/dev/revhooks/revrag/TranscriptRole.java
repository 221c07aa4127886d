package dev.revhooks.revrag;

import dev.revhooks.core.WireValue;

/**
 * Who spoke a transcript message: the documented roles, plus {@link #UNKNOWN} for any role the
 * document does not list (kept as sent in the {@link dev.revhooks.core.OpenEnum}).
 *
 * <pre>{@code
 * for (TranscriptMessage message : call.transcription().messages()) {
 *     String speaker = message.role() != null && message.role().is(TranscriptRole.USER) ? "Caller" : "Agent";
 * }
 * }</pre>
 */
public enum TranscriptRole implements WireValue {
    /** {@code assistant}: the RevRag agent. */
    ASSISTANT("assistant"),
    /** {@code user}: the person on the call. */
    USER("user"),
    /** Any other role; read it with {@link dev.revhooks.core.OpenEnum#wire()}. */
    UNKNOWN(null);

    private final String wireName;

    TranscriptRole(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
