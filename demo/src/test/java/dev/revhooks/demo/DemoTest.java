package dev.revhooks.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Runs the demo in-process and reads its table as a user would. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoTest {

    private static final List<String> SECRETS = List.of(DemoSecrets.REVONT_SIGNING_SECRET,
            DemoSecrets.REVRAG_SIGNING_SECRET, DemoSecrets.REVRING_API_KEY, DemoSecrets.REVDESK_SIGNING_SECRET,
            DemoSecrets.REVDESK_PATH_TOKEN, DemoSecrets.ATTACKER_KEY);

    private static int exitStatus;
    private static String out;
    private static String err;
    private static List<Row> rows;

    /** One line of the results table. */
    record Row(String vendor, String event, String delivery, String result, int http, String reason, String detail) {
    }

    @BeforeAll
    static void runTheDemo() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int status = Demo.run(new String[0], print(stdout), print(stderr));

        exitStatus = status;
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        rows = table(out);
    }

    @Test
    void everyVendorIsPresent() {
        assertThat(rows).extracting(Row::vendor).containsOnly("revont", "revrag", "revring", "revdesk");
        assertThat(rows).hasSize(24);
    }

    @Test
    void everyGenuineDeliveryIsAcceptedAndReachesTheAppTyped() {
        assertThat(rows.stream().filter(row -> row.delivery().startsWith("genuine")))
                .extracting(Row::vendor, Row::event, Row::result, Row::http, Row::reason)
                .containsExactly(
                        tuple("revont", "summary.ready", "accepted", 204, ""),
                        tuple("revrag", "call.ended", "accepted", 204, ""),
                        tuple("revring", "post_call", "accepted", 204, ""),
                        tuple("revring", "pre_call", "accepted", 200, ""),
                        tuple("revdesk", "number_purchased", "accepted", 204, ""),
                        tuple("revdesk", "call_voicemail", "accepted", 204, ""));
        assertThat(detail("revont", "genuine: the guide's example")).isEqualTo("SummaryReady call_id=call_abc123"
                + " rep_id=user_xyz789 duration_seconds=2847 coaching_score=82 [HMAC_SIGNATURE revont-demo]");
        assertThat(detail("revrag", "genuine: the document's example")).isEqualTo("CallEnded"
                + " call_id=123e4567-e89b-12d3-a456-426614174000 call_status=ENDED duration=72 app_user_id=user_12345"
                + " custom_variables=[interested_in_loan=true] [HMAC_SIGNATURE revrag-demo]");
        assertThat(detail("revring", "genuine: the document's example")).isEqualTo("PostCall"
                + " id=3c90c3cc-0d44-4b50-8888-8dd25736052a status=COMPLETED direction=INBOUND durationSeconds=123"
                + " hangupCause=UNKNOWN(\"<string>\") [SHARED_KEY revring-demo]");
        assertThat(detail("revring", "genuine: an inbound call, answered")).isEqualTo("PreCall"
                + " fromNumber=+14155550123 toNumber=+14155550199 dialedAgentId=null [SHARED_KEY revring-demo]"
                + " answered {\"variables\":{\"callerNumber\":\"+14155550123\",\"directDial\":false}}");
        assertThat(detail("revdesk", "genuine: the document's example")).isEqualTo("NumberPurchased"
                + " triggerEvent=number.purchased id=4821 phone_number=+15551234567 status=ACTIVE [HMAC_SIGNATURE revdesk-demo]");
        assertThat(detail("revdesk", "genuine, unsigned: the document's example")).isEqualTo("CallVoicemail"
                + " id=call_abc123 to_number=+15557654321 status=VOICEMAIL failure_code=voicemail_reached [REQUEST_GUARDS]");
    }

    @Test
    void everyForgedOrUnauthenticatedDeliveryIsRejectedWithItsReasonAndStatus() {
        assertThat(rows.stream().filter(row -> !row.result().equals("accepted") && !row.result().equals("duplicate")
                        && !row.result().equals("kept raw")))
                .extracting(Row::vendor, Row::delivery, Row::result, Row::http, Row::reason)
                .containsExactly(
                        tuple("revont", "body tampered after signing", "rejected", 401, "SIGNATURE_MISMATCH"),
                        tuple("revont", "signed with another key", "rejected", 401, "SIGNATURE_MISMATCH"),
                        tuple("revont", "forged: unkeyed SHA-256 of the body", "rejected", 401, "SIGNATURE_MISMATCH"),
                        tuple("revont", "no signature header", "rejected", 401, "MISSING_SIGNATURE"),
                        tuple("revrag", "stale: signed 10 minutes ago", "rejected", 401, "TIMESTAMP_OUT_OF_TOLERANCE"),
                        tuple("revrag", "body tampered after signing", "rejected", 401, "SIGNATURE_MISMATCH"),
                        tuple("revrag", "signed with another key", "rejected", 401, "SIGNATURE_MISMATCH"),
                        tuple("revring", "wrong API key", "rejected", 401, "SIGNATURE_MISMATCH"),
                        tuple("revring", "no API key", "rejected", 401, "MISSING_SIGNATURE"),
                        tuple("revring", "pre-call sent to the post-call URL", "rejected", 400, "EVENT_TYPE_MISMATCH"),
                        tuple("revdesk", "body tampered after signing", "rejected", 401, "SIGNATURE_MISMATCH"),
                        tuple("revdesk", "no signature header", "rejected", 401, "MISSING_SIGNATURE"),
                        tuple("revdesk", "no-secret-provided instead of a signature", "rejected", 401,
                                "NO_SECRET_CONFIGURED_AT_SENDER"),
                        tuple("revdesk", "unsigned, wrong path token", "rejected", 401, "REQUEST_GUARD_FAILED"),
                        tuple("revdesk", "unsigned, endpoint without the opt-in", "rejected", 401,
                                "UNSIGNED_DELIVERY_NOT_ALLOWED"));
        assertThat(detail("revrag", "stale: signed 10 minutes ago")).isEqualTo("older than 300 s");
        assertThat(detail("revdesk", "unsigned, wrong path token")).isEqualTo("path token does not match");
        assertThat(detail("revdesk", "no-secret-provided instead of a signature"))
                .startsWith("X-revdesk-Signature-256 is no-secret-provided");
    }

    @Test
    void replaysAreAcknowledgedButNotPassedOnAndAnUnparseableDeliveryIsKept() {
        assertThat(rows.stream().filter(row -> row.result().equals("duplicate") || row.result().equals("kept raw")))
                .extracting(Row::vendor, Row::delivery, Row::result, Row::http)
                .containsExactly(
                        tuple("revont", "the same delivery again (replay)", "duplicate", 200),
                        tuple("revont", "authentic, coaching_score as text", "kept raw", 202),
                        tuple("revrag", "replayed within the 5-minute window", "duplicate", 200));
        assertThat(detail("revont", "the same delivery again (replay)"))
                .startsWith("acknowledged, not passed on to the app");
        assertThat(detail("revont", "authentic, coaching_score as text"))
                .startsWith("316 raw bytes kept for a dead-letter queue; ").contains("coaching_score")
                .endsWith("[HMAC_SIGNATURE revont-demo]");
    }

    @Test
    void theSummaryCountsEveryOutcomeAndNothingWentUnexpected() {
        assertThat(exitStatus).as("exit status; the demo printed:%n%s%s", out, err).isZero();
        assertThat(out).contains("24 deliveries: 6 accepted and passed to the app, 1 authentic but unparseable and kept"
                + " raw, 2 duplicates acknowledged but not passed on, 15 rejected.");
        assertThat(out).contains("Every delivery went as expected.").doesNotContain("(!)");
        assertThat(err).isEmpty();
    }

    @Test
    void noSecretKeyOrTokenIsPrinted() {
        for (String secret : SECRETS) {
            assertThat(out).doesNotContain(secret);
            assertThat(err).doesNotContain(secret);
        }
        assertThat(out).contains("/hooks/revdesk/call_voicemail/{token}");
    }

    /**
     * The real entry point, last. On success {@code main} returns (and the JVM exits 0); on failure it
     * calls {@code System.exit(1)}, which would end this test JVM and lose every report, so it runs
     * only when the same code, run through {@code Demo.run} above, succeeded.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void mainPrintsTheTableToStandardOutputAndReturnsNormally() {
        assumeTrue(exitStatus == 0, "Demo.run failed (see the other tests): main would exit the test JVM");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        System.setOut(print(stdout));
        try {
            Demo.main(new String[0]);
        } finally {
            System.setOut(originalOut);
        }
        assertThat(table(stdout.toString(StandardCharsets.UTF_8))).extracting(Row::vendor, Row::delivery, Row::result)
                .isEqualTo(rows.stream().map(row -> tuple(row.vendor(), row.delivery(), row.result())).toList());
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String detail(String vendor, String delivery) {
        return rows.stream().filter(row -> row.vendor().equals(vendor) && row.delivery().equals(delivery))
                .map(Row::detail).findFirst().orElseThrow(() -> new AssertionError("no row " + vendor + " " + delivery));
    }

    private static List<Row> table(String output) {
        List<String> lines = tableLines(output);
        List<Row> parsed = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            parsed.add(parse(lines.get(0), line));
        }
        return parsed;
    }

    /** The results table: its header line and every line up to the next blank one. */
    private static List<String> tableLines(String output) {
        List<String> all = output.lines().toList();
        int header = all.indexOf(all.stream().filter(line -> line.startsWith("VENDOR   EVENT")).findFirst()
                .orElseThrow(() -> new AssertionError("no results table in:\n" + output)));
        return all.subList(header, all.size()).stream().takeWhile(line -> !line.isBlank()).toList();
    }

    private static Row parse(String header, String line) {
        int[] starts = Stream.of("VENDOR", "EVENT", "DELIVERY", "RESULT", "HTTP", "REASON", "DETAIL")
                .mapToInt(header::indexOf).toArray();
        String[] cells = new String[starts.length];
        for (int i = 0; i < starts.length; i++) {
            int end = i + 1 < starts.length ? Math.min(starts[i + 1], line.length()) : line.length();
            cells[i] = starts[i] < line.length() ? line.substring(starts[i], end).strip() : "";
        }
        return new Row(cells[0], cells[1], cells[2], cells[3], Integer.parseInt(cells[4]), cells[5], cells[6]);
    }
}
