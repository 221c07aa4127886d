package dev.revhooks.core.api;

import static dev.revhooks.core.api.ApiAssertions.apiFailure;
import static dev.revhooks.core.api.ApiAssertions.assertShowsNoCredential;
import static dev.revhooks.core.api.ApiAssertions.echoingBodies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.revhooks.core.Secret;
import dev.revhooks.core.api.ApiTransport.Call;
import dev.revhooks.core.api.ManagementApiException.Failure;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.testing.LocalApiServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nothing an API echoes of the key or of the URLs the client sent is quoted. */
class RedactionTest {

    private static final String KEY = "ex_live_7Hq2Lm9ZpW4sT1vB8nCx";
    private static final String TOKEN = "pt_9f8e7d6c5b4a3210";
    private static final String HOOK_URL = "https://hooks.example.com/revont/" + TOKEN;
    private static final String QUERY_URL = "https://hooks.example.com/revont?token=" + TOKEN + "&v=2";
    private static final Redaction KEY_ONLY = Redaction.ofKey(KEY);

    private LocalApiServer server;
    private ApiTransport transport;

    @BeforeEach
    void start() {
        server = LocalApiServer.start();
        transport = new ApiTransport("Example API", server.baseUri(), Secret.of(KEY), Duration.ofSeconds(2),
                Duration.ofSeconds(5), WebhookJson.shared());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Call create(String url) {
        return new Call("POST", "/hooks", ("{\"url\":\"" + url + "\",\"events\":[\"a\"]}").getBytes(StandardCharsets.UTF_8),
                Set.of(201), false, null);
    }

    @Test
    void anErrorEchoingPartOfTheKeyOrTheSentUrlShowsNoneOfItInTheMessageOrTheExcerpt() {
        for (String url : new String[] {HOOK_URL, QUERY_URL}) {
            for (String body : echoingBodies(KEY, url, TOKEN)) {
                server.reply(422, body);
                ManagementApiException e = apiFailure(() -> transport.send(create(url)));
                assertThat(e.failure()).isEqualTo(Failure.UNEXPECTED_STATUS);
                assertThat(e.getMessage()).isEqualTo("Example API POST /hooks: answered HTTP 422, expected 201"
                        + " (body not quoted here: see bodyExcerpt())");
                assertThat(e.bodyExcerpt()).as(body).contains("<redacted>");
                assertShowsNoCredential(e, KEY, TOKEN);
            }
        }
    }

    @Test
    void aParserComplaintAboutAnEchoIsRedactedToo() {
        String bare = KEY.substring(0, 16).toUpperCase(Locale.ROOT);
        server.reply(201, bare);
        server.reply(201, "{\"id\":\"" + TOKEN + "\",\"id\":1}");
        server.reply(201, "[\"" + HOOK_URL + "\"]");
        for (int i = 0; i < 3; i++) {
            Call call = create(HOOK_URL);
            ManagementApiException e = apiFailure(() -> transport.readObject(call, transport.send(call)));
            assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
            assertShowsNoCredential(e, KEY, TOKEN);
        }
    }

    @Test
    void aNetworkErrorMessageIsRedacted() {
        assertThat(KEY_ONLY.apply("connection reset while sending Bearer " + KEY)).isEqualTo(
                "connection reset while sending Bearer <redacted>");
    }

    @Test
    void runsOfEightOrMoreKeyCharactersInAnyCaseAreRedactedAndShorterOnesKept() {
        assertThat(KEY_ONLY.apply("x" + KEY.substring(5, 13) + "y")).isEqualTo("x<redacted>y");
        assertThat(KEY_ONLY.apply("x" + KEY.substring(5, 12) + "y")).isEqualTo("x" + KEY.substring(5, 12) + "y");
        assertThat(KEY_ONLY.apply(KEY.toUpperCase(Locale.ROOT))).isEqualTo("<redacted>");
        assertThat(KEY_ONLY.apply(KEY.substring(0, 10) + KEY.substring(12))).isEqualTo("<redacted>");
        assertThat(KEY_ONLY.apply(KEY.substring(0, 10) + " " + KEY.substring(12))).isEqualTo("<redacted> <redacted>");
        assertThat(KEY_ONLY.apply("")).isEmpty();
        String plain = "no key here at all";
        assertThat(KEY_ONLY.apply(plain)).isSameAs(plain);
    }

    @Test
    void anyLongEnoughRunOfTheKeyInAnyCaseIsRedactedWhereverItSits() {
        qt().forAll(integers().between(0, 1000), integers().between(8, KEY.length()), booleans().all(),
                integers().between(0, 40)).checkAssert((start, length, upper, pad) -> {
                    int from = start % (KEY.length() - length + 1);
                    String run = KEY.substring(from, from + length);
                    run = upper ? run.toUpperCase(Locale.ROOT) : run;
                    String text = "é".repeat(pad) + run + "-".repeat(pad);
                    String redacted = KEY_ONLY.apply(text);
                    assertThat(redacted).isEqualTo("é".repeat(pad) + "<redacted>" + "-".repeat(pad));
                });
    }

    @Test
    void thePathAndQueryOfAnyUrlAreRedactedButItsHostKept() {
        assertThat(KEY_ONLY.apply("see https://hooks.example.com/a/b?c=d#e now")).isEqualTo("see https://hooks.example.com<redacted> now");
        assertThat(KEY_ONLY.apply("\"HTTP://h.example:8080?t=1\"")).isEqualTo("\"HTTP://h.example:8080<redacted>\"");
        assertThat(KEY_ONLY.apply("https://h.example and http://x")).isEqualTo("https://h.example and http://x");
    }

    @Test
    void whatTheClientSentIsRedactedWhereverItIsEchoedAndDecodedToo() {
        Redaction sent = Redaction.of(KEY, ("{\"url\":\"https://h.example/in/" + "tok%2Fen-1234567?k=val%20ue-123456&short=abc"
                + "\",\"other\":\"https://h.example/\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(sent.apply("/in/tok%2Fen-1234567?k=val%20ue-123456&short=abc")).isEqualTo("<redacted>");
        assertThat(sent.apply("got tok/en-1234567")).isEqualTo("got <redacted>");
        assertThat(sent.apply("got TOK%2FEN-1234567!")).isEqualTo("got <redacted>!");
        assertThat(sent.apply("value val ue-123456.")).isEqualTo("value <redacted>.");
        assertThat(sent.apply("short abc and in")).isEqualTo("short abc and in");
        Redaction bad = Redaction.of(KEY, "{\"url\":\"https://h.example/%zz-not-encoded-1\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.apply("echo %zz-not-encoded-1")).isEqualTo("echo <redacted>");
        assertThat(Redaction.of(KEY, null).apply("x" + KEY)).isEqualTo("x<redacted>");
    }

    @Test
    void theEdgesOfWhatTheClientSentAreExact() {
        Redaction sent = Redaction.of(KEY, ("{\"a\":\"https://h.example/\",\"b\":\"https://h.example?t=tokenvalue123\","
                + "\"c\":\"https://h.example/x?=secretvalue1\",\"d\":\"https://h.example/p?bareparam123\","
                + "\"e\":\"https://h.example/seg8long/seg7lon/abc%20defg/ab%20defg\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(sent.apply("a/b")).isEqualTo("a/b");
        assertThat(sent.apply("t tokenvalue123 t")).isEqualTo("t <redacted> t");
        assertThat(sent.apply("s secretvalue1 s")).isEqualTo("s <redacted> s");
        assertThat(sent.apply("p bareparam123 p")).isEqualTo("p <redacted> p");
        assertThat(sent.apply("seg8long seg7lon")).isEqualTo("<redacted> seg7lon");
        assertThat(sent.apply("abc defg ab defg")).isEqualTo("<redacted> ab defg");
        String untouched = "nothing sent is here";
        assertThat(sent.apply(untouched)).isSameAs(untouched);
    }

    @Test
    void asciiLettersFoldAtBothEndsOfTheAlphabetAndNothingElseFolds() {
        Redaction alphabet = Redaction.ofKey("abcdefghijklmnopqrstuvwxyz");
        assertThat(alphabet.apply("ABCDEFGHIJKLMNOPQRSTUVWXYZ")).isEqualTo("<redacted>");
        assertThat(alphabet.apply("STUVWXYZ")).isEqualTo("<redacted>");
        Redaction marks = Redaction.ofKey("``{{``{{``{{");
        assertThat(marks.apply("@@[[@@[[@@[[")).isEqualTo("@@[[@@[[@@[[");
    }
}
