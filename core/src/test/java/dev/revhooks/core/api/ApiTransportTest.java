package dev.revhooks.core.api;

import static dev.revhooks.core.api.ApiAssertions.apiFailure;
import static dev.revhooks.core.api.ApiAssertions.assertAuthorizedRequest;
import static dev.revhooks.core.testing.ByteGen.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.Secret;
import dev.revhooks.core.api.ApiTransport.Answer;
import dev.revhooks.core.api.ApiTransport.Call;
import dev.revhooks.core.api.ManagementApiException.Failure;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.testing.LocalApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The transport against a real HTTP server on 127.0.0.1: settings, the request sent, every failure. */
class ApiTransportTest {

    static final String API_KEY_VALUE = "ex_live_7Hq2Lm9ZpW4sT1vB8nCx";
    static final Secret API_KEY = Secret.of("example-api", API_KEY_VALUE);
    private static final String UNCERTAIN = "The thing may have been created: look for it";

    private static final Call LIST = new Call("GET", "/things", null, Set.of(200), false, null);
    private static final Call DELETE = new Call("DELETE", "/things/t_1", null, Set.of(204), false, null);
    private static final Call SUBSCRIBE = new Call("POST", "/things",
            "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8), Set.of(200, 201), false, UNCERTAIN);
    private static final Call CREATE = new Call("POST", "/things",
            "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8), Set.of(201), true, UNCERTAIN);

    private LocalApiServer server;
    private ApiTransport transport;

    @BeforeEach
    void start() {
        server = LocalApiServer.start();
        transport = transport(server.baseUri(), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ApiTransport transport(URI baseUri, Duration connectTimeout, Duration requestTimeout) {
        return new ApiTransport("Example API", baseUri, API_KEY, connectTimeout, requestTimeout, WebhookJson.shared());
    }

    /** The base URI of a raw server socket on 127.0.0.1, for misbehaviour {@link LocalApiServer} cannot show. */
    private static URI baseUri(ServerSocket socket) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1");
    }

    /** A documented answer in tests. */
    record Thing(@JsonProperty(value = "id", required = true) String id, @JsonProperty("count") Long count) {
    }

    @Nested
    class Settings {

        @Test
        void showsTheBaseUriAndTimeoutsButNeverTheKey() {
            ApiTransport defaults = new ApiTransport("Example API", URI.create("https://api.example.com/v1/"), API_KEY,
                    ApiTransport.DEFAULT_CONNECT_TIMEOUT, ApiTransport.DEFAULT_REQUEST_TIMEOUT, WebhookJson.shared());

            assertThat(defaults).hasToString("baseUri=https://api.example.com/v1, connectTimeout=PT10S, requestTimeout=PT30S");
            assertThat(defaults.toString()).doesNotContain(API_KEY_VALUE);
        }

        @Test
        void acceptsAVisibleAsciiApiKey() {
            Secret edges = Secret.of("!" + API_KEY_VALUE + "~");

            assertThat(ApiTransport.checkedApiKey(API_KEY)).isSameAs(API_KEY);
            assertThat(ApiTransport.checkedApiKey(edges)).isSameAs(edges);
        }

        @Test
        void refusesAnApiKeyThatCannotBeSentInAHeaderWithoutShowingIt() {
            for (Secret key : new Secret[] {
                Secret.of("ex_live_with space"),
                Secret.of("ex_live_with\nbreak"),
                Secret.of("ex_live_caf\u00e9"),
                Secret.of("ex_live_del\u007f"),
                Secret.ofBytes(null, "ex_live_\u0000".getBytes(StandardCharsets.UTF_8))}) {
                assertThatIllegalArgumentException().isThrownBy(() -> ApiTransport.checkedApiKey(key))
                        .withMessage("the API key may contain only visible ASCII characters (no spaces, no line breaks)");
                assertThatIllegalArgumentException().isThrownBy(() -> new ApiTransport("Example API",
                        server.baseUri(), key, Duration.ofSeconds(1), Duration.ofSeconds(1), WebhookJson.shared()));
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "https://api.example.com/v1",
            "HTTPS://api.example.com/v1",
            "http://localhost:8080/v1",
            "http://LOCALHOST/v1",
            "http://127.0.0.1:1/v1"})
        void acceptsHttpsAndLocalHttpBaseUris(String uri) {
            assertThat(ApiTransport.checkedBaseUri(URI.create(uri))).isEqualTo(URI.create(uri));
        }

        @Test
        void dropsTrailingSlashesOfTheBaseUri() {
            assertThat(ApiTransport.checkedBaseUri(URI.create("https://eu.api.example.com/v1//")))
                    .isEqualTo(URI.create("https://eu.api.example.com/v1"));
        }

        static Stream<Arguments> invalidBaseUris() {
            String mustBeHttps = "the API base URI must be an absolute https:// URI with a host";
            String httpOnlyLocal = "the API base URI must use https; http is allowed only for localhost and 127.0.0.1 (tests)";
            return Stream.of(
                    Arguments.of("http://api.example.com/v1", httpOnlyLocal),
                    Arguments.of("http://127.0.0.2/v1", httpOnlyLocal),
                    Arguments.of("http://localhost.example.com/v1", httpOnlyLocal),
                    Arguments.of("ftp://api.example.com/v1", mustBeHttps),
                    Arguments.of("/v1", mustBeHttps),
                    Arguments.of("mailto:ops@example.com", mustBeHttps),
                    Arguments.of("https:///v1", mustBeHttps),
                    Arguments.of("https://user:pw@api.example.com/v1",
                            "the API base URI must not carry user info; give the key to apiKey(...)"),
                    Arguments.of("https://api.example.com/v1?x=1", "the API base URI must not have a query or a fragment"),
                    Arguments.of("https://api.example.com/v1#top", "the API base URI must not have a query or a fragment"));
        }

        @ParameterizedTest
        @MethodSource("invalidBaseUris")
        void refusesOtherBaseUris(String uri, String message) {
            assertThatIllegalArgumentException().isThrownBy(() -> ApiTransport.checkedBaseUri(URI.create(uri)))
                    .withMessage(message);
            assertThatIllegalArgumentException().isThrownBy(() -> new ApiTransport("Example API", URI.create(uri),
                            API_KEY, Duration.ofSeconds(1), Duration.ofSeconds(1), WebhookJson.shared()))
                    .withMessage(message);
        }

        @ParameterizedTest
        @ValueSource(longs = {1, 3_600_000})
        void acceptsTimeoutsUpToOneHour(long millis) {
            Duration timeout = Duration.ofMillis(millis);

            assertThat(ApiTransport.checkedTimeout("connectTimeout", timeout)).isEqualTo(timeout);
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1, 3_600_001})
        void refusesTimeoutsThatAreNotPositiveOrLongerThanOneHour(long millis) {
            Duration timeout = Duration.ofMillis(millis);
            assertThatIllegalArgumentException().isThrownBy(() -> ApiTransport.checkedTimeout("connectTimeout", timeout))
                    .withMessage("connectTimeout must be positive and at most one hour, was " + timeout);
            assertThatIllegalArgumentException().isThrownBy(() -> new ApiTransport("Example API", server.baseUri(),
                            API_KEY, Duration.ofSeconds(1), timeout, WebhookJson.shared()))
                    .withMessage("requestTimeout must be positive and at most one hour, was " + timeout);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " "})
        void refusesABlankApiName(String name) {
            assertThatIllegalArgumentException().isThrownBy(() -> new ApiTransport(name, server.baseUri(), API_KEY,
                            Duration.ofSeconds(1), Duration.ofSeconds(1), WebhookJson.shared()))
                    .withMessage("the API's name must not be blank");
        }

        static Stream<Arguments> invalidCalls() {
            return Stream.of(
                    Arguments.of(" ", "/things", Set.of(200)),
                    Arguments.of("GET", "things", Set.of(200)),
                    Arguments.of("GET", "", Set.of(200)),
                    Arguments.of("GET", "/things", Set.of()));
        }

        @ParameterizedTest
        @MethodSource("invalidCalls")
        void refusesACallWithoutMethodPathOrSuccessStatus(String method, String path, Set<Integer> success) {
            assertThatIllegalArgumentException().isThrownBy(() -> new Call(method, path, null, success, false, null))
                    .withMessage("a call needs a method, a path starting with / and a success status");
        }
    }

    @Nested
    class Send {

        @Test
        void sendsTheMethodPathAndKeyWithoutABodyWhenThereIsNone() throws Exception {
            server.reply(204, "");

            Answer answer = transport.send(DELETE);

            assertThat(answer.status()).isEqualTo(204);
            assertThat(answer.body()).isEmpty();
            LocalApiServer.Received request = server.onlyRequest();
            assertAuthorizedRequest(request, "DELETE", "/v1/things/t_1", API_KEY_VALUE);
            assertThat(request.header("Content-Type")).isNull();
            assertThat(request.body()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {200, 201})
        void sendsAJsonBodyAndReturnsAnyDocumentedSuccess(int status) throws Exception {
            server.reply(status, "{\"id\":\"t_1\"}");

            Answer answer = transport.send(SUBSCRIBE);

            assertThat(answer.status()).isEqualTo(status);
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"t_1\"}");
            LocalApiServer.Received request = server.onlyRequest();
            assertAuthorizedRequest(request, "POST", "/v1/things", API_KEY_VALUE);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.bodyText()).isEqualTo("{\"name\":\"a\"}");
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 401, 404, 422, 499})
        void reportsAClientErrorWithItsBodyAndWithoutTheUncertainNote(int status) {
            String body = "{\"error\":\"e" + status + "\",\"detail\":\"failed\\nbadly\"}";
            server.reply(status, body);

            ManagementApiException e = apiFailure(() -> transport.send(SUBSCRIBE));

            assertThat(e.failure()).isEqualTo(Failure.UNEXPECTED_STATUS);
            assertThat(e.statusCode()).hasValue(status);
            assertThat(e.bodyExcerpt()).isEqualTo(body);
            assertThat(e).hasMessage("Example API POST /things: answered HTTP " + status + ", expected 200 or 201"
                    + " (body not quoted here: see bodyExcerpt())").hasNoCause();
            assertThat(server.received()).hasSize(1);
        }

