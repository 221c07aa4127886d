package dev.revhooks.revont;

import static dev.revhooks.revont.Fixtures.EXAMPLE_SECRET;
import static dev.revhooks.revont.Fixtures.EXAMPLE_SECRET_VALUE;
import static dev.revhooks.revont.Fixtures.GUIDE_EXAMPLE;
import static dev.revhooks.revont.Fixtures.SIGNER;
import static dev.revhooks.revont.Fixtures.assertPayloadError;
import static dev.revhooks.revont.Fixtures.assertRejected;
import static dev.revhooks.revont.Fixtures.receiver;
import static dev.revhooks.revont.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The signature check: every rejection path with its reason, what is accepted, and what messages reveal. */
class RevontVerificationTest {

    /** Not JSON: if anything after the failed check ran, the result would be a payload error. */
    private static final byte[] NOT_JSON = utf8("not json at all");

    private static final String VALID = SIGNER.signatureHeader(NOT_JSON);
    private static final String VALID_HEX = VALID.substring("sha256=".length());

    private final RevontWebhooks revont = receiver();

    private static WebhookRequest withSignature(String... values) {
        WebhookRequest.Builder builder = WebhookRequest.builder(NOT_JSON);
        for (String value : values) {
            builder.header("X-Revont-Signature", value);
        }
        return builder.build();
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of("no signature header", withSignature(), FailureReason.MISSING_SIGNATURE),
                Arguments.of("empty value", withSignature(""), FailureReason.MALFORMED_SIGNATURE),
                Arguments.of("white space only", withSignature("   "), FailureReason.MALFORMED_SIGNATURE),
                Arguments.of("bare hex, no prefix", withSignature(VALID_HEX), FailureReason.MALFORMED_SIGNATURE),
                Arguments.of("uppercase prefix", withSignature("SHA256=" + VALID_HEX), FailureReason.MALFORMED_SIGNATURE),
                Arguments.of("other algorithm", withSignature("sha1=" + VALID_HEX), FailureReason.MALFORMED_SIGNATURE),
                Arguments.of("space before =", withSignature("sha256 =" + VALID_HEX), FailureReason.MALFORMED_SIGNATURE),
                Arguments.of("space after =", withSignature("sha256= " + VALID_HEX), FailureReason.MALFORMED_SIGNATURE),
                Arguments.of("prefix only", withSignature("sha256="), FailureReason.MALFORMED_SIGNATURE),
                Arguments.of("63 hex digits", withSignature(VALID.substring(0, VALID.length() - 1)),
                        FailureReason.MALFORMED_SIGNATURE),
                Arguments.of("65 hex digits", withSignature(VALID + "0"), FailureReason.MALFORMED_SIGNATURE),
                Arguments.of("not hex", withSignature("sha256=" + "g" + VALID_HEX.substring(1)),
                        FailureReason.MALFORMED_SIGNATURE),
                Arguments.of("two signatures in one header", withSignature(VALID + "," + VALID),
                        FailureReason.MALFORMED_SIGNATURE),
                Arguments.of("two signature headers", withSignature(VALID, VALID), FailureReason.MALFORMED_SIGNATURE),
                Arguments.of("header too long", withSignature(VALID + " ".repeat(RequiredHeader.DEFAULT_MAX_LENGTH)),
                        FailureReason.HEADER_TOO_LARGE),
                Arguments.of("signature of another body", withSignature(SIGNER.signatureHeader(utf8("not json at all!"))),
                        FailureReason.SIGNATURE_MISMATCH),
                Arguments.of("another secret", withSignature(RevontSigner.of(Secret.of("whsec_other")).signatureHeader(NOT_JSON)),
                        FailureReason.SIGNATURE_MISMATCH),
                Arguments.of("all zero signature", withSignature("sha256=" + "0".repeat(64)), FailureReason.SIGNATURE_MISMATCH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void everyRejectionHasItsReasonAndRunsNothingAfterIt(String name, WebhookRequest request, FailureReason reason) {
        assertRejected(() -> revont.verify(request), reason);
        assertRejected(() -> revont.receive(request), reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void messagesNeverRevealTheSecretOrTheExpectedSignature(String name, WebhookRequest request, FailureReason reason) {
        assertRejected(() -> revont.receive(request), reason).message()
                .doesNotContain(EXAMPLE_SECRET_VALUE).doesNotContain("4f8a2b1c9d3e7f6a0b5c8d2e1f4a7b3c")
                .doesNotContainIgnoringCase(VALID_HEX);
    }

    @Test
    void theBodyLimitIsCheckedFirstAndABodyAtTheLimitPasses() throws Exception {
        assertThat(NOT_JSON).hasSize(15);
        RevontWebhooks tight = RevontWebhooks.builder().secret(EXAMPLE_SECRET).bodyLimit(BodyLimit.ofBytes(14)).build();
        assertThat(tight.bodyLimit()).isEqualTo(BodyLimit.ofBytes(14));
        assertRejected(() -> tight.verify(withSignature(VALID)), FailureReason.PAYLOAD_TOO_LARGE);
        assertRejected(() -> tight.receive(withSignature()), FailureReason.PAYLOAD_TOO_LARGE);

        RevontWebhooks exact = RevontWebhooks.builder().secret(EXAMPLE_SECRET).bodyLimit(BodyLimit.ofBytes(15)).build();
        assertThat(exact.verify(withSignature(VALID))).isEqualTo(Authentication.hmacSignature("secret-1"));
        assertThat(receiver().bodyLimit()).isEqualTo(BodyLimit.DEFAULT);
    }

    @Test
    void headerNameCaseHexCaseAndSurroundingWhiteSpaceDoNotMatter() throws Exception {
        List<WebhookRequest> accepted = List.of(
                WebhookRequest.builder(NOT_JSON).header("x-revont-signature", VALID).build(),
                WebhookRequest.builder(NOT_JSON).header("X-REVONT-SIGNATURE", VALID).build(),
                withSignature("sha256=" + VALID_HEX.toUpperCase(Locale.ROOT)),
                withSignature(" \t" + VALID + " "));
        for (WebhookRequest request : accepted) {
            assertThat(revont.verify(request).method()).isEqualTo(Authentication.Method.HMAC_SIGNATURE);
        }
    }

    @Test
    void aHeaderExactlyAtTheLengthLimitIsRead() throws Exception {
        String padded = VALID + " ".repeat(RequiredHeader.DEFAULT_MAX_LENGTH - VALID.length());
        assertThat(revont.verify(withSignature(padded)).credentialId()).isEqualTo("secret-1");
    }

    @Test
    void verifyDoesNotParseAndReceiveParsesOnlyAfterTheSignature() throws Exception {
        WebhookRequest signed = withSignature(VALID);
        assertThat(revont.verify(signed).credentialId()).isEqualTo("secret-1");
        assertPayloadError(() -> revont.receive(signed), NOT_JSON);
    }

    @Test
    void anyConfiguredSecretVerifiesAndTheMatchingOneIsNamed() throws Exception {
        Secret production = Secret.of("production", "whsec_production0000000000000000");
        Secret staging = Secret.of("staging", "whsec_staging000000000000000000000");
        RevontWebhooks both = RevontWebhooks.builder().secrets(List.of(production, staging)).build();
        assertThat(both.receive(RevontSigner.of(staging).sign(GUIDE_EXAMPLE)).authentication())
                .isEqualTo(Authentication.hmacSignature("staging"));
        assertThat(both.receive(RevontSigner.of(production).sign(GUIDE_EXAMPLE)).authentication())
                .isEqualTo(Authentication.hmacSignature("production"));
        assertRejected(() -> both.receive(SIGNER.sign(GUIDE_EXAMPLE)), FailureReason.SIGNATURE_MISMATCH);
    }

    @Test
    void secretReplacesEarlierSecrets() throws Exception {
        RevontWebhooks replaced = RevontWebhooks.builder()
                .secrets(List.of(Secret.of("whsec_old"), Secret.of("whsec_older")))
                .secret(EXAMPLE_SECRET)
                .build();
        assertThat(replaced.verify(withSignature(VALID)).credentialId()).isEqualTo("secret-1");
        assertRejected(() -> replaced.verify(RevontSigner.of(Secret.of("whsec_old")).sign(NOT_JSON)),
                FailureReason.SIGNATURE_MISMATCH);
    }

    @Test
    void theBuilderRequiresASecret() {
        assertThatThrownBy(() -> RevontWebhooks.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("secret");
        assertThatThrownBy(() -> RevontWebhooks.builder().secrets(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neitherTheReceiverNorTheSignerShowsTheSecret() {
        assertThat(revont.toString()).doesNotContain(EXAMPLE_SECRET_VALUE).contains("secrets=1").contains("off");
        assertThat(SIGNER.toString()).doesNotContain(EXAMPLE_SECRET_VALUE).contains("redacted");
        assertThat(revont.vendor()).isEqualTo("revont");
        assertThat(RevontWebhooks.SIGNATURE_HEADER).isEqualTo("X-Revont-Signature");
    }

    @Test
    void theSignerWritesTheHeaderRevontSends() {
        String header = SIGNER.signatureHeader(NOT_JSON);
        assertThat(header).matches("sha256=[0-9a-f]{64}");
        WebhookRequest request = SIGNER.sign(NOT_JSON);
        assertThat(request.body()).isSameAs(NOT_JSON);
        assertThat(request.headers().all("X-Revont-Signature")).containsExactly(header);
        assertThat(request.headers().names()).containsExactly("X-Revont-Signature");
    }

    @Test
    void oneReceiverServesManyThreads() throws Exception {
        RevontWebhooks shared = RevontWebhooks.builder()
                .secrets(List.of(Secret.of("a", "whsec_a"), EXAMPLE_SECRET)).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                byte[] body = utf8("{\"n\":" + i + "}");
                boolean genuine = i % 3 != 0;
                WebhookRequest request = genuine ? SIGNER.sign(body)
                        : WebhookRequest.builder(body).header("X-Revont-Signature", SIGNER.signatureHeader(NOT_JSON)).build();
                results.add(pool.submit(() -> {
                    try {
                        return "secret-2".equals(shared.verify(request).credentialId());
                    } catch (WebhookVerificationException e) {
                        return false;
                    }
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).as("request %d", i).isEqualTo(i % 3 != 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
