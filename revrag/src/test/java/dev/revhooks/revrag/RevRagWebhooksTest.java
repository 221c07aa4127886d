package dev.revhooks.revrag;

import static dev.revhooks.revrag.Fixtures.CLOCK;
import static dev.revhooks.revrag.Fixtures.NOW;
import static dev.revhooks.revrag.Fixtures.RECEIVER;
import static dev.revhooks.revrag.Fixtures.SECRET;
import static dev.revhooks.revrag.Fixtures.SECRET_VALUE;
import static dev.revhooks.revrag.Fixtures.SIGNER;
import static dev.revhooks.revrag.Fixtures.exampleBody;
import static dev.revhooks.revrag.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.revhooks.core.Authentication;
import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookReceiver;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.json.JsonLimits;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.signature.TimestampTolerance;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The entry point's configuration, contract and thread-safety, and the records' own invariants. */
class RevRagWebhooksTest {

    @Test
    void isACoreReceiverNamedRevrag() {
        WebhookReceiver<RevRagEvent> receiver = RECEIVER;
        assertThat(receiver.vendor()).isEqualTo("revrag");
        assertThat(receiver.bodyLimit()).isEqualTo(BodyLimit.DEFAULT);
    }

    @Test
    void theBuilderRequiresASecretAndRefusesContradictions() {
        assertThatThrownBy(() -> RevRagWebhooks.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("secret");
        assertThatThrownBy(() -> RevRagWebhooks.builder().secrets(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RevRagWebhooks.builder().secret(SECRET).tolerance(TimestampTolerance.DEFAULT)
                .dangerouslyDisableTimestampCheck().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RevRagWebhooks.builder().secret(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RevRagWebhooks.builder().clock(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aLaterSecretCallReplacesTheEarlierOnes() throws Exception {
        RevRagWebhooks receiver = RevRagWebhooks.builder()
                .secrets(List.of(dev.revhooks.core.Secret.of("old", "an-old-secret"))).secret(SECRET).clock(CLOCK).build();
        assertThat(receiver.verify(SIGNER.sign(exampleBody(), NOW)).credentialId()).isEqualTo("current");
        assertThatThrownBy(() -> receiver.verify(RevRagSigner.of(dev.revhooks.core.Secret.of("old", "an-old-secret"))
                .sign(exampleBody(), NOW))).isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void receiveSaysHowAnUnparseableBodyWasAuthenticatedAndParseDoesNot() throws Exception {
        byte[] body = utf8("{\"call_status\":\"ENDED\",\"duration\":\"long\"}");
        WebhookRequest request = SIGNER.sign(body, NOW);
        Authentication signed = RECEIVER.verify(request);
        assertThatThrownBy(() -> RECEIVER.receive(request)).isInstanceOfSatisfying(WebhookPayloadException.class, e -> {
            assertThat(e.rawBody()).isSameAs(body);
            assertThat(e.authentication()).contains(signed);
        });
        assertThatThrownBy(() -> RECEIVER.parse(request)).isInstanceOfSatisfying(WebhookPayloadException.class,
                e -> assertThat(e.authentication()).isEmpty());
    }

    @Test
    void theConfiguredJsonSetUpIsUsed() {
        RevRagWebhooks shallow = RevRagWebhooks.builder().secret(SECRET).clock(CLOCK)
                .json(WebhookJson.withLimits(new JsonLimits(2, 1000, 10, 100))).build();
        assertThatThrownBy(() -> shallow.receive(SIGNER.sign(exampleBody(), NOW)))
                .isInstanceOf(dev.revhooks.core.WebhookPayloadException.class).hasMessageContaining("depth");
    }

    @Test
    void toStringShowsSecretIdsOnly() {
        assertThat(RECEIVER.toString()).contains("current", "PT5M").doesNotContain(SECRET_VALUE);
        assertThat(RevRagWebhooks.builder().secret(SECRET).dangerouslyDisableTimestampCheck().build().toString())
                .contains("disabled");
    }

    @Test
    void oneReceiverServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int seed = thread;
                results.add(pool.submit(() -> {
                    int accepted = 0;
                    for (int i = 0; i < 300; i++) {
                        byte[] body = utf8("{\"call_status\":\"ENDED\",\"call_id\":\"" + new UUID(seed, i)
                                + "\",\"agent_id\":\"" + new UUID(i, seed) + "\"}");
                        RevRagEvent event = RECEIVER.receive(SIGNER.sign(body, NOW)).event();
                        if (((RevRagEvent.CallEnded) event).call().callId().equals(new UUID(seed, i))) {
                            accepted++;
                        }
                        byte[] forged = body.clone();
                        forged[forged.length - 2] ^= 1;
                        try {
                            RECEIVER.verify(SIGNER.sign(body, NOW).toBuilder().build());
                            RECEIVER.verify(dev.revhooks.core.WebhookRequest.builder(forged)
                                    .headers(SIGNER.sign(body, NOW).headers()).build());
                            return -1;
                        } catch (WebhookVerificationException expected) {
                            // the forged body is refused
                        }
                    }
                    return accepted;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(300);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void recordsRefuseMissingRequiredValuesAndNormaliseTheRest() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new CallStatus(null, id, id, null, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("call_status");
        CallStatus call = new CallStatus(OpenEnum.of(CallState.ENDED), id, id, null, null, null, null, null, null, null,
                null, JsonNodeFactory.instance.nullNode(), null);
        assertThat(call.customVariables()).isEmpty();
        assertThat(call.variablesFields()).isNull();
        assertThat(new CustomVariable("k", "boolean", JsonNodeFactory.instance.nullNode()).value()).isNull();
        assertThat(new Transcription(null).messages()).isEmpty();
        assertThatThrownBy(() -> new RevRagEvent.CallEnded(call, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RevRagEvent.Unknown(null, new UnauthenticatedHints(null, null)))
                .isInstanceOf(NullPointerException.class);
    }
}