        @Test
        void reportsAServerErrorWithTheUncertainNote() {
            server.reply(500, "{\"error\":\"boom\"}");

            ManagementApiException e = apiFailure(() -> transport.send(SUBSCRIBE));

            assertThat(e.failure()).isEqualTo(Failure.UNEXPECTED_STATUS);
            assertThat(e).hasMessage("Example API POST /things: answered HTTP 500, expected 200 or 201"
                    + " (body not quoted here: see bodyExcerpt()). " + UNCERTAIN);
            assertThat(e.bodyExcerpt()).isEqualTo("{\"error\":\"boom\"}");
            assertThat(server.received()).hasSize(1);
        }

        @Test
        void reportsAnEmptyErrorBody() {
            server.reply(401, "");

            ManagementApiException e = apiFailure(() -> transport.send(LIST));

            assertThat(e.bodyExcerpt()).isEmpty();
            assertThat(e).hasMessage("Example API GET /things: answered HTTP 401, expected 200 (empty body)");
        }

        @Test
        void withholdsAnUndocumented2xxThatMayHoldASecretButQuotesAnError() {
            server.reply(200, "{\"secret\":\"whsec_LEAK1234\"}");
            server.reply(422, "{\"error\":\"url is not https\"}");

            ManagementApiException withheld = apiFailure(() -> transport.send(CREATE));
            ManagementApiException quoted = apiFailure(() -> transport.send(CREATE));

            assertThat(withheld.failure()).isEqualTo(Failure.UNEXPECTED_STATUS);
            assertThat(withheld.statusCode()).hasValue(200);
            assertThat(withheld.bodyExcerpt()).isEmpty();
            assertThat(withheld).hasMessage("Example API POST /things: answered HTTP 200, expected 201"
                    + " (body withheld: it may hold a signing secret). " + UNCERTAIN);
            assertThat(quoted.bodyExcerpt()).isEqualTo("{\"error\":\"url is not https\"}");
        }

