package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class WebhookPayloadExceptionTest {

    private final byte[] body = "{\"a\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private final IOException cause = new IOException("unexpected end of input");
    private final WebhookPayloadException fromParse = new WebhookPayloadException("'a' has no value", body, cause);

    @Test
    void aParseFailureHasNoAuthentication() {
        assertThat(fromParse.authentication()).isEmpty();
        assertThat(new WebhookPayloadException("m", null, null).rawBody()).isEmpty();
    }

    @Test
    void authenticatedByKeepsTheFailureAndAddsHowTheRequestWasAuthenticated() {
        Authentication signed = Authentication.hmacSignature("current");
        WebhookPayloadException fromReceive = fromParse.authenticatedBy(signed);

        assertThat(fromReceive).isNotSameAs(fromParse).hasMessage("'a' has no value").hasCause(cause);
        assertThat(fromReceive.rawBody()).isSameAs(body);
        assertThat(fromReceive.getStackTrace()).isEqualTo(fromParse.getStackTrace());
        assertThat(fromReceive.authentication()).contains(signed);
        assertThat(fromParse.authentication()).as("the original is unchanged").isEmpty();
        assertThat(fromParse.authenticatedBy(Authentication.requestGuards()).authentication())
                .hasValueSatisfying(a -> assertThat(a.provenBySecret()).isFalse());
    }

    @Test
    void authenticatedByRequiresAnAuthentication() {
        assertThatThrownBy(() -> fromParse.authenticatedBy(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("authentication");
    }
}
