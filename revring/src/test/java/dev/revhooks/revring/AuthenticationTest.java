package dev.revhooks.revring;

import static dev.revhooks.revring.Fixtures.COMPLETED;
import static dev.revhooks.revring.Fixtures.KEY;
import static dev.revhooks.revring.Fixtures.KEY_VALUE;
import static dev.revhooks.revring.Fixtures.PREVIOUS_KEY_VALUE;
import static dev.revhooks.revring.Fixtures.assertRejected;
import static dev.revhooks.revring.Fixtures.keyed;
import static dev.revhooks.revring.Fixtures.receiver;
import static dev.revhooks.revring.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.guard.PathTokenGuard;
import dev.revhooks.core.guard.SourceAddressGuard;
import dev.revhooks.core.testing.ByteGen;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationTest {

    private static final byte[] BODY = resource(COMPLETED);
    private static final Secret PATH_TOKEN = Secret.of("pt_3b9d1f7a2c5e8d0b");

    private final RevRingWebhooks receiver = receiver();

    private static WebhookRequest withKeyHeaders(WebhookHeaders headers) {
        return WebhookRequest.builder(BODY).headers(headers).build();
    }

    private static WebhookRequest withKey(String name, String value) {
        return WebhookRequest.of(BODY, Map.of(name, value));
    }

    @Test
    void everyConfiguredKeyIsAcceptedAndNamed() throws Exception {
        assertThat(receiver.verify(withKey("x-api-key", KEY_VALUE))).isEqualTo(Authentication.sharedKey("current"));
        assertThat(receiver.verify(withKey("x-api-key", PREVIOUS_KEY_VALUE))).isEqualTo(Authentication.sharedKey("previous"));
        assertThat(receiver.receive(keyed(BODY)).authentication().provenBySecret()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-api-key", "X-API-KEY", "X-Api-Key"})
    void theHeaderNameIsCaseInsensitive(String name) throws Exception {
        assertThat(receiver.verify(withKey(name, KEY_VALUE)).credentialId()).isEqualTo("current");
    }

    @Test
    void surroundingWhiteSpaceInTheHeaderIsNotPartOfTheKey() throws Exception {
        assertThat(receiver.verify(withKey("x-api-key", " " + KEY_VALUE + "\t")).credentialId()).isEqualTo("current");
    }

    @Test
    void aMissingKeyIsMissingSignature() {
        assertRejected(() -> receiver.receive(WebhookRequest.of(BODY, Map.of())), FailureReason.MISSING_SIGNATURE);
        assertRejected(() -> receiver.receive(withKey("authorization", KEY_VALUE)), FailureReason.MISSING_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t "})
    void anEmptyKeyIsMalformed(String value) {
        assertRejected(() -> receiver.receive(withKey("x-api-key", value)), FailureReason.MALFORMED_SIGNATURE);
    }

    @Test
    void aKeySentTwiceIsMalformedEvenWhenBothAreRight() {
        assertRejected(() -> receiver.receive(withKeyHeaders(WebhookHeaders.builder()
                .add("x-api-key", KEY_VALUE).add("X-API-Key", KEY_VALUE).build())), FailureReason.MALFORMED_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rr_live_9c2f5a7e1b3d4f60a8e", "rr_live_9c2f5a7e1b3d4f60a8e2x", "RR_LIVE_9C2F5A7E1B3D4F60A8E2",
        "rr_live_9c2f5a7e1b3d4f60a8e3", "Bearer rr_live_9c2f5a7e1b3d4f60a8e2", "current"})
    void aWrongKeyIsASignatureMismatch(String value) {
        assertRejected(() -> receiver.receive(withKey("x-api-key", value)), FailureReason.SIGNATURE_MISMATCH);
    }

    @Test
    void anOverlongKeyHeaderIsRefusedBeforeComparison() {
        assertRejected(() -> receiver.receive(withKey("x-api-key", "k".repeat(8 * 1024 + 1))), FailureReason.HEADER_TOO_LARGE);
    }

    @Test
    void theBodyLimitIsCheckedFirst() throws Exception {
        RevRingWebhooks small = RevRingWebhooks.builder().apiKey(KEY).bodyLimit(BodyLimit.ofBytes(BODY.length - 1)).build();
        assertThat(small.bodyLimit().maxBytes()).isEqualTo(BODY.length - 1);
        assertRejected(() -> small.receive(keyed(BODY)), FailureReason.PAYLOAD_TOO_LARGE);
        // even without any key: nothing after the failed step runs
        assertRejected(() -> small.verify(WebhookRequest.of(BODY, Map.of())), FailureReason.PAYLOAD_TOO_LARGE);
        RevRingWebhooks exact = RevRingWebhooks.builder().apiKey(KEY).bodyLimit(BodyLimit.ofBytes(BODY.length)).build();
        assertThat(exact.receive(keyed(BODY)).event()).isInstanceOf(RevRingEvent.PostCall.class);
    }

    @Test
    void nothingIsParsedBeforeTheKeyIsChecked() throws Exception {
        byte[] notJson = ByteGen.utf8("this is not JSON");
        // a wrong key on an unparseable body is a verification failure, not a payload error
        assertRejected(() -> receiver.receive(WebhookRequest.of(notJson, Map.of("x-api-key", "wrong"))),
                FailureReason.SIGNATURE_MISMATCH);
        // verify() never reads the body
        assertThat(receiver.verify(keyed(notJson)).credentialId()).isEqualTo("current");
    }

    @Test
    void theKeyDoesNotCoverTheBodySoATamperedBodyStillAuthenticates() throws Exception {
        // The scheme's limit, stated as a test: RevRing's key proves the sender, not the body.
        byte[] tampered = ByteGen.flipBit(BODY, 8 * 20);
        assertThat(receiver.verify(keyed(tampered)).credentialId()).isEqualTo("current");
    }

    @Test
    void messagesAndToStringNeverShowAKey() {
        String nearMiss = KEY_VALUE.substring(0, KEY_VALUE.length() - 1) + "3";
        assertThatThrownBy(() -> receiver.receive(withKey("x-api-key", nearMiss)))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageNotContaining(nearMiss).hasMessageNotContaining(KEY_VALUE).hasMessageNotContaining("rr_live");
        assertThatThrownBy(() -> receiver.receive(withKey("x-api-key", "")))
                .hasMessageNotContaining(KEY_VALUE).hasMessageNotContaining(PREVIOUS_KEY_VALUE);
        assertThat(receiver.toString()).doesNotContain("rr_live").contains("current", "previous", "x-api-key");
        assertThat(Fixtures.SIGNER.toString()).doesNotContain("rr_live");
    }

    @Test
    void guardsAddedToTheKeyAreCheckedFirstAndBothMustPass() throws Exception {
        RevRingWebhooks guarded = RevRingWebhooks.builder().apiKey(KEY)
                .requestGuard(SourceAddressGuard.allowing(List.of("203.0.113.0/24", "2001:db8::/32")))
                .build();
        WebhookRequest fromRevRing = keyed(BODY).toBuilder().remoteAddress("203.0.113.20").build();
        assertThat(guarded.verify(fromRevRing)).isEqualTo(Authentication.sharedKey("current"));
        assertThat(guarded.verify(keyed(BODY).toBuilder().remoteAddress("2001:db8::7").build()).credentialId())
                .isEqualTo("current");
        assertRejected(() -> guarded.receive(keyed(BODY).toBuilder().remoteAddress("198.51.100.4").build()),
                FailureReason.REQUEST_GUARD_FAILED);
        // a refused address learns nothing about the key
        assertRejected(() -> guarded.receive(WebhookRequest.builder(BODY).remoteAddress("198.51.100.4").build()),
                FailureReason.REQUEST_GUARD_FAILED);
        assertRejected(() -> guarded.receive(WebhookRequest.builder(BODY).header("x-api-key", "wrong")
                .remoteAddress("203.0.113.20").build()), FailureReason.SIGNATURE_MISMATCH);
        assertThat(guarded.toString()).contains("with request guards");
    }

    @Test
    void everyAddedGuardMustPass() {
        RevRingWebhooks twoGuards = RevRingWebhooks.builder().apiKey(KEY)
                .requestGuard(SourceAddressGuard.allowing(List.of("203.0.113.0/24")))
                .requestGuard(PathTokenGuard.lastPathSegment(PATH_TOKEN))
                .build();
        WebhookRequest right = keyed(BODY).toBuilder().remoteAddress("203.0.113.20").path("/hooks/revring/pt_3b9d1f7a2c5e8d0b")
                .build();
        assertThatCode(() -> twoGuards.receive(right)).doesNotThrowAnyException();
        assertRejected(() -> twoGuards.receive(right.toBuilder().path("/hooks/revring/other").build()),
                FailureReason.REQUEST_GUARD_FAILED);
        assertRejected(() -> twoGuards.receive(right.toBuilder().remoteAddress("198.51.100.4").build()),
                FailureReason.REQUEST_GUARD_FAILED);
    }

    @Test
    void guardsReplaceTheKeyOnlyByTheLoudlyNamedChoice() throws Exception {
        RevRingWebhooks guardsOnly = RevRingWebhooks.builder()
                .requestGuard(PathTokenGuard.lastPathSegment(PATH_TOKEN))
                .dangerouslyAuthenticateWithRequestGuardsOnly()
                .build();
        WebhookRequest tokenOnly = WebhookRequest.builder(BODY).path("/hooks/revring/pt_3b9d1f7a2c5e8d0b").build();
        assertThat(guardsOnly.verify(tokenOnly)).isEqualTo(Authentication.requestGuards());
        assertThat(guardsOnly.receive(tokenOnly).authentication().provenBySecret()).isFalse();
        // a key header is ignored in this mode, right or wrong
        assertThat(guardsOnly.verify(tokenOnly.toBuilder().header("x-api-key", "anything").build()))
                .isEqualTo(Authentication.requestGuards());
        assertRejected(() -> guardsOnly.receive(keyed(BODY).toBuilder().path("/hooks/revring/guess").build()),
                FailureReason.REQUEST_GUARD_FAILED);
        assertRejected(() -> guardsOnly.receive(keyed(BODY)), FailureReason.REQUEST_GUARD_FAILED);
        assertThat(guardsOnly.toString()).contains("request guards only").doesNotContain("pt_3b9d");
    }

    @Test
    void buildRefusesAReceiverWithoutAKeyUnlessGuardsAloneAreChosen() {
        assertThatThrownBy(() -> RevRingWebhooks.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apiKey(").hasMessageContaining("dangerouslyAuthenticateWithRequestGuardsOnly()");
        // a guard alone is not a silent replacement for the key
        assertThatThrownBy(() -> RevRingWebhooks.builder().requestGuard(PathTokenGuard.lastPathSegment(PATH_TOKEN)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("x-api-key");
        assertThatThrownBy(() -> RevRingWebhooks.builder().dangerouslyAuthenticateWithRequestGuardsOnly().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("requestGuard(");
        assertThatThrownBy(() -> RevRingWebhooks.builder().apiKey(KEY).requestGuard(PathTokenGuard.lastPathSegment(PATH_TOKEN))
                .dangerouslyAuthenticateWithRequestGuardsOnly().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("remove one");
        assertThatThrownBy(() -> RevRingWebhooks.builder().secrets(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneReceiverServesManyThreadsAtOnce() {
        List<String> ids = IntStream.range(0, 400).parallel().mapToObj(i -> {
            try {
                return receiver.receive(withKey("x-api-key", i % 2 == 0 ? KEY_VALUE : PREVIOUS_KEY_VALUE))
                        .authentication().credentialId();
            } catch (WebhookException e) {
                throw new AssertionError(e);
            }
        }).collect(Collectors.toList());
        assertThat(ids).hasSize(400).containsOnly("current", "previous");
        assertThat(ids.stream().filter("current"::equals).count()).isEqualTo(200);
    }

    @Test
    void apiKeysAddsEveryKeyInOrder() throws Exception {
        RevRingWebhooks rotated = RevRingWebhooks.builder()
                .secrets(List.of(Secret.of(KEY_VALUE), Secret.of(PREVIOUS_KEY_VALUE))).build();
        assertThat(rotated.verify(withKey("x-api-key", KEY_VALUE)).credentialId()).isEqualTo("secret-1");
        assertThat(rotated.verify(withKey("x-api-key", PREVIOUS_KEY_VALUE)).credentialId()).isEqualTo("secret-2");
        assertThat(rotated.vendor()).isEqualTo("revring");
    }
}