        @ParameterizedTest
        @ValueSource(ints = {301, 307})
        void doesNotFollowARedirect(int status) {
            server.reply(status, "");

            ManagementApiException e = apiFailure(() -> transport.send(LIST));

            assertThat(e.failure()).isEqualTo(Failure.UNEXPECTED_STATUS);
            assertThat(e.statusCode()).hasValue(status);
            assertThat(server.received()).hasSize(1);
        }

        @Test
        @Tag("heavy")
        void boundsTheExcerptOfALargeErrorBody() {
            byte[] body = ("{\"error\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
            server.reply(500, body);

            ManagementApiException e = apiFailure(() -> transport.send(LIST));

            assertThat(e.failure()).isEqualTo(Failure.UNEXPECTED_STATUS);
            assertThat(e.statusCode()).hasValue(500);
            assertThat(e.bodyExcerpt()).hasSize(ApiTransport.EXCERPT_CHARS + 3).startsWith("{\"error\":\"xxx").endsWith("x...");
        }

        @Test
        @Tag("heavy")
        void boundsTheExcerptInCharactersNotBytes() {
            server.reply(500, ("é".repeat(5 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8));

            ManagementApiException e = apiFailure(() -> transport.send(DELETE));

            assertThat(e.statusCode()).hasValue(500);
            assertThat(e.bodyExcerpt()).isEqualTo("é".repeat(ApiTransport.EXCERPT_CHARS) + "...");
        }

        @Test
        void readsAnAnswerOfExactlyTheLimitButNotOneByteMore() throws Exception {
            byte[] limit = new byte[ApiTransport.MAX_RESPONSE_BYTES];
            Arrays.fill(limit, (byte) 'x');
            byte[] over = Arrays.copyOf(limit, limit.length + 1);
            over[limit.length] = 'x';
            server.reply(200, limit);
            server.reply(200, over);

            assertThat(transport.send(LIST).body()).hasSize(ApiTransport.MAX_RESPONSE_BYTES);
            ManagementApiException e = apiFailure(() -> transport.send(LIST));

            assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
            assertThat(e).hasMessage("Example API GET /things: answered HTTP 200 with a body that is not the documented"
                    + " JSON: the body is larger than 8388608 bytes (body not quoted here: see bodyExcerpt())");
            assertThat(e.bodyExcerpt()).isEqualTo("x".repeat(ApiTransport.EXCERPT_CHARS) + "...");
        }

        @Test
        @Tag("heavy")
        void refusesAnAnswerLargerThanTheLimit() {
            String padding = "{\"id\":\"t_1\"},".repeat(ApiTransport.MAX_RESPONSE_BYTES / 13 + 1);
            server.reply(200, "{\"data\":[" + padding + "{\"id\":\"t_2\"}]}");

            ManagementApiException e = apiFailure(() -> transport.send(LIST));

            assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
            assertThat(e.statusCode()).hasValue(200);
            assertThat(e).hasMessage("Example API GET /things: answered HTTP 200 with a body that is not"
                    + " the documented JSON: the body is larger than 8388608 bytes (body not quoted here: see bodyExcerpt())");
            assertThat(e.bodyExcerpt()).startsWith("{\"data\":[{\"id\":\"t_1\"}").endsWith("...");
        }

        @Test
        void stopsReadingAnAnswerLargerThanTheLimit() throws Exception {
            long declared = 1L << 30;
            AtomicLong written = new AtomicLong();
            AtomicReference<IOException> stopped = new AtomicReference<>();
            try (ServerSocket endless = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                Thread sender = new Thread(() -> {
                    try (Socket socket = endless.accept()) {
                        readRequestHead(socket.getInputStream());
                        OutputStream out = socket.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + declared + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        byte[] chunk = new byte[64 * 1024];
                        Arrays.fill(chunk, (byte) 'x');
                        while (written.get() < declared) {
                            out.write(chunk);
                            written.addAndGet(chunk.length);
                        }
                    } catch (IOException e) {
                        stopped.set(e);
                    }
                });
                sender.start();

                ManagementApiException e = apiFailure(() -> transport(baseUri(endless), Duration.ofSeconds(2),
                        Duration.ofSeconds(5)).send(LIST));
                sender.join(10_000);

                assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
                assertThat(stopped.get()).as("the client closed the connection").isNotNull();
                assertThat(written.get()).isLessThan(declared);
            }
        }

        private void readRequestHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            while (matched < end.length) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the request ended early");
                }
                matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
            }
        }

        @Test
        void neverShowsTheApiKeyEvenWhenTheApiEchoesIt() {
            server.reply(401, "{\"error\":\"invalid key " + API_KEY_VALUE + "\",\n\"header\":\"Bearer " + API_KEY_VALUE + "\"}");
            server.reply(200, API_KEY_VALUE);

            ManagementApiException status = apiFailure(() -> transport.send(LIST));
            ManagementApiException malformed = apiFailure(() -> transport.read(LIST, transport.send(LIST), Thing.class));

            assertThat(status.bodyExcerpt())
                    .isEqualTo("{\"error\":\"invalid key <redacted>\", \"header\":\"Bearer <redacted>\"}");
            assertThat(malformed.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
            assertThat(malformed.bodyExcerpt()).isEqualTo("<redacted>");
            assertThat(status.getMessage()).doesNotContain("invalid key");
            assertThat(malformed.getMessage()).contains("(body not quoted here: see bodyExcerpt())");
            for (ManagementApiException e : List.of(status, malformed)) {
                assertThat(e.getMessage()).doesNotContain(API_KEY_VALUE);
                assertThat(e.bodyExcerpt()).doesNotContain(API_KEY_VALUE);
                assertThat(e.toString()).doesNotContain(API_KEY_VALUE);
            }
        }

        @Test
        void timesOutOnASlowServerWithTheUncertainNoteAndDoesNotRetry() {
            ApiTransport impatient = transport(server.baseUri(), Duration.ofSeconds(2), Duration.ofMillis(300));
            server.stall();

            ManagementApiException e = apiFailure(() -> impatient.send(SUBSCRIBE));

            assertThat(e.failure()).isEqualTo(Failure.TIMEOUT);
            assertThat(e.statusCode()).isEmpty();
            assertThat(e.bodyExcerpt()).isEmpty();
            assertThat(e).hasMessage("Example API POST /things: no complete answer within PT0.3S. " + UNCERTAIN);
            assertThat(server.received()).hasSize(1);
        }

        @Test
        void reportsAServerThatCannotBeReached() {
            LocalApiServer gone = LocalApiServer.start();
            ApiTransport unreachable = transport(gone.baseUri(), Duration.ofSeconds(2), Duration.ofSeconds(5));
            gone.close();

            ManagementApiException e = apiFailure(() -> unreachable.send(DELETE));

            assertThat(e.failure()).isEqualTo(Failure.NETWORK_ERROR);
            assertThat(e.statusCode()).isEmpty();
            assertThat(e.bodyExcerpt()).isEmpty();
            assertThat(e).hasMessageStartingWith("Example API DELETE /things/t_1: the request failed (")
                    .hasCauseInstanceOf(IOException.class);
        }

        @Test
        void reportsAConnectionClosedWithoutAnAnswerWithTheClientsReason() throws Exception {
            try (ServerSocket hangUp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                Thread closer = new Thread(() -> {
                    try (Socket socket = hangUp.accept()) {
                        socket.getInputStream().read();
                    } catch (IOException e) {
                        // the test fails on the client's side if this goes wrong
                    }
                });
                closer.start();
                ApiTransport transport = transport(baseUri(hangUp), Duration.ofSeconds(2), Duration.ofSeconds(5));

                ManagementApiException e = apiFailure(() -> transport.send(SUBSCRIBE));
                closer.join(5_000);

                assertThat(e.failure()).isEqualTo(Failure.NETWORK_ERROR);
                assertThat(e.statusCode()).isEmpty();
                assertThat(e).hasMessageMatching("Example API POST /things: the request failed \\(\\w*Exception: .+\\)\\. "
                        + UNCERTAIN).hasCauseInstanceOf(IOException.class);
            }
        }

        @Test
        void timesOutWhenTheConnectionIsNotAccepted() throws Exception {
            List<Socket> queued = new ArrayList<>();
            try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort());
                fillAcceptQueue(address, queued);
                ApiTransport transport = transport(baseUri(full), Duration.ofMillis(300), Duration.ofSeconds(10));

                ManagementApiException e = apiFailure(() -> transport.send(LIST));

                assertThat(e.failure()).isEqualTo(Failure.TIMEOUT);
                assertThat(e.statusCode()).isEmpty();
                assertThat(e).hasMessage("Example API GET /things: could not connect within PT0.3S")
                        .hasCauseInstanceOf(HttpConnectTimeoutException.class);
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }

        /** Connects until the listen queue (never accepted from) takes no more: the kernel then drops new connections. */
        private void fillAcceptQueue(InetSocketAddress address, List<Socket> queued) throws IOException {
            for (int i = 0; i < 64; i++) {
                Socket socket = new Socket();
                queued.add(socket);
                try {
                    socket.connect(address, 200);
                } catch (SocketTimeoutException e) {
                    return;
                }
            }
            throw new IllegalStateException("the listen queue never filled");
        }

        @Test
        void stopsWaitingWhenInterruptedAndKeepsTheInterrupt() {
            server.stall();
            Thread.currentThread().interrupt();
            try {
                ManagementApiException e = apiFailure(() -> transport.send(LIST));

                assertThat(e.failure()).isEqualTo(Failure.INTERRUPTED);
                assertThat(e.statusCode()).isEmpty();
                assertThat(e).hasMessage("Example API GET /things: interrupted while waiting for the answer")
                        .hasCauseInstanceOf(InterruptedException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Nested
    class Read {

        private Answer answer(String body) {
            return new Answer(200, body.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void readsConvertsAndReadsObjects() throws Exception {
            Answer answer = answer("{\"id\":\"t_1\",\"count\":3,\"extra\":true}");

            assertThat(transport.read(LIST, answer, Thing.class)).isEqualTo(new Thing("t_1", 3L));
            ObjectNode object = transport.readObject(LIST, answer);
            assertThat(object.get("extra").booleanValue()).isTrue();
            assertThat(transport.convert(LIST, answer, object, Thing.class)).isEqualTo(new Thing("t_1", 3L));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "not json", "[]", "{\"count\":1}", "{\"id\":7}", "{\"id\":\"t\",\"count\":1.5}",
            "{\"id\":\"t\",\"id\":\"u\"}", "{\"id\":\"t\"} trailing"})
        void refusesAnAnswerThatIsNotTheDocumentedJson(String body) {
            ManagementApiException e = apiFailure(() -> transport.read(LIST, answer(body), Thing.class));

            assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
            assertThat(e.statusCode()).hasValue(200);
            assertThat(e.bodyExcerpt()).isEqualTo(body.strip());
            assertThat(e).hasMessageStartingWith("Example API GET /things: answered HTTP 200 with a body that is not"
                    + " the documented JSON: ").hasNoCause();
        }

        @Test
        void saysWhatTheParserFoundWithoutTheKey() {
            ManagementApiException e = apiFailure(() -> transport.read(LIST, answer("{\"id\":7}"), Thing.class));
            ManagementApiException echo = apiFailure(() -> transport.read(LIST, answer("{\"id\":" + API_KEY_VALUE + "}"),
                    Thing.class));

            assertThat(e).hasMessageMatching("Example API GET /things: answered HTTP 200 with a body that is not the"
                    + " documented JSON: .*\\bid\\b.* \\(body not quoted here: see bodyExcerpt\\(\\)\\)");
            assertThat(echo).hasMessageMatching("Example API GET /things: answered HTTP 200 with a body that is not the"
                    + " documented JSON: .*<redacted>.* \\(body not quoted here: see bodyExcerpt\\(\\)\\)");
            assertThat(echo.bodyExcerpt()).isEqualTo("{\"id\":<redacted>}");
            assertThat(echo.getMessage()).doesNotContain(API_KEY_VALUE);
        }

        @Test
        void refusesANonObjectAndAnUnconvertiblePart() throws Exception {
            ManagementApiException notAnObject = apiFailure(() -> transport.readObject(LIST, answer("[1]")));
            Answer answer = answer("{\"id\":[]}");
            ObjectNode object = transport.readObject(LIST, answer);
            ManagementApiException wrongType = apiFailure(() -> transport.convert(LIST, answer, object, Thing.class));

            for (ManagementApiException e : List.of(notAnObject, wrongType)) {
                assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
                assertThat(e).hasMessageStartingWith("Example API GET /things: answered HTTP 200 with a body that is"
                        + " not the documented JSON: ");
            }
        }

        @Test
        void neverQuotesNorLetsTheParserQuoteAnAnswerThatMayHoldASecret() throws Exception {
            Answer leaky = new Answer(201, "{\"id\": whsec_LEAK1234}".getBytes(StandardCharsets.UTF_8));
            Answer typed = new Answer(201, "{\"id\":{\"whsec_LEAK1234\":1}}".getBytes(StandardCharsets.UTF_8));
            ObjectNode object = transport.readObject(CREATE, typed);

            List<ManagementApiException> failures = List.of(
                    apiFailure(() -> transport.read(CREATE, leaky, Thing.class)),
                    apiFailure(() -> transport.readObject(CREATE, leaky)),
                    apiFailure(() -> transport.convert(CREATE, typed, object, Thing.class)));

            for (ManagementApiException e : failures) {
                assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
                assertThat(e.statusCode()).hasValue(201);
                assertThat(e.bodyExcerpt()).isEmpty();
                assertThat(e).hasMessage("Example API POST /things: answered HTTP 201 with a body that is not the"
                        + " documented JSON: it does not parse (body withheld: it may hold a signing secret). " + UNCERTAIN);
            }
        }

        @Test
        void describesARuleBrokenByAnAnswerInTheCallersWords() {
            ManagementApiException quoted = transport.malformed(SUBSCRIBE, answer("{\"id\":\"\"}"), "the id is blank");
            ManagementApiException empty = transport.malformed(LIST, answer(""), "no data");
            ManagementApiException withheld = transport.malformed(CREATE, answer("{\"secret\":\"whsec_LEAK1234\"}"),
                    "no id");

            assertThat(quoted).hasMessage("Example API POST /things: answered HTTP 200 with a body that is not the"
                    + " documented JSON: the id is blank (body not quoted here: see bodyExcerpt()). " + UNCERTAIN);
            assertThat(quoted.bodyExcerpt()).isEqualTo("{\"id\":\"\"}");
            assertThat(empty).hasMessage("Example API GET /things: answered HTTP 200 with a body that is not the"
                    + " documented JSON: no data (empty body)");
            assertThat(withheld).hasMessage("Example API POST /things: answered HTTP 200 with a body that is not the"
                    + " documented JSON: no id (body withheld: it may hold a signing secret). " + UNCERTAIN);
            assertThat(withheld.bodyExcerpt()).isEmpty();
        }
    }

    @Nested
    class Excerpt {

        @Test
        void redactsTheKeyBeforeCutting() {
            byte[] body = ("a".repeat(ApiTransport.EXCERPT_CHARS - 2) + API_KEY_VALUE).getBytes(StandardCharsets.UTF_8);

            assertThat(ApiTransport.excerpt(body, Redaction.ofKey(API_KEY_VALUE)))
                    .isEqualTo("a".repeat(ApiTransport.EXCERPT_CHARS - 2) + "<r...");
        }

        @Test
        void aBodyLongerThanWhatIsReadForTheExcerptIsMarkedCutEvenWhenRedactionShortensIt() {
            String redactedRun = "a" + API_KEY_VALUE.repeat((ApiTransport.EXCERPT_SOURCE_BYTES - 4) / API_KEY_VALUE.length());
            String exact = redactedRun + "b".repeat(ApiTransport.EXCERPT_SOURCE_BYTES - redactedRun.length());
            Redaction key = Redaction.ofKey(API_KEY_VALUE);

            assertThat(ApiTransport.excerpt(exact.getBytes(StandardCharsets.UTF_8), key))
                    .isEqualTo("a<redacted>" + "b".repeat(ApiTransport.EXCERPT_SOURCE_BYTES - redactedRun.length()));
            assertThat(ApiTransport.excerpt((exact + "b").getBytes(StandardCharsets.UTF_8), key))
                    .isEqualTo("a<redacted>" + "b".repeat(ApiTransport.EXCERPT_SOURCE_BYTES - redactedRun.length()) + "...");
        }

        @Test
        void replacesControlAndLineSeparatorsWithSpacesAndStrips() {
            byte[] body = "\n a\tb\u2028c\u2029d\u0000 \r\n".getBytes(StandardCharsets.UTF_8);

            assertThat(ApiTransport.excerpt(body, Redaction.ofKey(API_KEY_VALUE))).isEqualTo("a b c d");
        }

        @Test
        @Tag("heavy")
        void anExcerptIsBoundedOneLineAndNeverHoldsTheApiKey() {
            qt().withExamples(200).forAll(text(700), text(700)).checkAssert((before, after) -> {
                byte[] body = (before + API_KEY_VALUE + after).getBytes(StandardCharsets.UTF_8);

                String excerpt = ApiTransport.excerpt(body, Redaction.ofKey(API_KEY_VALUE));

                assertThat(excerpt).doesNotContain(API_KEY_VALUE);
                assertThat(excerpt.length()).isLessThanOrEqualTo(ApiTransport.EXCERPT_CHARS + 3);
                assertThat(excerpt.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029))
                        .isTrue();
            });
        }
    }
}
