package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailureReasonTest {

    @Test
    void documentsTheHttpStatusOfEachReason() {
        assertThat(FailureReason.MISSING_SIGNATURE.httpStatus()).isEqualTo(401);
        assertThat(FailureReason.MALFORMED_SIGNATURE.httpStatus()).isEqualTo(401);
        assertThat(FailureReason.SIGNATURE_MISMATCH.httpStatus()).isEqualTo(401);
        assertThat(FailureReason.MISSING_TIMESTAMP.httpStatus()).isEqualTo(401);
        assertThat(FailureReason.TIMESTAMP_OUT_OF_TOLERANCE.httpStatus()).isEqualTo(401);
        assertThat(FailureReason.UNSIGNED_DELIVERY_NOT_ALLOWED.httpStatus()).isEqualTo(401);
        assertThat(FailureReason.NO_SECRET_CONFIGURED_AT_SENDER.httpStatus()).isEqualTo(401);
        assertThat(FailureReason.REQUEST_GUARD_FAILED.httpStatus()).isEqualTo(401);
        assertThat(FailureReason.EVENT_TYPE_MISMATCH.httpStatus()).isEqualTo(400);
        assertThat(FailureReason.PAYLOAD_TOO_LARGE.httpStatus()).isEqualTo(413);
        assertThat(FailureReason.HEADER_TOO_LARGE.httpStatus()).isEqualTo(431);
    }

    @ParameterizedTest
    @EnumSource(FailureReason.class)
    void exceptionMessageNamesTheReasonAndDetail(FailureReason reason) {
        WebhookVerificationException plain = new WebhookVerificationException(reason);
        WebhookVerificationException detailed = new WebhookVerificationException(reason, "no sha256= prefix");
        assertThat(plain.reason()).isEqualTo(reason);
        assertThat(plain.getMessage()).isEqualTo(reason.name() + ": " + reason.description());
        assertThat(detailed.getMessage()).isEqualTo(reason.name() + ": " + reason.description() + " (no sha256= prefix)");
        assertThat(plain).isInstanceOf(WebhookException.class);
    }

    @Test
    void noSecretAtSenderExplainsWhy() {
        assertThat(FailureReason.NO_SECRET_CONFIGURED_AT_SENDER.description())
                .contains("no signing secret").contains("cannot be verified");
    }

    @Test
    void payloadExceptionCarriesTheRawBody() {
        byte[] body = {'{'};
        WebhookPayloadException e = new WebhookPayloadException("broken", body, null);
        assertThat(e.rawBody()).isSameAs(body);
        assertThat(e.getMessage()).isEqualTo("broken");
        assertThat(new WebhookPayloadException("x", null, null).rawBody()).isEmpty();
    }
}
