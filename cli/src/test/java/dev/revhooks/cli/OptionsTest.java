package dev.revhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OptionsTest {

    private static List<String> args(String... more) {
        List<String> args = new ArrayList<>(List.of("verify", "--headers", "h.txt", "--body", "b.json"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void readsEveryOptionInBothForms() throws UsageException {
        Options options = Options.parse(args("--vendor=revrag", "--secret-env", "REVRAG_SECRET",
                "--at=2026-05-27T05:06:15+02:00"));

        assertThat(options.vendor()).isEqualTo(Vendor.REVRAG);
        assertThat(options.secretVariable()).isEqualTo("REVRAG_SECRET");
        assertThat(options.headersFile()).isEqualTo(Path.of("h.txt"));
        assertThat(options.bodyFile()).isEqualTo(Path.of("b.json"));
        assertThat(options.at()).isEqualTo(Instant.parse("2026-05-27T03:06:15Z"));
        assertThat(options.eventType()).isNull();
    }

    @Test
    void defaultsToTheRevhooksSecretVariable() throws UsageException {
        assertThat(Options.parse(args("--vendor", "revont")).secretVariable()).isEqualTo("REVHOOKS_SECRET");
    }

    @Test
    void takesTheEventTypesOfRevDeskAndRevRing() throws UsageException {
        assertThat(Options.parse(args("--vendor", "revdesk", "--event-type", "call_busy")).eventType())
                .isEqualTo("call_busy");
        assertThat(Options.parse(args("--vendor", "revring", "--event-type", "post_call")).eventType())
                .isEqualTo("post_call");
        assertThat(Options.parse(args("--vendor", "revring")).eventType()).isNull();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(args("--vendor", "revont", "--vendor", "revrag"), "--vendor is given more than once"),
                Arguments.of(args("--vendor"), "--vendor needs a value"),
                Arguments.of(args("--vendor", "--at", "x"), "--vendor needs a value"),
                Arguments.of(args("--vendor="), "--vendor needs a value"),
                Arguments.of(args("--vendor", "RevOnt"), "--vendor must be one of revont, revrag, revring, revdesk"),
                Arguments.of(args("--vendor", "revont", "--verbose"), "unknown option --verbose (argument 8)"),
                Arguments.of(args("--vendor", "revont", "--api-key=abc"),
                        "unknown option --api-key: the secret or key is never an argument; put it in an environment"
                                + " variable and name that with --secret-env (default REVHOOKS_SECRET)"),
                Arguments.of(args("--vendor", "revont", "extra"),
                        "unexpected argument 8; options are written --name value"),
                Arguments.of(args("--vendor", "revont", "--at", "2026-05-27T03:06:15Z"),
                        "--at applies to revrag only: Revont signs no send time, so there is no time window to check"),
                Arguments.of(args("--vendor", "revrag", "--at", "yesterday"),
                        "--at must be an ISO 8601 instant with an offset, such as 2026-05-27T03:06:15Z"),
                Arguments.of(args("--vendor", "revrag", "--at", "2026-05-27T03:06:15"),
                        "--at must be an ISO 8601 instant with an offset, such as 2026-05-27T03:06:15Z"),
                Arguments.of(args("--vendor", "revont", "--event-type", "summary.ready"),
                        "--event-type applies to revdesk and revring only"),
                Arguments.of(args("--vendor", "revring", "--event-type", "post-call"),
                        "--event-type for revring must be one of pre_call, post_call"),
                Arguments.of(args("--vendor", "revdesk"), "--event-type is required for revdesk: the event type the URL"
                        + " is subscribed to (a flat RevDesk body does not name its event), one of new_call,"),
                Arguments.of(args("--vendor", "revont", "--secret-env", "A=B"),
                        "--secret-env must be the name of an environment variable"),
                Arguments.of(List.of("verify", "--vendor", "revont", "--headers", "h", "--body", "x\0y"),
                        "--body is not a valid file name"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesAWrongCommandLineWithAnExactMessage(List<String> args, String message) {
        assertThatThrownBy(() -> Options.parse(args)).isInstanceOf(UsageException.class).hasMessageStartingWith(message);
    }

    @Test
    void anUnknownOptionsValueIsNeverEchoed() {
        assertThatThrownBy(() -> Options.parse(args("--vendor", "revont", "--token=s3cr3t-value")))
                .isInstanceOf(UsageException.class)
                .hasMessageNotContaining("s3cr3t-value");
        assertThatThrownBy(() -> Options.parse(args("--vendor", "s3cr3t-value")))
                .isInstanceOf(UsageException.class)
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void recognisesHelpAnywhere() {
        assertThat(Options.asksForHelp(List.of("verify", "--vendor", "revont", "--help"))).isTrue();
        assertThat(Options.asksForHelp(List.of("-h"))).isTrue();
        assertThat(Options.asksForHelp(List.of("verify", "--vendor", "revont"))).isFalse();
    }
}
