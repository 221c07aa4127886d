package dev.revhooks.revont.api;

import static dev.revhooks.core.testing.ByteGen.bytes;
import static dev.revhooks.core.testing.ByteGen.flipBit;
import static dev.revhooks.revont.api.ApiFixtures.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.revhooks.core.api.ApiTransport.Answer;
import dev.revhooks.core.api.ManagementApiException.Failure;
import dev.revhooks.core.api.ManagementApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of reading answers, on arbitrary bytes (bounding and redacting excerpts is core's {@code ApiTransportTest}). */
class RevontApiPropertiesTest {

    private static final RevontApi API = RevontApi.builder().apiKey(API_KEY).build();

    /** 24 letters and digits: a bit flip changes at most one of its three 8-character thirds. */
    private static Gen<String> secretBodies() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return lists().of(integers().between(0, alphabet.length() - 1)).ofSize(24).map(indexes -> {
            StringBuilder out = new StringBuilder();
            indexes.forEach(i -> out.append(alphabet.charAt(i)));
            return out.toString();
        });
    }

    @Test
    void anyListAnswerReadsOrIsAMalformedResponse() {
        qt().forAll(bytes(0, 512)).checkAssert(body -> {
            Throwable thrown = catchThrowable(() -> API.readList(RevontApi.listCall(), new Answer(200, body)));
            if (thrown != null) {
                assertThat(thrown).isInstanceOfSatisfying(ManagementApiException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE));
            }
        });
    }

    @Test
    void aTamperedCreateAnswerNeverShowsItsSecret() {
        qt().forAll(secretBodies(), integers().allPositive()).checkAssert((secretBody, bit) -> {
            String secret = "whsec_" + secretBody;
            byte[] answer = ("{\"id\":\"wh_1\",\"url\":\"https://h.example\",\"events\":[\"call.ended\"],"
                    + "\"created_at\":\"2024-03-20T12:00:00Z\",\"status\":\"active\",\"secret\":\"" + secret + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            Throwable thrown = catchThrowable(() -> API.readCreated(RevontApi.createCall(new byte[0]),
                    new Answer(201, flipBit(answer, bit))));
            if (thrown != null) {
                assertThat(thrown).isInstanceOfSatisfying(ManagementApiException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
                    assertThat(e.bodyExcerpt()).isEmpty();
                    for (int third = 0; third < 3; third++) {
                        assertThat(e.getMessage()).doesNotContain(secretBody.substring(third * 8, third * 8 + 8));
                    }
                });
            }
        });
    }
}
