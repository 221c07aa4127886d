package dev.revhooks.revdesk.api;

import static dev.revhooks.core.testing.ByteGen.bytes;
import static dev.revhooks.core.testing.ByteGen.text;
import static dev.revhooks.revdesk.api.ApiFixtures.API_KEY;
import static dev.revhooks.revdesk.api.ApiFixtures.API_KEY_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

import dev.revhooks.revdesk.api.ApiTransport.Answer;
import dev.revhooks.revdesk.api.RevDeskApiException.Failure;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Properties of reading answers and quoting them, on arbitrary bytes. */
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
                assertThat(thrown).isInstanceOfSatisfying(RevDeskApiException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE));
            }
        });
    }

    @Test
    void anExcerptIsBoundedOneLineAndNeverHoldsTheApiKey() {
        qt().withExamples(200).forAll(text(700), text(700)).checkAssert((before, after) -> {
            byte[] body = (before + API_KEY_VALUE + after).getBytes(StandardCharsets.UTF_8);

            String excerpt = ApiTransport.excerpt(body, API_KEY_VALUE);

            assertThat(excerpt).doesNotContain(API_KEY_VALUE);
            assertThat(excerpt.length()).isLessThanOrEqualTo(ApiTransport.EXCERPT_CHARS + 3);
            assertThat(excerpt.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029))
                    .isTrue();
        });
    }
}
