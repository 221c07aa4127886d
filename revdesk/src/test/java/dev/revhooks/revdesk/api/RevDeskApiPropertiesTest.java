package dev.revhooks.revdesk.api;

import static dev.revhooks.core.testing.ByteGen.bytes;
import static dev.revhooks.revdesk.api.ApiFixtures.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

import dev.revhooks.core.api.ApiTransport.Answer;
import dev.revhooks.core.api.ManagementApiException.Failure;
import dev.revhooks.core.api.ManagementApiException;
import org.junit.jupiter.api.Test;

/** Properties of reading answers, on arbitrary bytes (quoting them is core's {@code ApiTransportTest}). */
class RevDeskApiPropertiesTest {

    private static final RevDeskApi API = RevDeskApi.builder().apiKey(API_KEY).build();

    @Test
    void anySubscribeAnswerGivesANonBlankIdOrIsAMalformedResponse() {
        qt().forAll(bytes(0, 256)).checkAssert(body -> {
            Throwable thrown = catchThrowable(() -> {
                String id = API.readSubscriptionId(RevDeskApi.subscribeCall(new byte[0]), new Answer(201, body));
                assertThat(id).isNotBlank();
            });
            if (thrown != null) {
                assertThat(thrown).isInstanceOfSatisfying(ManagementApiException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE));
            }
        });
    }
}
