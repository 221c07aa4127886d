package dev.revhooks.revdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.HttpWhiteSpace;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.guard.PathTokenGuard;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.signature.HmacSha256Signer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of RevDesk's verify-then-parse path and of its signature header, with a
 * fixed secret and path token and fuzzer-chosen subscribed types, headers, paths and bodies. Input
 * layouts are in fuzz/README.md.
 */
class RevDeskFuzzTest {

    static final String SECRET_VALUE = "whsec_revdesk-fuzz-83b1";
    static final Secret SECRET = Secret.of("fuzz", SECRET_VALUE);
    static final String TOKEN_VALUE = "rd-path-token-5c7e9a";

    /** Signed deliveries only. */
    static final RevDeskWebhooks SIGNED = RevDeskWebhooks.builder().secret(SECRET).build();
    /** Signed deliveries, and unsigned ones behind a path token; every request must pass the guard. */
    static final RevDeskWebhooks GUARDED_UNSIGNED = RevDeskWebhooks.builder().secret(SECRET)
            .acceptUnauthenticatedUnsignedEvents()
            .requestGuard(PathTokenGuard.lastPathSegment(Secret.of(TOKEN_VALUE))).build();
    /** Only {@code no-secret-provided} deliveries, unguarded. */
    static final RevDeskWebhooks NO_SECRET = RevDeskWebhooks.builder().acceptUnauthenticatedNoSecretProvided().build();
    /** Only unsigned deliveries, unguarded. */
    static final RevDeskWebhooks UNSIGNED = RevDeskWebhooks.builder().acceptUnauthenticatedUnsignedEvents().build();
    private static final List<RevDeskWebhooks> RECEIVERS = List.of(SIGNED, GUARDED_UNSIGNED, NO_SECRET, UNSIGNED);

