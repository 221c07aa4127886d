package dev.revhooks.revont;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.revhooks.core.json.JsonCursor;
import java.io.IOException;

/**
 * The {@code data} object of a {@code summary.ready} event, field by field as the guide documents
 * it. The guide marks no field as required, so every component may be null; values are kept as
 * sent (a {@code coaching_score} outside 0&ndash;100 is not an error). A JSON type error in any of
 * these fields (a string for a number, a fraction for an integer) is a payload error.
 *
 * <pre>{@code
 * SummaryReadyData summary = ready.data();
 * crm.attach(summary.callId(), summary.summaryUrl());
 * coaching.record(summary.repId(), summary.coachingScore());
 * }</pre>
 *
 * @param callId {@code call_id}, the call's unique identifier; may be null
 * @param repId {@code rep_id}, the Revont user (sales rep) on the call; may be null
 * @param prospectEmail {@code prospect_email}, the prospect's email address, not validated; may be null
 * @param durationSeconds {@code duration_seconds}, the total call duration in seconds; may be null
 * @param summaryUrl {@code summary_url}, the link to the full summary in Revont, kept as a string
 *     (never rejected for its syntax); may be null
 * @param coachingScore {@code coaching_score}, the AI coaching score, documented as 0&ndash;100 but kept
 *     as sent; may be null
 */
public record SummaryReadyData(
        @JsonProperty("call_id") String callId,
        @JsonProperty("rep_id") String repId,
        @JsonProperty("prospect_email") String prospectEmail,
        @JsonProperty("duration_seconds") Long durationSeconds,
        @JsonProperty("summary_url") String summaryUrl,
        @JsonProperty("coaching_score") Integer coachingScore) {

    /**
     * Reads the object in one streaming pass, with the strictness of the shared databind set-up.
     *
     * @param in the cursor, on the object's start
     * @return the data
     * @throws IOException on a JSON type error
     */
    static SummaryReadyData read(JsonCursor in) throws IOException {
        String callId = null;
        String repId = null;
        String prospectEmail = null;
        Long durationSeconds = null;
        String summaryUrl = null;
        Integer coachingScore = null;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "call_id" -> callId = in.string();
                case "rep_id" -> repId = in.string();
                case "prospect_email" -> prospectEmail = in.string();
                case "duration_seconds" -> durationSeconds = in.integer();
                case "summary_url" -> summaryUrl = in.string();
                case "coaching_score" -> coachingScore = in.int32();
                default -> in.skip();
            }
        }
        return new SummaryReadyData(callId, repId, prospectEmail, durationSeconds, summaryUrl, coachingScore);
    }
}
