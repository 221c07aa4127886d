package dev.revhooks.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared pieces of every vendor's fast path: the field loop and the step-aside read. */
class StreamedReadTest {

    private static final WebhookJson JSON = WebhookJson.shared();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fieldsWalksEveryFieldInOrderUpToTheObjectsEnd() throws Exception {
        List<String> seen = new ArrayList<>();
        String result = JSON.read(utf8("{\"a\":\"x\",\"b\":{\"c\":1},\"d\":2}"), in -> {
            in.fields((name, cursor) -> {
                seen.add(name);
                if (name.equals("a")) {
                    seen.add(cursor.string());
                } else {
                    cursor.skip();
                }
            });
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(seen).containsExactly("a", "x", "b", "d");
    }

    @Test
    void fieldsPassesTheReadersErrorOn() {
        assertThatThrownBy(() -> JSON.read(utf8("{\"a\":1}"), in -> {
            in.fields((name, cursor) -> {
                throw new IOException("refused " + name);
            });
            return "never";
        })).isInstanceOf(dev.revhooks.core.WebhookPayloadException.class);
    }

    @Test
    void readOrStepAsideAnswersOnlyWhenSureAndOtherwiseReturnsNull() {
        JsonCursor.ObjectReader<String> onlyA = in -> {
            String[] a = new String[1];
            in.fields((name, cursor) -> {
                if (name.equals("a")) {
                    a[0] = cursor.string();
                } else {
                    cursor.skip();
                }
            });
            return a[0];
        };
        assertThat(JSON.readOrStepAside(utf8("{\"a\":\"x\"}"), onlyA)).isEqualTo("x");
        assertThat(JSON.readOrStepAside(utf8("{\"b\":\"x\"}"), onlyA)).isNull();
        assertThat(JSON.readOrStepAside(utf8("{\"a\":1}"), onlyA)).isNull();
        assertThat(JSON.readOrStepAside(utf8("not json"), onlyA)).isNull();
        assertThat(JSON.readOrStepAside(utf8("{\"a\":\"x\"} trailing"), onlyA)).isNull();
        assertThat(JSON.readOrStepAside(utf8("{\"a\":\"x\",\"a\":\"y\"}"), onlyA)).isNull();
    }
}
