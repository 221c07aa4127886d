package dev.revhooks.cli;

import static dev.revhooks.cli.Harness.SECRET;
import static dev.revhooks.cli.Harness.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each family's scope: which rejections and vendors it has candidates for, and which candidates. */
class DiagnosisFamiliesTest {

    private static final Set<FailureReason> CREDENTIAL_NOT_ACCEPTED = EnumSet.of(FailureReason.MISSING_SIGNATURE,
            FailureReason.MALFORMED_SIGNATURE, FailureReason.SIGNATURE_MISMATCH, FailureReason.MISSING_TIMESTAMP,
            FailureReason.UNSIGNED_DELIVERY_NOT_ALLOWED);

    private static FailedCheck check(Vendor vendor, String secret, WebhookRequest request, FailureReason reason) {
        try {
            return new FailedCheck(vendor, new Settings(Harness.CLOCK, null, true),
                    SecretValue.fromEnvironment(Map.of("REVHOOKS_SECRET", secret), "REVHOOKS_SECRET"), request,
                    new WebhookVerificationException(reason));
        } catch (UsageException e) {
            throw new AssertionError(e);
        }
    }

    private static FailedCheck mismatch(Vendor vendor, String secret, byte[] body) {
        return check(vendor, secret, Scenario.request(Scenario.revontSigned(SECRET, body), body),
                FailureReason.SIGNATURE_MISMATCH);
    }

    private static List<String> labels(List<Candidate> candidates) {
        return candidates.stream().map(c -> c.explanation().substring(0, c.explanation().indexOf(':')))
                .collect(Collectors.toList());
    }

    @ParameterizedTest
    @EnumSource(FailureReason.class)
    void theCredentialIsLookedForElsewhereOnlyWhenItWasNotAccepted(FailureReason reason) {
        FailedCheck check = check(Vendor.REVONT, SECRET, Scenario.request(Scenario.headers("X-Signature", "x"),
                Scenario.PRETTY), reason);

        assertThat(check.credentialNotAccepted()).isEqualTo(CREDENTIAL_NOT_ACCEPTED.contains(reason));
        assertThat(new HeaderPlacementDiagnosis().candidates(check).isEmpty()).isEqualTo(!CREDENTIAL_NOT_ACCEPTED.contains(reason));
    }

    @ParameterizedTest
    @EnumSource(value = FailureReason.class, names = "SIGNATURE_MISMATCH", mode = EnumSource.Mode.EXCLUDE)
    void theBodyAndTheSecretAreTriedOnlyForAMismatch(FailureReason reason) {
        FailedCheck check = check(Vendor.REVONT, SECRET + "\n", Scenario.request(WebhookHeaders.empty(),
                Scenario.PRETTY), reason);

        assertThat(new BodyEncodingDiagnosis().candidates(check)).isEmpty();
        assertThat(new SecretFormDiagnosis().candidates(check)).isEmpty();
    }

    @Test
    void theBodyIsNotTriedForRevRingsKeyWhichDoesNotCoverIt() {
        assertThat(new BodyEncodingDiagnosis().candidates(mismatch(Vendor.REVRING, SECRET, Scenario.PRETTY))).isEmpty();
    }

    @Test
    void bodyCandidatesAreDistinctAndNeverTheBodyAsCaptured() {
        List<Candidate> candidates = new BodyEncodingDiagnosis().candidates(mismatch(Vendor.REVONT, SECRET,
                Scenario.PRETTY));

        List<ByteBuffer> bodies = candidates.stream().map(c -> ByteBuffer.wrap(c.request().body()))
                .collect(Collectors.toList());
        assertThat(bodies).doesNotHaveDuplicates().doesNotContain(ByteBuffer.wrap(Scenario.PRETTY));
        assertThat(labels(candidates)).containsExactly("Final newline", "Line endings", "Byte-order mark",
                "JSON layout", "JSON layout", "JSON layout", "JSON layout", "JSON layout", "JSON layout");
        assertThat(candidates).allSatisfy(c -> assertThat(c.request().headers().names())
                .containsExactlyInAnyOrderElementsOf(Scenario.revontSigned(SECRET, Scenario.PRETTY).names()));
    }

