package dev.revhooks.revrag;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The turn-by-turn transcript of a call.
 *
 * <pre>{@code
 * Transcription transcript = call.transcription(); // may be null
 * if (transcript != null) {
 *     transcript.messages().forEach(m -> System.out.println(m.role() + ": " + m.content()));
 * }
 * }</pre>
 *
 * @param messages {@code messages}: the turns in order; empty when absent or null
 */
public record Transcription(@JsonProperty("messages") List<TranscriptMessage> messages) {

    /**
     * Normalises the list.
     *
     * @param messages the turns; null reads as empty
     * @throws IllegalArgumentException when a turn is null
     */
    public Transcription {
        messages = StrictWireTypes.array(messages, "messages");
    }
}
