package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookRequestTest {

    @Test
    void keepsTheBodyArrayWithoutCopying() {
        byte[] body = {'{', '}'};
        WebhookRequest request = WebhookRequest.of(body, Map.of("A", "1"));
        assertThat(request.body()).isSameAs(body);
        assertThat(request.headers().first("a")).isEqualTo("1");
        assertThat(request.path()).isNull();
        assertThat(request.query()).isNull();
        assertThat(request.remoteAddress()).isNull();
    }

    @Test
    void builderSetsEveryPart() {
        WebhookRequest request = WebhookRequest.builder(new byte[0])
                .headers(Map.of("X-A", List.of("1")))
                .header("x-a", "2")
                .header("X-B", "3")
                .path("/hooks/abc")
                .query("token=t")
                .remoteAddress("203.0.113.1")
                .build();
        assertThat(request.headers().all("X-A")).containsExactly("1", "2");
        assertThat(request.headers().first("x-b")).isEqualTo("3");
        assertThat(request.path()).isEqualTo("/hooks/abc");
        assertThat(request.query()).isEqualTo("token=t");
        assertThat(request.remoteAddress()).isEqualTo("203.0.113.1");
    }

    @Test
    void toBuilderCopiesEverythingAndSharesTheBody() {
        WebhookRequest original = WebhookRequest.builder(new byte[] {1}).header("a", "1").path("/p").query("q")
                .remoteAddress("::1").build();
        WebhookRequest copy = original.toBuilder().header("b", "2").build();
        assertThat(copy.body()).isSameAs(original.body());
        assertThat(copy.headers().first("a")).isEqualTo("1");
        assertThat(copy.headers().first("b")).isEqualTo("2");
        assertThat(original.headers().first("b")).isNull();
        assertThat(copy.path()).isEqualTo("/p");
        assertThat(copy.query()).isEqualTo("q");
        assertThat(copy.remoteAddress()).isEqualTo("::1");
    }

    @Test
    void toStringShowsNoHeaderValuesOrBody() {
        WebhookRequest request = WebhookRequest.of("{\"secret\":1}".getBytes(), Map.of("X-Api-Key", "k3y"));
        assertThat(request.toString()).doesNotContain("k3y").doesNotContain("secret").contains("12 bytes");
    }

    @Test
    void toStringShowsNoPathOrQueryEither() {
        WebhookRequest request = WebhookRequest.builder(new byte[0]).path("/hooks/t0k3n").query("token=t0k3n").build();
        assertThat(request.toString()).doesNotContain("t0k3n");
    }

    @Test
    void refusesANullBody() {
        assertThatThrownBy(() -> WebhookRequest.builder(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("body");
    }
}
