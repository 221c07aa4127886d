package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@link RequiredHeader#read}: up to four header lines with names near
 * the one read (other cases, a trailing space, an unrelated name, a fuzzed name) and fuzzed values,
 * read with a fuzzed length limit. The result must equal a model written from the documentation:
 * absent is the configured reason, more than one value {@code MALFORMED_SIGNATURE}, longer than the
 * limit {@code HEADER_TOO_LARGE}, otherwise the value without surrounding white space.
 *
 * <p>Input layout (fuzz/README.md): from the end, the limit, the reason, the line count and each
 * line's name choice; from the start, each line's value (and a fuzzed name), backslash-terminated.
 */
class RequiredHeaderFuzzTest {

    private static final String NAME = "X-Sig";
    private static final List<String> NAMES = List.of(NAME, "x-sig", "X-SIG", "X-Sig ", "X-Other", "<fuzzed>");

    @FuzzTest(maxDuration = "5m")
    void read(FuzzedDataProvider data) {
        int maxLength = data.consumeInt(1, 300);
        FailureReason ifMissing = data.pickValue(FailureReason.values());
        int lines = data.consumeInt(0, 4);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            names.add(data.pickValue(NAMES));
        }
        WebhookHeaders.Builder builder = WebhookHeaders.builder();
        List<String> sent = new ArrayList<>();
        for (String choice : names) {
            String name = choice.equals("<fuzzed>") ? data.consumeString(12) : choice;
            String value = data.consumeString(400);
            builder.add(name, value);
            if (name.equalsIgnoreCase(NAME)) {
                sent.add(value);
            }
        }
        RequiredHeader header = new RequiredHeader(NAME, ifMissing, maxLength);
        WebhookHeaders headers = builder.build();

        assertThat(header.isPresent(headers)).isEqualTo(!sent.isEmpty());
        try {
            String read = header.read(headers);
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).length()).isLessThanOrEqualTo(maxLength);
            assertThat(read).isEqualTo(HttpWhiteSpace.trim(sent.get(0)));
            assertThat(HttpWhiteSpace.firstForbidden(read)).isEqualTo(-1);
        } catch (WebhookVerificationException e) {
            boolean fits = sent.size() == 1 && sent.get(0).length() <= maxLength;
            boolean stray = fits && HttpWhiteSpace.firstForbidden(HttpWhiteSpace.trim(sent.get(0))) >= 0;
            FailureReason expected = sent.isEmpty() ? ifMissing
                    : sent.size() > 1 || stray ? FailureReason.MALFORMED_SIGNATURE : FailureReason.HEADER_TOO_LARGE;
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(expected);
            assertThat(fits && !stray).as("a readable header was refused").isFalse();
        }
    }
}
