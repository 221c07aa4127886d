package dev.revhooks.cli;

import static dev.revhooks.cli.Harness.SECRET;
import static dev.revhooks.cli.Harness.utf8;

import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.signature.HmacSha256Signer;
import dev.revhooks.revdesk.RevDeskSigner;
import dev.revhooks.revdesk.RevDeskWebhooks;
import dev.revhooks.revont.RevontSigner;
import dev.revhooks.revrag.RevRagSigner;
import dev.revhooks.revring.RevRingSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One captured delivery and what the command must say about it: the catalogue every diagnosis is
 * tested with, and that the secret-leak test runs through.
 *
 * @param name what the scenario shows
 * @param environmentSecret the value of REVHOOKS_SECRET
 * @param headers the captured headers
 * @param body the captured body
 * @param options the options besides --headers and --body
 * @param exitCode the expected exit code
 * @param findings the labels of the diagnosis's findings, exactly and in order
 * @param reportContains texts the report must contain
 * @param neverPrinted secrets and expected signatures that must appear nowhere in the output
 */
record Scenario(String name, String environmentSecret, WebhookHeaders headers, byte[] body, List<String> options,
                int exitCode, List<String> findings, List<String> reportContains, List<String> neverPrinted) {

    static final String RING_KEY = "rk_live_7Hq2mZx9PwT4";
    static final String AUTHENTICATES = "With that corrected, the request authenticates.";
    static final String REVDESK_SECRET = "rd_sign_Yx83kQpL0vNe";

    static final byte[] PRETTY = Harness.resource("revont-summary-ready.json");
    static final byte[] PRETTY_NO_FINAL_LF = Arrays.copyOf(PRETTY, PRETTY.length - 1);
    static final byte[] COMPACT = JsonLayout.COMPACT.apply(PRETTY).orElseThrow();
    static final byte[] SPACED = utf8("{\"event\": \"summary.ready\", \"timestamp\": \"2024-09-15T14:32:00Z\", \"data\":"
            + " {\"call_id\": \"call_abc123\", \"rep_id\": \"user_xyz789\", \"prospect_email\": \"jane@acmecorp.com\","
            + " \"duration_seconds\": 2847, \"summary_url\": \"https://app.revont.ai/calls/call_abc123/summary\","
            + " \"coaching_score\": 82}}");
    static final byte[] CRLF = new String(PRETTY, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final byte[] REVRAG_BODY = Harness.resource("revrag-call-ended.json");
    static final byte[] REVDESK_BODY = Harness.resource("revdesk-number-lifecycle.json");
    static final byte[] REVRING_BODY = Harness.resource("revring-post-call.json");

    Scenario {
        options = List.copyOf(options);
        findings = List.copyOf(findings);
        reportContains = List.copyOf(reportContains);
        neverPrinted = List.copyOf(neverPrinted);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Runs the scenario. */
    Harness.Result run(Harness harness) {
        return harness.verify(environmentSecret, headers, body, options.toArray(new String[0]));
    }

    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        all.addAll(authenticDeliveries());
        all.addAll(bodyEncoding());
        all.addAll(secretForms());
        all.addAll(headerPlacement());
        all.addAll(timeWindow());
        all.addAll(unexplained());
        return all;
    }

    static List<Scenario> authenticDeliveries() {
        return List.of(
                revont("authentic Revont delivery", SECRET, revontSigned(SECRET, PRETTY), PRETTY).expectAuthentic(),
                revrag("authentic RevRag delivery", revragSigned(SECRET, REVRAG_BODY, Harness.NOW), REVRAG_BODY)
                        .expectAuthentic(),
                revring("authentic RevRing delivery", RING_KEY, REVRING_BODY, RING_KEY).expectAuthentic(),
                revdesk("authentic RevDesk delivery", revdeskSigned(REVDESK_BODY), REVDESK_BODY).expectAuthentic(),
                revont("authentic Revont delivery whose body does not parse", SECRET,
                        revontSigned(SECRET, utf8("{\"event\":\"summary.ready\"}")), utf8("{\"event\":\"summary.ready\"}"))
                        .expect(VerifyCommand.AUTHENTIC, "AUTHENTIC, but the body does not parse"));
    }

    static List<Scenario> bodyEncoding() {
        return List.of(
                revont("CRLF line endings in the capture, LF signed", SECRET, revontSigned(SECRET, PRETTY), CRLF)
                        .explainedBy("Line endings", "CRLF line endings turned into LF"),
                revont("LF line endings in the capture, CRLF signed", SECRET, revontSigned(SECRET, CRLF), PRETTY)
                        .explainedBy("Line endings", "LF line endings turned into CRLF"),
                revont("final line feed added to the capture", SECRET, revontSigned(SECRET, PRETTY_NO_FINAL_LF), PRETTY)
                        .explainedBy("Final newline", "without its final line feed"),
                revont("final line feed removed from the capture", SECRET, revontSigned(SECRET, PRETTY),
                        PRETTY_NO_FINAL_LF)
                        .explainedBy("Final newline", "with a line feed added at the end"),
                revont("final CRLF removed from the capture", SECRET, revontSigned(SECRET, concat(COMPACT, utf8("\r\n"))),
                        COMPACT)
                        .explainedBy("Final newline", "carriage return + line feed added at the end"),
                revont("compact JSON signed, pretty-printed in the capture", SECRET, revontSigned(SECRET, COMPACT),
                        PRETTY)
                        .explainedBy("JSON layout", "compact JSON"),
                revont("pretty-printed JSON signed, compact in the capture", SECRET, revontSigned(SECRET, PRETTY),
                        COMPACT)
                        .explainedBy("JSON layout", "indented by 2 spaces", "followed by a line feed"),
                revont("Python-spaced JSON signed, compact in the capture", SECRET, revontSigned(SECRET, SPACED),
                        COMPACT)
                        .explainedBy("JSON layout", "Python's json.dumps default"),
                revont("byte-order mark added to the capture", SECRET, revontSigned(SECRET, PRETTY), concat(BOM, PRETTY))
                        .explainedBy("Byte-order mark", "without the UTF-8 byte-order mark"),
                revont("byte-order mark removed from the capture", SECRET, revontSigned(SECRET, concat(BOM, PRETTY)),
                        PRETTY)
                        .explainedBy(List.of("Byte-order mark"), "with a UTF-8 byte-order mark in front",
                                "With that corrected, the request authenticates, but its body does not parse: the body"
                                        + " starts with a byte-order mark"),
                revdesk("RevDesk body re-encoded with CRLF", revdeskSigned(REVDESK_BODY), crlf(REVDESK_BODY))
                        .explainedBy("Line endings", "CRLF line endings turned into LF"));
    }

    static List<Scenario> secretForms() {
        String withoutPrefix = SECRET.substring("whsec_".length());
        Secret decoded = Secret.ofBytes(null, Base64.getDecoder().decode(withoutPrefix));
        return List.of(
                revont("secret with a trailing line feed", SECRET + "\n", revontSigned(SECRET, PRETTY), PRETTY)
                        .explainedBy("Secret white space", "once its stray white space (a trailing line feed) is removed",
                                "Note: REVHOOKS_SECRET has a trailing line feed", "Secret.of refuses"),
                revring("API key with leading spaces", "  " + RING_KEY, REVRING_BODY, RING_KEY)
                        .explainedBy("Secret white space", "API key matches REVHOOKS_SECRET once its stray white space"
                                + " (2 leading spaces) is removed"),
                revont("secret stripped of whsec_ in the variable", withoutPrefix, revontSigned(SECRET, PRETTY), PRETTY)
                        .explainedBy("whsec_ prefix", "the variable holds the secret stripped of its whsec_ prefix"),
                revont("secret stripped of whsec_ by the signer", SECRET, revontSigned(withoutPrefix, PRETTY), PRETTY)
                        .explainedBy("whsec_ prefix", "without its whsec_ prefix", "whatever signed this request stripped it"),
                revont("secret base64-decoded by the signer", SECRET, signedWith(decoded, PRETTY), PRETTY)
                        .explainedBy("whsec_ secret decoded", "Standard Webhooks"));
    }

    static List<Scenario> headerPlacement() {
        WebhookHeaders revontRequest = revontSigned(SECRET, PRETTY);
        String revontSignature = revontRequest.first("X-Revont-Signature");
        String hex = revontSignature.substring("sha256=".length());
        return List.of(
                revont("signature in another header", SECRET, headers("X-Hub-Signature-256", revontSignature), PRETTY)
                        .explainedBy("Wrong header", "is in the X-Hub-Signature-256 header, not in X-Revont-Signature"),
                revont("signature without its label in another header", SECRET, headers("X-Signature", hex), PRETTY)
                        .explainedBy("Wrong header", "(once \"sha256=\" is put in front)"),
                revdesk("RevDesk signature in Revont's header, with Revont's label",
                        headers("X-Revont-Signature", "sha256=" + revdeskSigned(REVDESK_BODY).first(
                                "X-revdesk-Signature-256")), REVDESK_BODY)
                        .explainedBy(List.of("Wrong vendor", "Wrong header"), "run again with --vendor revont",
                                "(Revont's signature header)", "(once its \"sha256=\" label is removed)"),
                revring("API key sent as a bearer token", RING_KEY, REVRING_BODY, null)
                        .withHeaders(headers("Authorization", "Bearer " + RING_KEY))
                        .explainedBy("Wrong header", "is in the Authorization header, not in x-api-key",
                                "(once its \"Bearer\" scheme is removed)"),
                revont("signature header sent twice", SECRET, WebhookHeaders.builder()
                                .add("X-Revont-Signature", "sha256=" + "0".repeat(64))
                                .add("X-Revont-Signature", revontSignature).build(), PRETTY)
                        .explainedBy("Repeated header", "sent 2 times, and its second value alone authenticates"),
                revont("RevRag delivery checked as Revont", SECRET, revragSigned(SECRET, REVRAG_BODY, Harness.NOW),
                        REVRAG_BODY)
                        .expect(VerifyCommand.REJECTED, "MISSING_SIGNATURE")
                        .explainedBy(List.of("Wrong vendor"), "authenticates as a RevRag delivery (its X-Webhook-Signature"
                                + " header matches REVHOOKS_SECRET): run again with --vendor revrag."));
    }

    static List<Scenario> timeWindow() {
        Instant twoHoursAgo = Harness.NOW.minus(Duration.ofHours(2));
        Instant inAnHour = Harness.NOW.plus(Duration.ofHours(1));
        return List.of(
                revrag("RevRag delivery signed 2 hours before the check", revragSigned(SECRET, REVRAG_BODY, twoHoursAgo),
                        REVRAG_BODY)
                        .explainedBy(List.of("Time window"), "TIMESTAMP_OUT_OF_TOLERANCE", "signed at " + twoHoursAgo,
                                "2 h before the time of this check (" + Harness.NOW + ", now)",
                                "run again with --at " + twoHoursAgo),
                revrag("RevRag delivery signed 1 hour after the check", revragSigned(SECRET, REVRAG_BODY, inAnHour),
                        REVRAG_BODY)
                        .explainedBy(List.of("Time window"), "1 h after the time of this check", "sender's clock"),
                revrag("RevRag delivery checked with a wrong --at", revragSigned(SECRET, REVRAG_BODY, twoHoursAgo),
                        REVRAG_BODY, "--at", "2026-05-26T00:00:00Z")
                        .explainedBy(List.of("Time window"), "given by --at", "--at should be the time the delivery arrived"),
                revrag("RevRag delivery checked as of its arrival with --at", revragSigned(SECRET, REVRAG_BODY,
                        twoHoursAgo), REVRAG_BODY, "--at", twoHoursAgo.plusSeconds(3).toString())
                        .expectAuthentic(),
                revrag("RevRag body re-encoded with CRLF, and stale", revragSigned(SECRET, REVRAG_BODY, twoHoursAgo),
                        crlf(REVRAG_BODY))
                        .expect(VerifyCommand.REJECTED, "SIGNATURE_MISMATCH")
                        .explainedBy(List.of("Line endings"), "With that corrected, the next check fails. Time window:",
                                "run again with --at " + twoHoursAgo));
    }

    static List<Scenario> unexplained() {
        return List.of(
                revont("signed with another secret", SECRET, revontSigned("whsec_another0secret0entirely00", PRETTY),
                        PRETTY)
                        .explainedBy(List.of(), "SIGNATURE_MISMATCH", "no usual mistake explains it", "another secret"),
                revont("signature header in another format", SECRET, headers("X-Revont-Signature", "sha1=0123456789abcdef"), PRETTY)
                        .explainedBy(List.of(), "MALFORMED_SIGNATURE", "no usual mistake explains it",
                                "The X-Revont-Signature header is there but not as Revont writes it"),
                revont("no signature anywhere", SECRET, headers("Content-Type", "application/json"), PRETTY)
                        .explainedBy(List.of(), "MISSING_SIGNATURE", "no usual mistake explains it",
                                "No header carries a usable signature"),
                revdesk("unsigned RevDesk type", headers("Content-Type", "application/json"),
                        Harness.resource("revdesk-call-disposition.json"), "--event-type", "call_voicemail")
                        .expect(VerifyCommand.REJECTED, "UNSIGNED_DELIVERY_NOT_ALLOWED"),
                revdesk("RevDesk subscription without a signing secret",
                        RevDeskSigner.withoutSigningSecret().request(REVDESK_BODY).headers(), REVDESK_BODY)
                        .expect(VerifyCommand.REJECTED, "NO_SECRET_CONFIGURED_AT_SENDER"),
                revring("RevRing post-call at a pre-call endpoint", RING_KEY, REVRING_BODY, RING_KEY, "--event-type",
                        "pre_call")
                        .expect(VerifyCommand.REJECTED, "EVENT_TYPE_MISMATCH", "A receiver answers HTTP 400"));
    }

    // Builders -----------------------------------------------------------------------------------

    private static Scenario revont(String name, String environmentSecret, WebhookHeaders headers, byte[] body,
                                   String... options) {
        return of(name, environmentSecret, headers, body, "revont", options);
    }

    private static Scenario revrag(String name, WebhookHeaders headers, byte[] body, String... options) {
        Scenario scenario = of(name, SECRET, headers, body, "revrag", options);
        return scenario.hiding(HmacSha256Signer.hex(Secret.of(SECRET), utf8(timestampOf(headers) + "."), body));
    }

    private static Scenario revring(String name, String environmentKey, byte[] body, String sentKey, String... options) {
        WebhookHeaders headers = sentKey == null ? WebhookHeaders.empty()
                : RevRingSigner.of(Secret.of(sentKey)).request(body).headers();
        return of(name, environmentKey, headers, body, "revring", options).hiding(RING_KEY);
    }

    private static Scenario revdesk(String name, WebhookHeaders headers, byte[] body, String... options) {
        List<String> all = new ArrayList<>(List.of("--event-type", "number_purchased"));
        if (options.length > 0) {
            all = List.of(options);
        }
        return of(name, REVDESK_SECRET, headers, body, "revdesk", all.toArray(new String[0]));
    }

    private static Scenario of(String name, String environmentSecret, WebhookHeaders headers, byte[] body,
                               String vendor, String... options) {
        List<String> all = new ArrayList<>(List.of("--vendor", vendor));
        all.addAll(List.of(options));
        List<String> hidden = new ArrayList<>(List.of(environmentSecret, environmentSecret.strip()));
        if (environmentSecret.strip().startsWith("whsec_")) {
            hidden.add(environmentSecret.strip().substring("whsec_".length()));
        }
        Secret key = Secret.ofBytes(null, utf8(environmentSecret));
        String expected = HmacSha256Signer.hex(key, body);
        hidden.add(expected);
        hidden.add(expected.toUpperCase(Locale.ROOT));
        for (String headerName : headers.names()) {
            if (headerName.toLowerCase(Locale.ROOT).contains("signature")) {
                headers.all(headerName).stream().filter(value -> !value.equals(RevDeskWebhooks.NO_SECRET_PROVIDED))
                        .forEach(hidden::add);
            }
        }
        return new Scenario(name, environmentSecret, headers, body, all, VerifyCommand.REJECTED, List.of(), List.of(),
                hidden);
    }

    private Scenario expectAuthentic() {
        return expect(VerifyCommand.AUTHENTIC, "AUTHENTIC: the ");
    }

    private Scenario expect(int code, String... texts) {
        List<String> contains = new ArrayList<>(reportContains);
        contains.addAll(List.of(texts));
        return new Scenario(name, environmentSecret, headers, body, options, code, findings, contains, neverPrinted);
    }

    private Scenario explainedBy(String finding, String... texts) {
        List<String> contains = new ArrayList<>(List.of(texts));
        contains.add(AUTHENTICATES);
        return explainedBy(List.of(finding), contains.toArray(new String[0]));
    }

    private Scenario explainedBy(List<String> labels, String... texts) {
        Scenario scenario = new Scenario(name, environmentSecret, headers, body, options, VerifyCommand.REJECTED, labels,
                reportContains, neverPrinted);
        return scenario.expect(VerifyCommand.REJECTED, texts);
    }

    private Scenario withHeaders(WebhookHeaders replacement) {
        return new Scenario(name, environmentSecret, replacement, body, options, exitCode, findings, reportContains,
                neverPrinted);
    }

    private Scenario hiding(String... secrets) {
        List<String> hidden = new ArrayList<>(neverPrinted);
        hidden.addAll(List.of(secrets));
        return new Scenario(name, environmentSecret, headers, body, options, exitCode, findings, reportContains, hidden);
    }

    // Signed requests ----------------------------------------------------------------------------

    static WebhookHeaders revontSigned(String secret, byte[] body) {
        return RevontSigner.of(Secret.of(secret)).sign(body).headers();
    }

    static WebhookHeaders signedWith(Secret key, byte[] body) {
        return RevontSigner.of(key).sign(body).headers();
    }

    static WebhookHeaders revragSigned(String secret, byte[] body, Instant sentAt) {
        return RevRagSigner.of(Secret.of(secret)).sign(body, sentAt).headers();
    }

    static WebhookHeaders revdeskSigned(byte[] body) {
        return RevDeskSigner.of(Secret.of(REVDESK_SECRET)).request(body).headers();
    }

    static WebhookHeaders headers(String name, String value) {
        return WebhookHeaders.builder().add("Content-Type", "application/json").add(name, value).build();
    }

    private static String timestampOf(WebhookHeaders headers) {
        String timestamp = headers.first("X-Webhook-Timestamp");
        return timestamp == null ? "" : timestamp;
    }

    static byte[] crlf(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    /** A request, for tests that need one whole. */
    static WebhookRequest request(WebhookHeaders headers, byte[] body) {
        return WebhookRequest.builder(body).headers(headers).build();
    }
}
