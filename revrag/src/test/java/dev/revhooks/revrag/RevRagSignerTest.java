package dev.revhooks.revrag;

import static dev.revhooks.revrag.Fixtures.EVENT;
import static dev.revhooks.revrag.Fixtures.NOW;
import static dev.revhooks.revrag.Fixtures.RECEIVER;
import static dev.revhooks.revrag.Fixtures.SECRET;
import static dev.revhooks.revrag.Fixtures.SECRET_VALUE;
import static dev.revhooks.revrag.Fixtures.SIGNATURE;
import static dev.revhooks.revrag.Fixtures.SIGNER;
import static dev.revhooks.revrag.Fixtures.TIMESTAMP;
import static dev.revhooks.revrag.Fixtures.WEBHOOK_ID;
import static dev.revhooks.revrag.Fixtures.exampleBody;
import static dev.revhooks.revrag.Fixtures.utf8;
import static dev.revhooks.revrag.Fixtures.v1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevRagSignerTest {

    @Test
    void signsACallEndedRequestWithEveryHeaderRevRagSends() {
        byte[] body = exampleBody();
        WebhookRequest request = SIGNER.sign(body, NOW.plusMillis(999));
        String t = Long.toString(NOW.getEpochSecond());

        assertThat(request.body()).isSameAs(body);
        assertThat(request.headers().first(SIGNATURE)).isEqualTo("t=" + t + ",v1=" + v1(t, body));
        assertThat(request.headers().first(TIMESTAMP)).isEqualTo(t);
        assertThat(request.headers().first(EVENT)).isEqualTo("call.ended");
        assertThat(request.headers().first(WEBHOOK_ID)).matches("evt_[0-9a-f]{26}");
        assertThat(request.headers().first("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void theWebhookIdFollowsTheBodySoAResendKeepsIt() {
        byte[] body = utf8("{}");
        assertThat(SIGNER.sign(body, NOW).headers().first(WEBHOOK_ID))
                .isEqualTo(SIGNER.sign(body, NOW.plusSeconds(30)).headers().first(WEBHOOK_ID))
                .isNotEqualTo(SIGNER.sign(utf8("{ }"), NOW).headers().first(WEBHOOK_ID));
    }

    @Test
    void explicitHintsAreSentAndNullLeavesAHeaderOut() throws Exception {
        byte[] body = utf8("{\"x\":1}");
        WebhookRequest custom = SIGNER.sign(body, NOW, "call.started", "evt_custom");
        assertThat(custom.headers().first(EVENT)).isEqualTo("call.started");
        assertThat(custom.headers().first(WEBHOOK_ID)).isEqualTo("evt_custom");

        WebhookRequest bare = SIGNER.sign(body, NOW, null, null);
        assertThat(bare.headers().all(EVENT)).isEmpty();
        assertThat(bare.headers().all(WEBHOOK_ID)).isEmpty();
        assertThat(RECEIVER.receive(bare).event().hints()).isEqualTo(new UnauthenticatedHints(null, null));
    }

    @Test
    void severalSecretsGiveOneV1EachInOrder() {
        Secret next = Secret.of("next", "the-next-revrag-secret");
        byte[] body = exampleBody();
        String t = Long.toString(NOW.getEpochSecond());
        assertThat(RevRagSigner.of(List.of(SECRET, next)).signatureHeader(body, NOW))
                .isEqualTo("t=" + t + ",v1=" + v1(t, body) + ",v1=" + v1(next, t, body));
    }

    @Test
    void refusesWhatRevRagCannotSend() {
        assertThatThrownBy(() -> SIGNER.sign(utf8("{}"), Instant.EPOCH.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RevRagSigner.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SIGNER.sign(null, NOW)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SIGNER.sign(utf8("{}"), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toStringNamesSecretsWithoutShowingThem() {
        assertThat(RevRagSigner.of(List.of(SECRET, Secret.of("x-value"))).toString())
                .contains("current", "secret-2").doesNotContain(SECRET_VALUE, "x-value");
    }
}
