package dev.revhooks.revdesk;

import static dev.revhooks.core.testing.ByteGen.utf8;
import static dev.revhooks.revdesk.Fixtures.CALL_DISPOSITION;
import static dev.revhooks.revdesk.Fixtures.NUMBER_LIFECYCLE;
import static dev.revhooks.revdesk.Fixtures.SECRET;
import static dev.revhooks.revdesk.Fixtures.SECRET_VALUE;
import static dev.revhooks.revdesk.Fixtures.SIGNER;
import static dev.revhooks.revdesk.Fixtures.withSignature;
import static dev.revhooks.revdesk.Fixtures.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookReceiver;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.guard.PathTokenGuard;
import dev.revhooks.core.guard.SourceAddressGuard;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Authentication: every acceptance and rejection path of {@link RevDeskWebhooks#verify}. */
class RevDeskWebhooksTest {

    private static final RevDeskEventType PURCHASED = RevDeskEventType.NUMBER_PURCHASED;
    private static final RevDeskEventType BUSY = RevDeskEventType.CALL_BUSY;
    private static final String HEADER = RevDeskWebhooks.SIGNATURE_HEADER;
    private static final Secret PATH_TOKEN = Secret.of("p4th-t0ken-7c1e9a");

    private static final RevDeskWebhooks SIGNED = RevDeskWebhooks.builder().secret(SECRET).build();
    private static final RevDeskWebhooks EVERYTHING = RevDeskWebhooks.builder().secret(SECRET)
            .acceptUnauthenticatedUnsignedEvents().acceptUnauthenticatedNoSecretProvided().build();

    // --- signed deliveries -------------------------------------------------------------------

    @Test
    void aValidSignatureNamesTheSecretThatMatched() throws WebhookException {
        RevDeskWebhooks rotating = RevDeskWebhooks.builder()
                .secrets(List.of(Secret.of("next", "whsec_next-one"), SECRET)).build();
        assertThat(rotating.verify(PURCHASED, SIGNER.request(NUMBER_LIFECYCLE))).isEqualTo(Authentication.hmacSignature("current"));
        assertThat(rotating.verify(PURCHASED, RevDeskSigner.of(Secret.of("whsec_next-one")).request(NUMBER_LIFECYCLE)))
                .isEqualTo(Authentication.hmacSignature("next"));
    }

    @Test
    void headerNameCaseSurroundingSpaceAndHexCaseDoNotMatter() throws WebhookException {
        String signature = SIGNER.signature(NUMBER_LIFECYCLE);
        WebhookRequest lowerName = WebhookRequest.builder(NUMBER_LIFECYCLE)
                .header(HEADER.toLowerCase(Locale.ROOT), " " + signature + "\t").build();
        assertThat(SIGNED.verify(PURCHASED, lowerName).method()).isEqualTo(Authentication.Method.HMAC_SIGNATURE);
        WebhookRequest upperHex = withSignature(NUMBER_LIFECYCLE, signature.toUpperCase(Locale.ROOT));
        assertThat(SIGNED.verify(PURCHASED, upperHex).method()).isEqualTo(Authentication.Method.HMAC_SIGNATURE);
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsAMismatchAndTheMessageShowsNoSecretOrExpectedValue() {
        WebhookRequest forged = RevDeskSigner.of(Secret.of("whsec_attacker")).request(NUMBER_LIFECYCLE);
        WebhookVerificationException e = assertRejected(() -> SIGNED.verify(PURCHASED, forged), FailureReason.SIGNATURE_MISMATCH);
        assertThat(e).hasMessageNotContaining(SIGNER.signature(NUMBER_LIFECYCLE))
                .hasMessageNotContaining(RevDeskSigner.of(Secret.of("whsec_attacker")).signature(NUMBER_LIFECYCLE));
    }

    @Test
    void aTamperedBodyIsAMismatch() {
        WebhookRequest signed = SIGNER.request(NUMBER_LIFECYCLE);
        byte[] tampered = utf8(new String(NUMBER_LIFECYCLE, StandardCharsets.UTF_8).replace("4821", "4822"));
        assertRejected(() -> SIGNED.verify(PURCHASED, withSignature(tampered, signed.headers().first(HEADER))),
                FailureReason.SIGNATURE_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sha256=", "v1=", "zz", "0123"})
    void aSignatureThatIsNotSixtyFourHexDigitsIsMalformed(String prefixOrJunk) {
        String hex = SIGNER.signature(NUMBER_LIFECYCLE);
        String value = prefixOrJunk.endsWith("=") ? prefixOrJunk + hex : prefixOrJunk;
        assertRejected(() -> SIGNED.verify(PURCHASED, withSignature(NUMBER_LIFECYCLE, value)), FailureReason.MALFORMED_SIGNATURE);
        assertRejected(() -> SIGNED.verify(PURCHASED, withSignature(NUMBER_LIFECYCLE, hex.substring(1) + "g")),
                FailureReason.MALFORMED_SIGNATURE);
    }

    @Test
    void theSignatureHeaderSentTwiceIsMalformedEvenWhenBothAreValid() {
        String hex = SIGNER.signature(NUMBER_LIFECYCLE);
        assertRejected(() -> EVERYTHING.verify(PURCHASED, withSignature(NUMBER_LIFECYCLE, hex, hex)),
                FailureReason.MALFORMED_SIGNATURE);
        assertRejected(() -> EVERYTHING.verify(BUSY, withSignature(CALL_DISPOSITION,
                RevDeskWebhooks.NO_SECRET_PROVIDED, RevDeskWebhooks.NO_SECRET_PROVIDED)), FailureReason.MALFORMED_SIGNATURE);
    }

    @Test
    void anOverlongSignatureHeaderIsRejectedBeforeAnythingElse() {
        String longValue = "a".repeat(RequiredHeader.DEFAULT_MAX_LENGTH + 1);
        assertRejected(() -> EVERYTHING.verify(PURCHASED, withSignature(NUMBER_LIFECYCLE, longValue)),
                FailureReason.HEADER_TOO_LARGE);
    }

    @Test
    void theBodyLimitIsCheckedFirst() {
        RevDeskWebhooks small = RevDeskWebhooks.builder().secret(SECRET).acceptUnauthenticatedUnsignedEvents()
                .bodyLimit(BodyLimit.ofBytes(NUMBER_LIFECYCLE.length - 1)).build();
        assertThat(small.bodyLimit()).isEqualTo(BodyLimit.ofBytes(NUMBER_LIFECYCLE.length - 1));
        assertRejected(() -> small.verify(PURCHASED, SIGNER.request(NUMBER_LIFECYCLE)), FailureReason.PAYLOAD_TOO_LARGE);
        assertRejected(() -> small.verify(PURCHASED, withSignature(NUMBER_LIFECYCLE, "junk")), FailureReason.PAYLOAD_TOO_LARGE);
        assertRejected(() -> small.verify(BUSY, RevDeskSigner.unsignedRequest(NUMBER_LIFECYCLE)), FailureReason.PAYLOAD_TOO_LARGE);
        RevDeskWebhooks exact = RevDeskWebhooks.builder().secret(SECRET).bodyLimit(BodyLimit.ofBytes(NUMBER_LIFECYCLE.length)).build();
        assertThatCode(() -> exact.verify(PURCHASED, SIGNER.request(NUMBER_LIFECYCLE)))
                .doesNotThrowAnyException();
    }

    @Test
    void aPresentSignatureIsVerifiedEvenOnTypesDocumentedAsUnsigned() throws WebhookException {
        assertThat(EVERYTHING.verify(BUSY, SIGNER.request(CALL_DISPOSITION))).isEqualTo(Authentication.hmacSignature("current"));
        assertRejected(() -> EVERYTHING.verify(BUSY, RevDeskSigner.of(Secret.of("other")).request(CALL_DISPOSITION)),
                FailureReason.SIGNATURE_MISMATCH);
        assertRejected(() -> EVERYTHING.verify(BUSY, withSignature(CALL_DISPOSITION, "not-a-signature")),
                FailureReason.MALFORMED_SIGNATURE);
    }

    @Test
    void aSignedDeliveryAtAReceiverWithoutSecretsIsAMismatch() {
        RevDeskWebhooks unsignedOnly = RevDeskWebhooks.builder().acceptUnauthenticatedUnsignedEvents().build();
        assertRejected(() -> unsignedOnly.verify(PURCHASED, SIGNER.request(NUMBER_LIFECYCLE)), FailureReason.SIGNATURE_MISMATCH);
    }

    // --- number lifecycle without a signature ----------------------------------------------------

    @Test
    void aLifecycleDeliveryWithoutTheHeaderIsMissingItsSignatureWhateverTheOptIns() {
        for (RevDeskEventType type : List.of(RevDeskEventType.NUMBER_PURCHASED, RevDeskEventType.NUMBER_RELEASED)) {
            assertRejected(() -> EVERYTHING.verify(type, RevDeskSigner.unsignedRequest(NUMBER_LIFECYCLE)),
                    FailureReason.MISSING_SIGNATURE);
        }
    }

    @Test
    void noSecretProvidedIsRejectedWithItsOwnReasonAndAMessageSayingWhy() {
        WebhookRequest request = RevDeskSigner.withoutSigningSecret().request(NUMBER_LIFECYCLE);
        assertThat(request.headers().first(HEADER)).isEqualTo("no-secret-provided");
        WebhookVerificationException e = assertRejected(() -> SIGNED.verify(PURCHASED, request),
                FailureReason.NO_SECRET_CONFIGURED_AT_SENDER);
        assertThat(e).hasMessageContaining("created without a signing secret").hasMessageContaining("cannot be verified");
        // the unsigned opt-in does not cover it: the marker says the sender could sign but has no secret
        RevDeskWebhooks unsignedOptIn = RevDeskWebhooks.builder().secret(SECRET).acceptUnauthenticatedUnsignedEvents().build();
        assertRejected(() -> unsignedOptIn.verify(PURCHASED, request), FailureReason.NO_SECRET_CONFIGURED_AT_SENDER);
        assertRejected(() -> unsignedOptIn.verify(RevDeskEventType.CONTACT_CREATED, request),
                FailureReason.NO_SECRET_CONFIGURED_AT_SENDER);
    }

    @Test
    void noSecretProvidedIsAnExactLiteral() {
        RevDeskWebhooks noSecretOptIn = RevDeskWebhooks.builder().acceptUnauthenticatedNoSecretProvided().build();
        assertRejected(() -> noSecretOptIn.verify(PURCHASED, withSignature(NUMBER_LIFECYCLE, "No-Secret-Provided")),
                FailureReason.MALFORMED_SIGNATURE);
        assertRejected(() -> noSecretOptIn.verify(PURCHASED, withSignature(NUMBER_LIFECYCLE, "no-secret")),
                FailureReason.MALFORMED_SIGNATURE);
    }

    @Test
    void noSecretProvidedIsAcceptedOnlyByExplicitOptInAndThenReportsNoAuthentication() throws WebhookException {
        RevDeskWebhooks optIn = RevDeskWebhooks.builder().subscribedTo(PURCHASED).acceptUnauthenticatedNoSecretProvided().build();
        VerifiedDelivery<RevDeskEvent> delivery = optIn.receive(RevDeskSigner.withoutSigningSecret().request(NUMBER_LIFECYCLE));
        assertThat(delivery.authentication()).isEqualTo(Authentication.none());
        assertThat(delivery.authentication().provenBySecret()).isFalse();
        assertThat(delivery.event()).isInstanceOf(RevDeskEvent.NumberPurchased.class);
        // it does not open the door to deliveries with no header at all
        assertRejected(() -> optIn.verify(RevDeskEventType.SMS_SENT, RevDeskSigner.unsignedRequest(CALL_DISPOSITION)),
                FailureReason.UNSIGNED_DELIVERY_NOT_ALLOWED);
    }

    // --- unsigned flat deliveries ----------------------------------------------------------------

    @Test
    void unsignedDeliveriesAreRefusedByDefault() {
        for (RevDeskEventType type : RevDeskEventType.values()) {
            if (type != RevDeskEventType.UNKNOWN && !type.isNumberLifecycle()) {
                assertRejected(() -> SIGNED.verify(type, RevDeskSigner.unsignedRequest(CALL_DISPOSITION)),
                        FailureReason.UNSIGNED_DELIVERY_NOT_ALLOWED);
            }
        }
    }

    @Test
    void unsignedDeliveriesAreAcceptedByOptInAndReportNoAuthentication() throws WebhookException {
        RevDeskWebhooks optIn = RevDeskWebhooks.builder().acceptUnauthenticatedUnsignedEvents().build();
        assertThat(optIn.verify(BUSY, RevDeskSigner.unsignedRequest(CALL_DISPOSITION))).isEqualTo(Authentication.none());
        assertRejected(() -> optIn.verify(BUSY, RevDeskSigner.withoutSigningSecret().request(CALL_DISPOSITION)),
                FailureReason.NO_SECRET_CONFIGURED_AT_SENDER);
    }

    // --- request guards --------------------------------------------------------------------------

    @Test
    void aPathTokenGuardStandsInFrontOfUnsignedDeliveries() throws WebhookException {
        RevDeskWebhooks guarded = RevDeskWebhooks.builder().acceptUnauthenticatedUnsignedEvents()
                .requestGuard(PathTokenGuard.lastPathSegment(PATH_TOKEN)).build();
        WebhookRequest unsigned = RevDeskSigner.unsignedRequest(CALL_DISPOSITION);

        assertThat(guarded.verify(BUSY, unsigned.toBuilder().path("/hooks/revdesk/call_busy/p4th-t0ken-7c1e9a").build()))
                .isEqualTo(Authentication.requestGuards());
        WebhookVerificationException e = assertRejected(() -> guarded.verify(BUSY,
                unsigned.toBuilder().path("/hooks/revdesk/call_busy/wrong").build()), FailureReason.REQUEST_GUARD_FAILED);
        assertThat(e).hasMessageNotContaining("p4th-t0ken");
        assertRejected(() -> guarded.verify(BUSY, unsigned), FailureReason.REQUEST_GUARD_FAILED);
    }

    @Test
    void aQueryTokenGuardWorksTheSameWay() throws WebhookException {
        RevDeskWebhooks guarded = RevDeskWebhooks.builder().acceptUnauthenticatedUnsignedEvents()
                .requestGuard(PathTokenGuard.queryParameter("token", PATH_TOKEN)).build();
        WebhookRequest unsigned = RevDeskSigner.unsignedRequest(CALL_DISPOSITION);
        assertThat(guarded.verify(BUSY, unsigned.toBuilder().query("token=p4th-t0ken-7c1e9a").build()))
                .isEqualTo(Authentication.requestGuards());
        assertRejected(() -> guarded.verify(BUSY, unsigned.toBuilder().query("token=p4th").build()),
                FailureReason.REQUEST_GUARD_FAILED);
    }

    @ParameterizedTest
    @CsvSource({
        "203.0.113.0, true",
        "203.0.113.255, true",
        "203.0.112.255, false",
        "203.0.114.0, false",
        "2001:db8::, true",
        "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, true",
        "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff, false",
        "2001:db9::, false",
        "::ffff:203.0.113.9, true",
        "198.51.100.1, false",
    })
    void aSourceAddressAllowlistCoversIpv4AndIpv6UpToTheEdgesOfEachRange(String address, boolean allowed)
            throws WebhookException {
        RevDeskWebhooks guarded = RevDeskWebhooks.builder().acceptUnauthenticatedUnsignedEvents()
                .requestGuard(SourceAddressGuard.allowing(List.of("203.0.113.0/24", "2001:db8::/32"))).build();
        WebhookRequest request = RevDeskSigner.unsignedRequest(CALL_DISPOSITION).toBuilder().remoteAddress(address).build();
        if (allowed) {
            assertThat(guarded.verify(BUSY, request)).isEqualTo(Authentication.requestGuards());
        } else {
            assertRejected(() -> guarded.verify(BUSY, request), FailureReason.REQUEST_GUARD_FAILED);
        }
    }

    @Test
    void everyConfiguredGuardMustPassAndGuardsRunOnSignedDeliveriesBeforeTheSignature() throws WebhookException {
        RevDeskWebhooks guarded = RevDeskWebhooks.builder().secret(SECRET)
                .requestGuard(PathTokenGuard.lastPathSegment(PATH_TOKEN))
                .requestGuard(SourceAddressGuard.allowing(List.of("203.0.113.0/24"))).build();
        WebhookRequest signed = SIGNER.request(NUMBER_LIFECYCLE).toBuilder()
                .path("/hooks/p4th-t0ken-7c1e9a").remoteAddress("203.0.113.7").build();

        assertThat(guarded.verify(PURCHASED, signed)).isEqualTo(Authentication.hmacSignature("current"));
        assertRejected(() -> guarded.verify(PURCHASED, signed.toBuilder().remoteAddress("198.51.100.7").build()),
                FailureReason.REQUEST_GUARD_FAILED);
        assertRejected(() -> guarded.verify(PURCHASED, signed.toBuilder().path("/hooks/nope").build()),
                FailureReason.REQUEST_GUARD_FAILED);
        WebhookRequest badSignatureAndBadToken = withSignature(NUMBER_LIFECYCLE, "0".repeat(64)).toBuilder()
                .path("/hooks/nope").remoteAddress("203.0.113.7").build();
        assertRejected(() -> guarded.verify(PURCHASED, badSignatureAndBadToken), FailureReason.REQUEST_GUARD_FAILED);
    }

    @Test
    void guardsAlsoStandInFrontOfNoSecretProvided() throws WebhookException {
        RevDeskWebhooks guarded = RevDeskWebhooks.builder().acceptUnauthenticatedNoSecretProvided()
                .requestGuard(PathTokenGuard.lastPathSegment(PATH_TOKEN)).build();
        WebhookRequest marker = RevDeskSigner.withoutSigningSecret().request(NUMBER_LIFECYCLE);
        assertThat(guarded.verify(PURCHASED, marker.toBuilder().path("/p4th-t0ken-7c1e9a").build()))
                .isEqualTo(Authentication.requestGuards());
        assertRejected(() -> guarded.verify(PURCHASED, marker), FailureReason.REQUEST_GUARD_FAILED);
    }

    // --- event types -----------------------------------------------------------------------------

    @Test
    void aMappedTriggerEventForAnotherTypeIsAMismatchOnEveryUrl() {
        byte[] released = utf8("{\"triggerEvent\":\"number.released\",\"payload\":{\"id\":1}}");
        assertRejected(() -> SIGNED.receive(PURCHASED, SIGNER.request(released)), FailureReason.EVENT_TYPE_MISMATCH);
        // an unsigned envelope cannot be slipped in through a flat URL either
        byte[] purchased = utf8("{\"triggerEvent\":\"number.purchased\",\"payload\":{\"id\":1}}");
        WebhookVerificationException e = assertRejected(
                () -> EVERYTHING.receive(BUSY, RevDeskSigner.unsignedRequest(purchased)), FailureReason.EVENT_TYPE_MISMATCH);
        assertThat(e).hasMessageContaining("number_purchased").hasMessageContaining("call_busy");
        assertRejected(() -> EVERYTHING.receive(RevDeskEventType.CONTACT_CREATED, RevDeskSigner.unsignedRequest(purchased)),
                FailureReason.EVENT_TYPE_MISMATCH);
    }

    @Test
    void receiveSaysHowAnUnparseableBodyWasAuthenticatedSignedOrNot() throws Exception {
        byte[] broken = utf8("{\"triggerEvent\":");
        WebhookRequest signed = SIGNER.request(broken);
        assertThat(catchThrowable(() -> EVERYTHING.receive(PURCHASED, signed))).isInstanceOfSatisfying(
                WebhookPayloadException.class, e -> assertThat(e.authentication()).contains(Authentication.hmacSignature("current")));
        assertThat(catchThrowable(() -> EVERYTHING.receive(BUSY, RevDeskSigner.unsignedRequest(broken))))
                .isInstanceOfSatisfying(WebhookPayloadException.class, e -> {
                    assertThat(e.rawBody()).isSameAs(broken);
                    assertThat(e.authentication()).contains(Authentication.none());
                });
        assertThat(catchThrowable(() -> EVERYTHING.parse(PURCHASED, signed))).isInstanceOfSatisfying(
                WebhookPayloadException.class, e -> assertThat(e.authentication()).isEmpty());
    }

    @Test
    void parseAloneReportsAMismatchAsAPayloadErrorCausedByTheVerificationFailure() {
        byte[] released = utf8("{\"triggerEvent\":\"number.released\",\"payload\":{\"id\":1}}");
        WebhookRequest request = SIGNER.request(released);
        Throwable thrown = catchThrowable(() -> SIGNED.parse(PURCHASED, request));
        assertThat(thrown).isInstanceOfSatisfying(WebhookPayloadException.class, e -> {
            assertThat(e.rawBody()).isSameAs(released);
            assertThat(e.getCause()).isInstanceOfSatisfying(WebhookVerificationException.class,
                    cause -> assertThat(cause.reason()).isEqualTo(FailureReason.EVENT_TYPE_MISMATCH));
        });
    }

    @Test
    void anUnmappedTriggerEventIsAnUnknownEventKeptWhole() throws WebhookException {
        byte[] ported = utf8("{\"triggerEvent\":\"number.ported\",\"createdAt\":\"soon\",\"payload\":[1,2]}");
        VerifiedDelivery<RevDeskEvent> delivery = SIGNED.receive(PURCHASED, SIGNER.request(ported));
        assertThat(delivery.event()).isInstanceOfSatisfying(RevDeskEvent.Unknown.class, unknown -> {
            assertThat(unknown.type()).isEqualTo(RevDeskEventType.UNKNOWN);
            assertThat(unknown.subscribedType()).isEqualTo(PURCHASED);
            assertThat(unknown.triggerEvent()).isEqualTo("number.ported");
            assertThat(unknown.body().get("payload").size()).isEqualTo(2);
        });
        assertThat(delivery.deliveryKey().value()).startsWith("revdesk:number_purchased:");

        byte[] contact = utf8("{\"triggerEvent\":\"contact.created\",\"payload\":{\"id\":\"c_1\"}}");
        assertThat(EVERYTHING.receive(RevDeskEventType.CONTACT_CREATED, RevDeskSigner.unsignedRequest(contact)).event())
                .isInstanceOfSatisfying(RevDeskEvent.Unknown.class,
                        unknown -> assertThat(unknown.triggerEvent()).isEqualTo("contact.created"));
        // trigger names are case-sensitive: an unmapped spelling is unknown, not a mismatch
        byte[] shouting = utf8("{\"triggerEvent\":\"NUMBER.RELEASED\",\"payload\":{}}");
        assertThat(SIGNED.receive(PURCHASED, SIGNER.request(shouting)).event()).isInstanceOf(RevDeskEvent.Unknown.class);
    }

    @Test
    void nothingIsParsedBeforeAuthentication() {
        byte[] notJson = utf8("not json at all");
        assertRejected(() -> SIGNED.receive(PURCHASED, withSignature(notJson, "0".repeat(64))), FailureReason.SIGNATURE_MISMATCH);
        assertRejected(() -> SIGNED.receive(BUSY, RevDeskSigner.unsignedRequest(notJson)),
                FailureReason.UNSIGNED_DELIVERY_NOT_ALLOWED);
        byte[] released = utf8("{\"triggerEvent\":\"number.released\",\"payload\":{}}");
        assertRejected(() -> SIGNED.receive(PURCHASED, withSignature(released, "0".repeat(64))), FailureReason.SIGNATURE_MISMATCH);
    }

    // --- configuration ---------------------------------------------------------------------------

    @Test
    void theSubscribedTypeComesFromTheBuilderOrTheCall() throws WebhookException {
        WebhookReceiver<RevDeskEvent> receiver = RevDeskWebhooks.builder().subscribedTo(BUSY)
                .acceptUnauthenticatedUnsignedEvents().build();
        WebhookRequest request = RevDeskSigner.unsignedRequest(CALL_DISPOSITION);
        assertThat(receiver.vendor()).isEqualTo("revdesk");
        assertThat(receiver.verify(request)).isEqualTo(Authentication.none());
        assertThat(receiver.parse(request)).isInstanceOf(RevDeskEvent.CallBusy.class);
        assertThat(receiver.receive(request).event()).isInstanceOf(RevDeskEvent.CallBusy.class);
        assertThat(((RevDeskWebhooks) receiver).receive(RevDeskEventType.CALL_FAILED, request).event())
                .isInstanceOf(RevDeskEvent.CallFailed.class);
    }

    @Test
    void withoutASubscribedTypeOnlyTheTypedMethodsWork() throws WebhookException {
        RevDeskWebhooks perCall = RevDeskWebhooks.builder().acceptUnauthenticatedUnsignedEvents().build();
        WebhookRequest request = RevDeskSigner.unsignedRequest(CALL_DISPOSITION);
        assertThatThrownBy(() -> perCall.receive(request)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("subscribedTo");
        assertThatThrownBy(() -> perCall.verify(request)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> perCall.parse(request)).isInstanceOf(IllegalStateException.class);
        assertThat(perCall.receive(BUSY, request).event()).isInstanceOf(RevDeskEvent.CallBusy.class);
        assertThatThrownBy(() -> perCall.receive(RevDeskEventType.UNKNOWN, request)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBuilderRefusesConfigurationsThatCannotWork() {
        assertThatThrownBy(() -> RevDeskWebhooks.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RevDeskWebhooks.builder().requestGuard(PathTokenGuard.lastPathSegment(PATH_TOKEN)).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RevDeskWebhooks.builder().secrets(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RevDeskWebhooks.builder().subscribedTo(RevDeskEventType.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringsNeverShowSecrets() {
        RevDeskWebhooks receiver = RevDeskWebhooks.builder().secret(SECRET).subscribedTo(PURCHASED)
                .requestGuard(PathTokenGuard.lastPathSegment(PATH_TOKEN)).build();
        assertThat(receiver.toString()).contains("number_purchased", "current").doesNotContain(SECRET_VALUE, "p4th-t0ken");
        assertThat(SIGNER.toString()).doesNotContain(SECRET_VALUE);
        assertThat(RevDeskSigner.withoutSigningSecret().toString()).contains("no-secret-provided");
    }

    @Test
    void oneReceiverServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RevDeskEvent>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                WebhookRequest request = i % 2 == 0 ? SIGNER.request(NUMBER_LIFECYCLE) : RevDeskSigner.unsignedRequest(CALL_DISPOSITION);
                RevDeskEventType type = i % 2 == 0 ? PURCHASED : BUSY;
                results.add(pool.submit(() -> EVERYTHING.receive(type, request).event()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get().type()).isEqualTo(i % 2 == 0 ? PURCHASED : BUSY);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
