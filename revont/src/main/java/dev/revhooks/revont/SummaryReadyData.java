package dev.revhooks.revont;

import com.fasterxml.jackson.annotation.JsonProperty;

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
}
