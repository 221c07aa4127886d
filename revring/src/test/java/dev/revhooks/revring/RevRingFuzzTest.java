package dev.revhooks.revring;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.HttpWhiteSpace;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.guard.PathTokenGuard;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of RevRing's verify-then-parse path (a static key in {@code x-api-key},
 * optional request guards), with fixed keys and token and fuzzer-chosen headers, paths and bodies.
 * Input layout in fuzz/README.md.
 */
class RevRingFuzzTest {

    static final String KEY_VALUE = "rr_fuzz_key_4e1c9a7b";
    static final String PREVIOUS_KEY_VALUE = "rr_fuzz_previous_0d3f";
    static final String TOKEN_VALUE = "rr-path-token-6b8d2f";

    private static final List<Secret> KEYS = List.of(Secret.of("current", KEY_VALUE), Secret.of("previous", PREVIOUS_KEY_VALUE));
    private static final PathTokenGuard GUARD = PathTokenGuard.lastPathSegment(Secret.of(TOKEN_VALUE));

    static final RevRingWebhooks KEYED = RevRingWebhooks.builder().secrets(KEYS).build();
    static final RevRingWebhooks PRE_CALL_ONLY = RevRingWebhooks.builder().secrets(KEYS)
            .serving(RevRingEventType.PRE_CALL).build();
    static final RevRingWebhooks KEYED_AND_GUARDED = RevRingWebhooks.builder().secrets(KEYS).requestGuard(GUARD).build();
    static final RevRingWebhooks GUARDS_ONLY = RevRingWebhooks.builder().requestGuard(GUARD)
            .dangerouslyAuthenticateWithRequestGuardsOnly().build();
    private static final List<RevRingWebhooks> RECEIVERS = List.of(KEYED, PRE_CALL_ONLY, KEYED_AND_GUARDED, GUARDS_ONLY);

    private static final String HEADER = RevRingWebhooks.API_KEY_HEADER;
    private static final List<String> KEY_HEADER_NAMES = List.of(HEADER, "X-API-KEY", "X-Api-Key");
    private static final List<String> NAMES = List.of(HEADER, "X-Api-Key", "Content-Type", "X-Forwarded-For");

    /**
     * Receives a fuzzed body with one of four receivers. The key header carries the current key,
     * the previous key (either one possibly padded with white space), a fuzzed value or nothing;
     * the path is the one with the token, a fuzzed one (without '%', so that a plain reading of its
     * last segment is the model) or absent; up to two more fuzzed header lines follow. Only the library's two
     * exceptions may escape. A request is accepted, or is a payload error, only when a key matched
     * (one key header whose trimmed value is a configured key; the id names it) and the guards, if
     * any, passed, or with guards alone when they passed; a correctly keyed request that passes
     * the guards is accepted or is a payload error (or, on the pre-call endpoint, an event type
     * mismatch); messages never show a key or the token.
     */
    @FuzzTest(maxDuration = "5m")
    void receive(FuzzedDataProvider data) {
        RevRingWebhooks receiver = data.pickValue(RECEIVERS);
        int keyChoice = data.consumeInt(0, 3);
        boolean padded = data.consumeBoolean();
        String keyHeader = data.pickValue(KEY_HEADER_NAMES);
        int pathChoice = data.consumeInt(0, 2);
        int lines = data.consumeInt(0, 2);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            names.add(data.pickValue(NAMES));
        }
        String key = keyChoice == 0 ? KEY_VALUE : keyChoice == 1 ? PREVIOUS_KEY_VALUE
                : keyChoice == 2 ? data.consumeString(40) : null;
        String path = pathChoice == 0 ? "/hooks/revring/" + TOKEN_VALUE
                : pathChoice == 1 ? data.consumeString(60).replace('%', '_') : null;
        List<String> values = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            values.add(data.consumeString(60));
        }
        byte[] body = data.consumeRemainingAsBytes();
        WebhookRequest.Builder builder = WebhookRequest.builder(body).path(path)
                .header(keyHeader, key == null ? null : padded ? " \t" + key + " " : key);
        for (int i = 0; i < names.size(); i++) {
            builder.header(names.get(i), values.get(i));
        }
        WebhookRequest request = builder.build();
        boolean guarded = receiver == KEYED_AND_GUARDED || receiver == GUARDS_ONLY;
        boolean guardsPass = tokenIsLastSegment(path);
        boolean trulyKeyed = keyChoice < 2 && request.headers().all(HEADER).size() == 1;

        try {
            VerifiedDelivery<RevRingEvent> delivery = receiver.receive(request);
            assertAuthenticated(receiver, request, delivery.authentication(), guarded, guardsPass);
            assertThat(delivery.rawBody()).isSameAs(body);
            assertThat(delivery.deliveryKey().value()).startsWith("revring:");
            assertUtf8JsonObject(body);
        } catch (WebhookVerificationException e) {
            if (e.reason() == FailureReason.EVENT_TYPE_MISMATCH) {
                assertThat(receiver).isSameAs(PRE_CALL_ONLY);
                assertKeyMatched(request);
            } else {
                assertThat(trulyKeyed && receiver != GUARDS_ONLY && (!guarded || guardsPass))
                        .as("a correctly keyed request was rejected: %s", e.getMessage()).isFalse();
                assertThat(receiver == GUARDS_ONLY && guardsPass).as("guards alone passed, yet: %s", e.getMessage())
                        .isFalse();
            }
            assertThat(e.getMessage()).doesNotContain(KEY_VALUE).doesNotContain(PREVIOUS_KEY_VALUE).doesNotContain(TOKEN_VALUE);
        } catch (WebhookPayloadException e) {
            assertThat(e.rawBody()).isSameAs(body);
            if (receiver == GUARDS_ONLY) {
                assertThat(guardsPass).isTrue();
            } else {
                assertKeyMatched(request);
                assertThat(!guarded || guardsPass).isTrue();
            }
        }
    }

    private static void assertAuthenticated(RevRingWebhooks receiver, WebhookRequest request,
                                            Authentication authentication, boolean guarded, boolean guardsPass) {
        if (guarded) {
            assertThat(guardsPass).as("accepted without passing the guard: path %s", request.path()).isTrue();
        }
        if (receiver == GUARDS_ONLY) {
            assertThat(authentication).isEqualTo(Authentication.requestGuards());
            return;
        }
        String sent = assertKeyMatched(request);
        assertThat(authentication).isEqualTo(Authentication.sharedKey(sent.equals(KEY_VALUE) ? "current" : "previous"));
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

    /** The request carries exactly one key header, and its trimmed value is a configured key. */
    private static String assertKeyMatched(WebhookRequest request) {
        List<String> sent = request.headers().all(HEADER);
        assertThat(sent).as("key headers").hasSize(1);
        String key = HttpWhiteSpace.trim(sent.get(0));
        assertThat(key).as("accepted without a key").isIn(KEY_VALUE, PREVIOUS_KEY_VALUE);
        return key;
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
