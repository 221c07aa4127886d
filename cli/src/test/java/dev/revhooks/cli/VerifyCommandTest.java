package dev.revhooks.cli;

import static dev.revhooks.cli.Harness.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.revdesk.RevDeskSigner;
import dev.revhooks.revrag.RevRagSigner;
import dev.revhooks.revring.RevRingSigner;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command's exit codes, its two output streams and its usage errors. */
class VerifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private Harness harness;

    @BeforeEach
    void createHarness() {
        harness = new Harness(directory);
    }

    @Test
    void anAuthenticRevontDeliveryExitsZeroAndPrintsTheEventAloneOnStandardOutput() throws Exception {
        Harness.Result result = harness.verify(SECRET, Scenario.revontSigned(SECRET, Scenario.PRETTY),
                Scenario.PRETTY, "--vendor", "revont");

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.AUTHENTIC);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("vendor").asText()).isEqualTo("revont");
        assertThat(json.get("type").asText()).isEqualTo("summary.ready");
        assertThat(json.at("/authentication/method").asText()).isEqualTo("HMAC_SIGNATURE");
        assertThat(json.at("/authentication/credentialId").asText()).isEqualTo("REVHOOKS_SECRET");
        assertThat(json.get("deliveryKey").asText()).startsWith("revont:summary.ready:");
        assertThat(json.at("/event/timestamp").asText()).isEqualTo("2024-09-15T14:32:00Z");
        assertThat(json.at("/event/data/coaching_score").asInt()).isEqualTo(82);
        assertThat(result.report()).contains("AUTHENTIC: the signature matches REVHOOKS_SECRET (HMAC_SIGNATURE)."
                + " Event summary.ready; the parsed delivery is on standard output.");
    }

    @Test
    void anAuthenticRevRagDeliveryPrintsTheCallAndTheUnauthenticatedHints() throws Exception {
        byte[] body = Scenario.REVRAG_BODY;
        Harness.Result result = harness.verify(SECRET, Scenario.revragSigned(SECRET, body, Harness.NOW), body,
                "--vendor", "revrag");

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.AUTHENTIC);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("type").asText()).isEqualTo("call.ended");
        assertThat(json.at("/event/call/call_id").asText()).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
        assertThat(json.at("/event/hints/event").asText()).isEqualTo("call.ended");
    }

    @Test
    void anAuthenticRevRagDeliveryWithoutAnEventHeaderHasNoType() throws Exception {
        byte[] body = Scenario.REVRAG_BODY;
        Harness.Result result = harness.verify(SECRET, RevRagSigner.of(Secret.of(SECRET)).sign(body, Harness.NOW, null,
                null), "--vendor", "revrag");

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.AUTHENTIC);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("type").isNull()).isTrue();
        assertThat(json.at("/event/json/call_id").asText()).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
        assertThat(result.report()).contains("The request does not name its event type; the parsed delivery is on"
                + " standard output.");
    }

    @Test
    void anAuthenticRevRingPreCallIsNamedByItsWebhook() throws Exception {
        byte[] body = Harness.resource("revring-pre-call.json");
        Harness.Result result = harness.verify(Scenario.RING_KEY,
                RevRingSigner.of(Secret.of(Scenario.RING_KEY)).request(body), "--vendor", "revring", "--event-type",
                "pre_call");

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.AUTHENTIC);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("type").asText()).isEqualTo("pre_call");
        assertThat(json.at("/authentication/method").asText()).isEqualTo("SHARED_KEY");
        assertThat(json.at("/event/request/fromNumber").asText()).isEqualTo("+14155550123");
        assertThat(result.report()).contains("AUTHENTIC: the API key matches REVHOOKS_SECRET (SHARED_KEY)");
    }

    @Test
    void anAuthenticRevDeskDeliveryIsNamedByItsSubscribedType() throws Exception {
        byte[] body = Scenario.REVDESK_BODY;
        Harness.Result result = harness.verify(Scenario.REVDESK_SECRET, Scenario.revdeskSigned(body), body,
                "--vendor", "revdesk", "--event-type", "number_purchased");

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.AUTHENTIC);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("type").asText()).isEqualTo("number_purchased");
        assertThat(json.at("/event/envelope/payload/phone_number").asText()).isEqualTo("+15551234567");
    }

    @Test
    void anAuthenticBodyThatDoesNotParseExitsZeroWithThePayloadErrorAndNoJson() {
        byte[] body = Harness.utf8("{\"event\":\"summary.ready\"}");
        Harness.Result result = harness.verify(SECRET, Scenario.revontSigned(SECRET, body), body, "--vendor",
                "revont");

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.AUTHENTIC);
        assertThat(result.out()).isEmpty();
        assertThat(result.report()).contains("AUTHENTIC, but the body does not parse: missing required field"
                + " 'timestamp'. A receiver keeps such a delivery");
    }

    @Test
    void aRejectedDeliveryExitsOneWithTheReasonAndTheHttpStatusAndNothingOnStandardOutput() {
        Harness.Result result = harness.verify(SECRET, Scenario.revontSigned("whsec_other", Scenario.PRETTY),
                Scenario.PRETTY, "--vendor", "revont");

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.REJECTED);
        assertThat(result.out()).isEmpty();
        assertThat(result.report()).contains("REJECTED: SIGNATURE_MISMATCH: the signature or key matches no configured"
                + " secret. A receiver answers HTTP 401.");
    }

    @Test
    void aBodyOverTheLimitIsRejectedByTheReceiversOwnCheckWithoutADiagnosis() {
        byte[] body = new byte[BodyLimit.DEFAULT.maxBytes() + 1];
        Harness.Result result = harness.verify(SECRET, Scenario.revontSigned(SECRET, body), body, "--vendor",
                "revont");

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.REJECTED);
        assertThat(result.report()).contains("REJECTED: PAYLOAD_TOO_LARGE", "A receiver answers HTTP 413.")
                .doesNotContain("Diagnosis");
    }

    @Test
    void aSignatureHeaderOverTheLimitIsRejectedWithoutADiagnosis() {
        WebhookHeaders headers = Scenario.headers("X-Revont-Signature", "sha256=" + "a".repeat(9000));
        Harness.Result result = harness.verify(SECRET, headers, Scenario.PRETTY, "--vendor", "revont");

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.REJECTED);
        assertThat(result.report()).contains("REJECTED: HEADER_TOO_LARGE", "A receiver answers HTTP 431.")
                .doesNotContain("Diagnosis");
    }

    @Test
    void anotherSecretVariableCanBeNamed() {
        Path headers = harness.headersFile(Scenario.revontSigned(SECRET, Scenario.PRETTY));
        Harness.Result result = Harness.run(Map.of("MY_REVONT_SECRET", SECRET), "verify", "--vendor", "revont",
                "--secret-env", "MY_REVONT_SECRET", "--headers", headers.toString(),
                "--body", harness.file(Scenario.PRETTY).toString());

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.AUTHENTIC);
        assertThat(result.report()).contains("the signature matches MY_REVONT_SECRET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpExitsZeroWithTheUsageOnStandardOutput(String help) {
        Harness.Result result = Harness.run(Map.of(), "verify", help);

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.AUTHENTIC);
        assertThat(result.out()).isEqualTo(Options.USAGE).contains("Usage: revhooks verify --vendor <vendor>",
                "Exit codes: 0 authentic, 1 rejected, 2 usage error, 3 internal error.");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void helpNeedsNoCommand() {
        assertThat(Harness.run(Map.of(), "--help").out()).isEqualTo(Options.USAGE);
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[] {}, "no command given; the command is verify"),
                Arguments.of(new String[] {"check"}, "unknown command (argument 1); the only command is verify"),
                Arguments.of(new String[] {"verify", "--headers", "h", "--body", "b"}, "--vendor is required"),
                Arguments.of(new String[] {"verify", "--vendor", "stripe", "--headers", "h", "--body", "b"},
                        "--vendor must be one of revont, revrag, revring, revdesk"),
                Arguments.of(new String[] {"verify", "--vendor", "revont", "--body", "b"}, "--headers is required"),
                Arguments.of(new String[] {"verify", "--vendor", "revont", "--headers", "h"}, "--body is required"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void aWrongCommandLineExitsTwoWithTheProblemOnStandardError(String[] args, String message) {
        Harness.Result result = Harness.run(Map.of("REVHOOKS_SECRET", SECRET), args);

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.USAGE_ERROR);
        assertThat(result.err()).isEqualTo("revhooks verify: " + message + "\nRun revhooks --help for the options.\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnsetSecretVariableIsAUsageError() {
        Harness.Result result = harness.verify(SECRET, Scenario.revontSigned(SECRET, Scenario.PRETTY),
                Scenario.PRETTY, "--vendor", "revont", "--secret-env", "UNSET_VARIABLE");

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.USAGE_ERROR);
        assertThat(result.err()).contains("the environment variable UNSET_VARIABLE is not set: put the secret (or"
                + " RevRing's API key) there; the command never takes it as an argument");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " \n\t"})
    void anEmptyOrBlankSecretIsAUsageError(String value) {
        Harness.Result result = harness.verify(value, Scenario.revontSigned(SECRET, Scenario.PRETTY),
                Scenario.PRETTY, "--vendor", "revont");

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.USAGE_ERROR);
        assertThat(result.err()).containsAnyOf("REVHOOKS_SECRET is empty", "REVHOOKS_SECRET holds only white space");
    }

    @Test
    void aMissingFileIsAUsageErrorNamingTheOptionAndTheFile() {
        Path missing = directory.resolve("no-such-body.json");
        Harness.Result result = Harness.run(Map.of("REVHOOKS_SECRET", SECRET), "verify", "--vendor", "revont",
                "--headers", harness.file(new byte[0]).toString(), "--body", missing.toString());

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.USAGE_ERROR);
        assertThat(result.err()).contains("cannot read the --body file " + missing + " (NoSuchFileException)");
    }

    @Test
    void anUnexpectedFailureExitsThreeAndIsNeverMistakenForARejection() {
        Map<String, String> failingEnvironment = new AbstractMap<>() {
            @Override
            public Set<Entry<String, String>> entrySet() {
                throw new IllegalStateException("environment unavailable");
            }
        };
        Path headers = harness.headersFile(Scenario.revontSigned(SECRET, Scenario.PRETTY));

        Harness.Result result = Harness.run(failingEnvironment, "verify", "--vendor", "revont",
                "--headers", headers.toString(), "--body", harness.file(Scenario.PRETTY).toString());

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.INTERNAL_ERROR);
        assertThat(result.err()).isEqualTo("revhooks verify: internal error, please report it:"
                + " java.lang.IllegalStateException\n");
    }

    @Test
    void anUnsignedRevDeskTypeIsRejectedAsUnsigned() {
        byte[] body = Harness.resource("revdesk-call-disposition.json");
        Harness.Result result = harness.verify(Scenario.REVDESK_SECRET, RevDeskSigner.unsignedRequest(body),
                "--vendor", "revdesk", "--event-type", "call_busy");

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.REJECTED);
        assertThat(result.report()).contains("REJECTED: UNSIGNED_DELIVERY_NOT_ALLOWED");
    }
}
