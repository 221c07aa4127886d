package dev.revhooks.revrag;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.revhooks.core.OpenEnum;

/**
 * One turn of a transcript.
 *
 * <pre>{@code
 * boolean fromCaller = message.role() != null && message.role().is(TranscriptRole.USER);
 * }</pre>
 *
 * @param role {@code role}: who spoke, {@code assistant} or {@code user}; any other role is kept as
 *     sent; may be null
 * @param content {@code content}: what was said; may be null
 */
public record TranscriptMessage(
        @JsonProperty("role") OpenEnum<TranscriptRole> role,
        @JsonProperty("content") String content) {
}