    private static final String HEADER = RevDeskWebhooks.SIGNATURE_HEADER;
    private static final List<String> NAMES = List.of(HEADER, "x-revdesk-signature-256", "X-Revdesk-Signature", "Content-Type");
    private static final List<RevDeskEventType> TYPES = Arrays.stream(RevDeskEventType.values())
            .filter(type -> type != RevDeskEventType.UNKNOWN).toList();
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * Receives a fuzzed body for a fuzzed subscribed type with one of four receivers. The signature
     * header carries the body's true signature, {@code no-secret-provided}, a fuzzed value or
     * nothing; the path is the one with the token, a fuzzed one (without '%') or absent; up to two
     * more fuzzed header lines follow. Only the library's two exceptions may escape. A request is
     * accepted, or is a payload error, only as the security table allows: with one signature
     * header holding the true signature (HMAC_SIGNATURE); or unsigned, on a receiver that opted in,
     * for a type that is not a number-lifecycle one (REQUEST_GUARDS when guarded, else NONE); or
     * {@code no-secret-provided} on the receiver that opted into it (NONE); and, when guarded,
     * only with the token. A truly signed request to a receiver with the secret (and the token
     * when guarded) is accepted, a payload error, or an {@code EVENT_TYPE_MISMATCH} for an envelope
     * announcing the other number-lifecycle type.
     */
    @FuzzTest(maxDuration = "5m")
    void receive(FuzzedDataProvider data) {
        RevDeskWebhooks receiver = data.pickValue(RECEIVERS);
        RevDeskEventType type = data.pickValue(TYPES);
        int signatureChoice = data.consumeInt(0, 3);
        int pathChoice = data.consumeInt(0, 2);
        int lines = data.consumeInt(0, 2);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            names.add(data.pickValue(NAMES));
        }
        String fuzzedSignature = signatureChoice == 2 ? data.consumeString(80) : null;
        String path = pathChoice == 0 ? "/hooks/revdesk/" + type.wireName() + "/" + TOKEN_VALUE
                : pathChoice == 1 ? data.consumeString(60).replace('%', '_') : null;
        List<String> values = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            values.add(data.consumeString(60));
        }
        byte[] body = data.consumeRemainingAsBytes();
        String expected = HmacSha256Signer.hex(SECRET, body);
        String signature = signatureChoice == 0 ? expected : signatureChoice == 1 ? RevDeskWebhooks.NO_SECRET_PROVIDED
                : fuzzedSignature;
        WebhookRequest.Builder builder = WebhookRequest.builder(body).path(path).header(HEADER, signature);
        for (int i = 0; i < lines; i++) {
            builder.header(names.get(i), values.get(i));
        }
        WebhookRequest request = builder.build();
        List<String> sent = request.headers().all(HEADER);
        boolean guardPasses = receiver != GUARDED_UNSIGNED || tokenIsLastSegment(path);
        boolean trulySigned = sent.size() == 1 && HttpWhiteSpace.trim(sent.get(0)).equalsIgnoreCase(expected);

        try {
            VerifiedDelivery<RevDeskEvent> delivery = receiver.receive(type, request);
            assertAllowed(receiver, type, request, expected, guardPasses, delivery.authentication());
            assertThat(delivery.rawBody()).isSameAs(body);
            assertThat(delivery.deliveryKey().value()).startsWith("revdesk:" + type.wireName() + ":");
            assertUtf8JsonObject(body);
        } catch (WebhookVerificationException e) {
            if (e.reason() == FailureReason.EVENT_TYPE_MISMATCH) {
                assertAllowed(receiver, type, request, expected, guardPasses, null);
                assertAnnouncesAnotherLifecycleType(body, type);
            } else {
                assertThat(trulySigned && receiver != NO_SECRET && receiver != UNSIGNED && guardPasses)
                        .as("a truly signed request was rejected: %s", e.getMessage()).isFalse();
            }
            assertThat(e.getMessage()).doesNotContain(SECRET_VALUE).doesNotContainIgnoringCase(expected)
                    .doesNotContain(TOKEN_VALUE);
        } catch (WebhookPayloadException e) {
            assertThat(e.rawBody()).isSameAs(body);
            assertAllowed(receiver, type, request, expected, guardPasses, null);
        }
    }

    /**
     * Verifies fuzzed signature header lines over a fuzzed body, for a fuzzed subscribed type, on
     * the signed-only receiver; in a third of the cases the one header holds the true signature in
     * a fuzzed mix of letter cases, padded with fuzzed white space. The result must equal the
     * documented rules: no header {@code MISSING_SIGNATURE} for number-lifecycle types, else
     * {@code UNSIGNED_DELIVERY_NOT_ALLOWED}; repeated {@code MALFORMED_SIGNATURE}; over 8 KiB
     * {@code HEADER_TOO_LARGE}; {@code no-secret-provided} {@code NO_SECRET_CONFIGURED_AT_SENDER};
     * not 64 hex digits {@code MALFORMED_SIGNATURE}; the true signature in any case accepted; any
     * other {@code SIGNATURE_MISMATCH}.
     */
    @FuzzTest(maxDuration = "5m")
    void signatureHeader(FuzzedDataProvider data) {
        RevDeskEventType type = data.pickValue(TYPES);
        boolean signed = data.consumeInt(0, 2) == 0;
        long caseMask = data.consumeLong();
        int padding = data.consumeInt(0, 3);
        int lines = signed ? 0 : data.consumeInt(0, 3);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            names.add(data.pickValue(NAMES));
        }
        byte[] body = data.consumeString(200).getBytes(StandardCharsets.UTF_8);
        String expected = HmacSha256Signer.hex(SECRET, body);
        WebhookRequest.Builder builder = WebhookRequest.builder(body);
        if (signed) {
            builder.header(HEADER, " \t ".substring(0, padding) + mixCase(expected, caseMask) + "\t".repeat(padding));
        }
        for (String name : names) {
            builder.header(name, data.consumeString(100));
        }
        WebhookRequest request = builder.build();
        List<String> sent = request.headers().all(HEADER);
        FailureReason model;
        if (sent.isEmpty()) {
            model = type.isNumberLifecycle() ? FailureReason.MISSING_SIGNATURE : FailureReason.UNSIGNED_DELIVERY_NOT_ALLOWED;
        } else if (sent.size() > 1) {
            model = FailureReason.MALFORMED_SIGNATURE;
        } else if (sent.get(0).length() > RequiredHeader.DEFAULT_MAX_LENGTH) {
            model = FailureReason.HEADER_TOO_LARGE;
        } else if (HttpWhiteSpace.trim(sent.get(0)).equals(RevDeskWebhooks.NO_SECRET_PROVIDED)) {
            model = FailureReason.NO_SECRET_CONFIGURED_AT_SENDER;
        } else if (!HEX64.matcher(HttpWhiteSpace.trim(sent.get(0))).matches()) {
            model = FailureReason.MALFORMED_SIGNATURE;
        } else {
            model = HttpWhiteSpace.trim(sent.get(0)).equalsIgnoreCase(expected) ? null : FailureReason.SIGNATURE_MISMATCH;
        }
        try {
            assertThat(SIGNED.verify(type, request)).isEqualTo(Authentication.hmacSignature("fuzz"));
            assertThat(model).as("accepted %s", sent).isNull();
        } catch (WebhookVerificationException e) {
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(model);
            assertThat(e.getMessage()).doesNotContain(SECRET_VALUE).doesNotContainIgnoringCase(expected);
        }
    }

    /** Asserts that the security table allows authenticating {@code request} as {@code authentication} (null: as any). */
    private static void assertAllowed(RevDeskWebhooks receiver, RevDeskEventType type, WebhookRequest request,
                                      String expected, boolean guardPasses, Authentication authentication) {
        assertThat(guardPasses).as("passed the guard without the token: path %s", request.path()).isTrue();
        List<String> sent = request.headers().all(HEADER);
        Authentication allowed;
        if (sent.isEmpty()) {
            assertThat(receiver == GUARDED_UNSIGNED || receiver == UNSIGNED).as("unsigned accepted").isTrue();
            assertThat(type.isNumberLifecycle()).as("unsigned %s accepted", type).isFalse();
            allowed = receiver == GUARDED_UNSIGNED ? Authentication.requestGuards() : Authentication.none();
        } else {
            assertThat(sent).as("signature headers").hasSize(1);
            String value = HttpWhiteSpace.trim(sent.get(0));
            if (value.equals(RevDeskWebhooks.NO_SECRET_PROVIDED)) {
                assertThat(receiver).as("no-secret-provided accepted").isSameAs(NO_SECRET);
                allowed = Authentication.none();
            } else {
                assertThat(value).as("accepted without the true signature").isEqualToIgnoringCase(expected);
                allowed = Authentication.hmacSignature("fuzz");
            }
        }
        if (authentication != null) {
            assertThat(authentication).isEqualTo(allowed);
        }
    }

    /** The body is a JSON object whose {@code triggerEvent} names a number-lifecycle type other than {@code type}. */
    private static void assertAnnouncesAnotherLifecycleType(byte[] body, RevDeskEventType type) {
        try {
            JsonNode trigger = WebhookJson.shared().readObject(body).get("triggerEvent");
            assertThat(trigger).as("triggerEvent").isNotNull();
            RevDeskEventType announced = OpenEnum.of(RevDeskTriggerEvent.class, trigger.asText()).value().eventType();
            assertThat(announced).isIn(RevDeskEventType.NUMBER_PURCHASED, RevDeskEventType.NUMBER_RELEASED).isNotEqualTo(type);
        } catch (WebhookPayloadException e) {
            throw new AssertionError("a type mismatch for a body that does not parse", e);
        }
    }

    /** The guard's rule for a path without '%': its last non-empty segment, '+' read as a space, is the token. */
    private static boolean tokenIsLastSegment(String path) {
        if (path == null) {
            return false;
        }
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty()) {
                return segments[i].replace('+', ' ').equals(TOKEN_VALUE);
            }
        }
        return false;
    }

    /** Upper-cases the hex letters whose position is set in {@code mask} (positions 0-63). */
    private static String mixCase(String hex, long mask) {
        char[] chars = hex.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if ((mask >>> i & 1) != 0) {
                chars[i] = Character.toUpperCase(chars[i]);
            }
        }
        return new String(chars);
    }

    /** A strict UTF-8 decoder (no byte-order mark) and the first non-blank character, '{'. */
    private static void assertUtf8JsonObject(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            assertThat(text).as("accepted body").matches("(?s)[ \\t\\r\\n]*\\{.*");
        } catch (CharacterCodingException e) {
            throw new AssertionError("accepted a body that is not UTF-8", e);
        }
    }
}
