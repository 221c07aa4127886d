package dev.revhooks.revrag;

import static dev.revhooks.revrag.Fixtures.NOW;
import static dev.revhooks.revrag.Fixtures.RECEIVER;
import static dev.revhooks.revrag.Fixtures.SIGNATURE;
import static dev.revhooks.revrag.Fixtures.TIMESTAMP;
import static dev.revhooks.revrag.Fixtures.exampleBody;
import static dev.revhooks.revrag.Fixtures.signed;
import static dev.revhooks.revrag.Fixtures.utf8;
import static dev.revhooks.revrag.Fixtures.v1;
import static dev.revhooks.revrag.Fixtures.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookRequest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The header read in place, and the candidates and timestamp the receiver finds in it. */
class SignatureHeaderTest {

    private static final String T = Long.toString(NOW.getEpochSecond());

    @Test
    void aV1FirstAnEmptyNameAndSpacesAroundEntriesAreRead() throws Exception {
        byte[] body = exampleBody();
        String other = v1(Secret.of("stranger"), T, body);
        String value = "v1=" + v1(T, body) + " ,=ignored,\tt=" + T + " , v1=" + other;
        WebhookRequest request = withHeader(signed(body), SIGNATURE, value);
        assertThat(RECEIVER.verify(request).credentialId()).isEqualTo("current");

        ReadSignatureHeader header = ReadSignatureHeader.read(request.headers(), SignatureHeader.SIGNATURE, SignatureHeader.TIMESTAMP);
        assertThat(header.signatures()).hasSize(2);
        assertThat(header.signatures().get(0)).isEqualTo(HexFormat.of().parseHex(v1(T, body)));
        assertThat(header.signatures().get(1)).isEqualTo(HexFormat.of().parseHex(other));
        assertThat(header.signedMessage(body)).isDeepEqualTo(new byte[][] {utf8(T), {'.'}, body});
        assertThat(header.epochSeconds()).isEqualTo(NOW.getEpochSecond());
        // an entry with an empty name is another name: ignored, first in the value too
        WebhookRequest emptyNameFirst = withHeader(signed(body), SIGNATURE, "=x,t=" + T + ",v1=" + v1(T, body));
        assertThat(RECEIVER.verify(emptyNameFirst).credentialId()).isEqualTo("current");
    }

    @Test
    void nextV1FindsEveryV1EntryInOrderAndNothingElse() {
        String a = "a".repeat(64);
        String b = "B".repeat(64);
        String value = " v1=" + a + "\t, v10=x,xv1=y,t=1, v1=" + b + " ";
        int first = SignatureHeader.nextV1(value, 0);
        assertThat(value.substring(first, first + 64)).isEqualTo(a);
        int second = SignatureHeader.nextV1(value, first + 64);
        assertThat(value.substring(second, second + 64)).isEqualTo(b);
        assertThat(SignatureHeader.nextV1(value, second + 64)).isEqualTo(-1);
        assertThat(SignatureHeader.nextV1("t=1", 0)).isEqualTo(-1);
    }

    @Test
    void theTimestampHeaderIsComparedWithTheRangeOfT() throws Exception {
        WebhookHeaders headers = WebhookHeaders.builder()
                .add(SIGNATURE, "t=" + T + ",v1=" + v1(T, exampleBody())).add(TIMESTAMP, T).build();
        long range = SignatureHeader.check(headers.first(SIGNATURE), headers, SignatureHeader.TIMESTAMP);
        assertThat(SignatureHeader.timestampFrom(range)).isEqualTo(2);
        assertThat(SignatureHeader.timestampTo(range)).isEqualTo(2 + T.length());
        assertThat(SignatureHeader.epochSeconds(headers.first(SIGNATURE), 2, 2 + T.length()))
                .isEqualTo(NOW.getEpochSecond());
    }
}