    @Test
    void aBodyThatIsNotJsonGetsNoLayoutCandidates() {
        List<Candidate> candidates = new BodyEncodingDiagnosis().candidates(mismatch(Vendor.REVONT, SECRET,
                utf8("event=summary.ready&x=1")));

        assertThat(labels(candidates)).containsExactly("Final newline", "Final newline", "Byte-order mark");
    }

    @Test
    void revRingsKeyIsTriedOnlyWithoutItsWhiteSpace() {
        assertThat(labels(new SecretFormDiagnosis().candidates(mismatch(Vendor.REVRING, " key-with-space",
                Scenario.PRETTY)))).containsExactly("Secret white space");
        assertThat(new SecretFormDiagnosis().candidates(mismatch(Vendor.REVRING, "whsec_key", Scenario.PRETTY)))
                .isEmpty();
    }

    @Test
    void aWhsecSecretIsTriedWithoutItsPrefixAndDecodedOnceWhenBothAlphabetsAgree() {
        assertThat(labels(new SecretFormDiagnosis().candidates(mismatch(Vendor.REVDESK, SECRET, Scenario.PRETTY))))
                .containsExactly("whsec_ prefix", "whsec_ secret decoded");
        assertThat(labels(new SecretFormDiagnosis().candidates(mismatch(Vendor.REVONT, "whsec_a-b_", Scenario.PRETTY))))
                .as("base64url only").containsExactly("whsec_ prefix", "whsec_ secret decoded");
        assertThat(labels(new SecretFormDiagnosis().candidates(mismatch(Vendor.REVONT, "whsec_ab-_cd+/", Scenario.PRETTY))))
                .containsExactly("whsec_ prefix");
    }

    @Test
    void aSecretWithoutThePrefixIsTriedWithIt() {
        assertThat(labels(new SecretFormDiagnosis().candidates(mismatch(Vendor.REVRAG, "plain-secret\n",
                Scenario.PRETTY)))).containsExactly("Secret white space", "whsec_ prefix");
    }

    @Test
    void theExpectedHeaderIsNeverItsOwnSourceAndEachOtherValueIsTriedOnceFromTheFirstHeaderByName() {
        WebhookHeaders headers = WebhookHeaders.builder()
                .add("X-Revont-Signature", "sha256=" + "1".repeat(64))
                .add("X-Signature", "sha256=" + "2".repeat(64))
                .add("X-Other", "sha256=" + "2".repeat(64))
                .build();

        List<Candidate> candidates = new HeaderPlacementDiagnosis().candidates(check(Vendor.REVONT, SECRET,
                Scenario.request(headers, Scenario.PRETTY), FailureReason.SIGNATURE_MISMATCH));

        assertThat(candidates).extracting(c -> c.request().headers().all("X-Revont-Signature"))
                .containsExactly(List.of("sha256=" + "2".repeat(64)), List.of("2".repeat(64)));
        assertThat(candidates.get(0).explanation()).contains("is in the X-Other header, not in X-Revont-Signature.");
    }

    @Test
    void otherVendorsAreTriedOnlyWhenTheirHeaderIsThere() {
        WebhookHeaders headers = WebhookHeaders.builder().add("x-api-key", "k").add("X-Webhook-Signature", "t=1,v1=x")
                .build();

        List<Candidate> candidates = new VendorMixUpDiagnosis().candidates(check(Vendor.REVONT, SECRET,
                Scenario.request(headers, Scenario.PRETTY), FailureReason.MISSING_SIGNATURE));

        assertThat(candidates).extracting(Candidate::vendor).containsExactly(Vendor.REVRAG, Vendor.REVRING);
        assertThat(candidates).allSatisfy(c -> assertThat(c.settings().eventType()).isNull());
    }

    @Test
    void anotherVendorNeedingAnEventTypeIsSuggestedWithIt() {
        WebhookHeaders headers = WebhookHeaders.builder().add("X-revdesk-Signature-256", "abc").build();

        List<Candidate> candidates = new VendorMixUpDiagnosis().candidates(check(Vendor.REVRING, SECRET,
                Scenario.request(headers, Scenario.PRETTY), FailureReason.MISSING_SIGNATURE));

        assertThat(candidates).singleElement().satisfies(c -> assertThat(c.explanation())
                .endsWith("run again with --vendor revdesk --event-type <the type its URL is subscribed to>."));
    }
}
