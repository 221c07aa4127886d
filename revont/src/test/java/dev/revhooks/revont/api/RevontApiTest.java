package dev.revhooks.revont.api;

import static dev.revhooks.core.api.ApiAssertions.apiFailure;
import static dev.revhooks.core.api.ApiAssertions.assertAuthorizedRequest;
import static dev.revhooks.core.api.ApiAssertions.json;
import static dev.revhooks.revont.RevontEventType.CALL_ENDED;
import static dev.revhooks.revont.RevontEventType.SUMMARY_READY;
import static dev.revhooks.revont.api.ApiFixtures.API_KEY_VALUE;
import static dev.revhooks.revont.api.ApiFixtures.CREATE_REQUEST_EXAMPLE;
import static dev.revhooks.revont.api.ApiFixtures.CREATE_RESPONSE_EXAMPLE;
import static dev.revhooks.revont.api.ApiFixtures.EXAMPLE_SECRET_VALUE;
import static dev.revhooks.revont.api.ApiFixtures.LIST_EXAMPLE;
import static dev.revhooks.revont.api.ApiFixtures.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.api.ManagementApiException.Failure;
import dev.revhooks.core.api.ManagementApiException;
import dev.revhooks.core.testing.LocalApiServer;
import dev.revhooks.revont.RevontEventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each call against a real HTTP server on 127.0.0.1: the request sent, the answer read, every failure. */
class RevontApiTest {

    private static final String HOOK_URL = "https://hooks.yourapp.com/revont";

    private LocalApiServer server;
    private RevontApi api;

    @BeforeEach
    void start() {
        server = LocalApiServer.start();
        api = client(server).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Nested
    class List_ {

        @Test
        void readsTheDocumentExampleFromGetWebhooks() throws Exception {
            server.reply(200, LIST_EXAMPLE);

            List<WebhookEndpoint> endpoints = api.list();

            LocalApiServer.Received request = server.onlyRequest();
            assertAuthorizedRequest(request, "GET", "/v1/webhooks", API_KEY_VALUE);
            assertThat(request.body()).isEmpty();
            assertThat(request.header("Content-Type")).isNull();
            assertThat(endpoints).containsExactly(
                    new WebhookEndpoint("wh_01HX9ABCDE", "https://hooks.yourapp.com/revont",
                            List.of(OpenEnum.of(CALL_ENDED), OpenEnum.of(SUMMARY_READY)), "Production event handler",
                            Instant.parse("2024-02-01T10:00:00Z"), OpenEnum.of(WebhookEndpointStatus.ACTIVE)),
                    new WebhookEndpoint("wh_01HX9ABCDF", "https://staging.yourapp.com/revont",
                            List.of(OpenEnum.of(CALL_ENDED)), "Staging environment",
                            Instant.parse("2024-01-15T08:30:00Z"), OpenEnum.of(WebhookEndpointStatus.DISABLED)));
        }

        @Test
        void keepsUnknownEventNamesAndStatusesAndReadsAbsentFieldsAsNull() throws Exception {
            server.reply(200, "{\"data\":[{\"id\":\"wh_1\",\"events\":[\"call.transcribed\",\"call.ended\"],"
                    + "\"status\":\"paused\",\"created_at\":\"2024-02-01T12:00:00+02:00\",\"extra\":{\"a\":1}},"
                    + "{\"id\":\"wh_2\"}]}");

            List<WebhookEndpoint> endpoints = api.list();

            WebhookEndpoint first = endpoints.get(0);
            assertThat(first.events()).extracting(OpenEnum::value)
                    .containsExactly(RevontEventType.UNKNOWN, CALL_ENDED);
            assertThat(first.events().get(0).wire()).isEqualTo("call.transcribed");
            assertThat(first.status().value()).isEqualTo(WebhookEndpointStatus.UNKNOWN);
            assertThat(first.status().wire()).isEqualTo("paused");
            assertThat(first.createdAt()).isEqualTo(Instant.parse("2024-02-01T10:00:00Z"));
            assertThat(endpoints.get(1)).isEqualTo(new WebhookEndpoint("wh_2", null, List.of(), null, null, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"data\":[]}", "{\"data\":null}"})
        void readsNoEndpointsAsAnEmptyList(String answer) throws Exception {
            server.reply(200, answer);

            assertThat(api.list()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "",
            "not json",
            "[]",
            "{\"webhooks\":[]}",
            "{\"data\":{}}",
            "{\"data\":[{\"url\":\"https://a.example\"}]}",
            "{\"data\":[{\"id\":null}]}",
            "{\"data\":[{\"id\":7}]}",
            "{\"data\":[{\"id\":\"wh_1\",\"events\":\"call.ended\"}]}",
            "{\"data\":[{\"id\":\"wh_1\",\"events\":[null]}]}",
            "{\"data\":[{\"id\":\"wh_1\",\"status\":1}]}",
            "{\"data\":[{\"id\":\"wh_1\",\"created_at\":\"2024-02-01T10:00:00\"}]}",
            "{\"data\":[{\"id\":\"wh_1\",\"created_at\":1706781600}]}",
            "{\"data\":[],\"data\":[]}",
            "{\"data\":[]} trailing",
        })
        void refusesAnAnswerThatIsNotTheDocumentedJson(String answer) {
            server.reply(200, answer);

            ManagementApiException e = apiFailure(api::list);

            assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
            assertThat(e.statusCode()).hasValue(200);
            assertThat(e.bodyExcerpt()).isEqualTo(answer.strip());
            assertThat(e).hasMessageStartingWith("Revont API GET /webhooks: answered HTTP 200 with a body that is not the documented JSON: ")
                    .hasNoCause();
        }
    }

    @Nested
    class Create {

        @Test
        void sendsTheDocumentExampleAndReturnsTheEndpointWithItsSecret() throws Exception {
            server.reply(201, CREATE_RESPONSE_EXAMPLE);

            CreatedWebhookEndpoint created = api.create(HOOK_URL, List.of(CALL_ENDED, SUMMARY_READY),
                    "Production event handler");

            LocalApiServer.Received request = server.onlyRequest();
            assertAuthorizedRequest(request, "POST", "/v1/webhooks", API_KEY_VALUE);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(json(request.body())).isEqualTo(json(CREATE_REQUEST_EXAMPLE));
            assertThat(created.endpoint()).isEqualTo(new WebhookEndpoint("wh_01HX9ABCDE", HOOK_URL,
                    List.of(OpenEnum.of(CALL_ENDED), OpenEnum.of(SUMMARY_READY)), "Production event handler",
                    Instant.parse("2024-03-20T12:00:00Z"), OpenEnum.of(WebhookEndpointStatus.ACTIVE)));
            assertThat(created.secret().bytes()).isEqualTo(EXAMPLE_SECRET_VALUE.getBytes(StandardCharsets.UTF_8));
            assertThat(created.secret().id()).isEqualTo("wh_01HX9ABCDE");
            assertThat(created.toString()).doesNotContain(EXAMPLE_SECRET_VALUE).contains("<redacted>");
        }

        @Test
        void omitsAnAbsentDescriptionAndSendsEachEventOnceInOrder() throws Exception {
            server.reply(201, CREATE_RESPONSE_EXAMPLE);

            api.create(HOOK_URL, List.of(SUMMARY_READY, CALL_ENDED, SUMMARY_READY), null);

            assertThat(json(server.onlyRequest().body())).isEqualTo(json(
                    "{\"url\":\"" + HOOK_URL + "\",\"events\":[\"summary.ready\",\"call.ended\"]}"));
        }

        @Test
        void sendsRawEventNamesAsGiven() throws Exception {
            server.reply(201, CREATE_RESPONSE_EXAMPLE);

            api.createWithEventNames(HOOK_URL, List.of("call.transcribed", "call.ended"), "");

            assertThat(json(server.onlyRequest().body())).isEqualTo(json("{\"url\":\"" + HOOK_URL
                    + "\",\"events\":[\"call.transcribed\",\"call.ended\"],\"description\":\"\"}"));
        }

        static Stream<String> invalidUrls() {
            return Stream.of(
                    "http://hooks.example.com/revont/tok3n-SECRET-path",
                    "http://localhost:8080/revont/tok3n-SECRET-path",
                    "ftp://hooks.example.com/tok3n-SECRET-path",
                    "hooks.example.com/revont/tok3n-SECRET-path",
                    "/revont/tok3n-SECRET-path",
                    "https:///revont/tok3n-SECRET-path",
                    "https://hooks example.com/tok3n-SECRET-path",
                    "",
                    " https://hooks.example.com/tok3n-SECRET-path");
        }

        @ParameterizedTest
        @MethodSource("invalidUrls")
        void refusesAWebhookUrlThatIsNotHttpsBeforeSendingAnything(String url) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> api.create(url, List.of(CALL_ENDED), null))
                    .withMessageStartingWith("the webhook url ")
                    .withMessageNotContaining("tok3n-SECRET-path")
                    .withNoCause();
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> api.createWithEventNames(url, List.of("call.ended"), null))
                    .withMessageStartingWith("the webhook url ");
            assertThat(server.received()).isEmpty();
        }

        @Test
        void refusesANullUrl() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> api.create(null, List.of(CALL_ENDED), null))
                    .withMessage("the webhook url must not be null");
        }

        static Stream<Arguments> invalidEvents() {
            return Stream.of(
                    Arguments.of(null, "events must not be null"),
                    Arguments.of(List.of(), "at least one event is required"),
                    Arguments.of(Set.of(), "at least one event is required"),
                    Arguments.of(Arrays.asList(CALL_ENDED, null), "events must not contain null"),
                    Arguments.of(List.of(CALL_ENDED, RevontEventType.UNKNOWN),
                            "RevontEventType.UNKNOWN cannot be subscribed to; use createWithEventNames with the event's name"));
        }

        @ParameterizedTest
        @MethodSource("invalidEvents")
        void refusesMissingOrUnknownEventsBeforeSendingAnything(Collection<RevontEventType> events, String message) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> api.create(HOOK_URL, events, "label"))
                    .withMessage(message);
            assertThat(server.received()).isEmpty();
        }

        static Stream<Arguments> invalidEventNames() {
            return Stream.of(
                    Arguments.of(null, "eventNames must not be null"),
                    Arguments.of(List.of(), "at least one event is required"),
                    Arguments.of(Arrays.asList("call.ended", null), "an event name must not be null"),
                    Arguments.of(List.of(""), "an event name must not be blank"),
                    Arguments.of(List.of(" \t"), "an event name must not be blank"),
                    Arguments.of(List.of("call.ended "), "an event name must not have leading or trailing white space"));
        }

        @ParameterizedTest
        @MethodSource("invalidEventNames")
        void refusesMissingOrBlankEventNamesBeforeSendingAnything(List<String> names, String message) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> api.createWithEventNames(HOOK_URL, names, null))
                    .withMessage(message);
            assertThat(server.received()).isEmpty();
        }

        static Stream<String> answersWithoutAUsableSecret() {
            return Stream.of(
                    "{\"id\":\"wh_1\",\"secret\":\"whsec_LEAK1234\",\"events\":\"call.ended\"}",
                    "{\"id\":\"wh_1\",\"secret\": whsec_LEAK1234}",
                    "{\"id\":\"wh_1\",\"secret\":\"whsec_LEAK1234\",\"secret\":\"whsec_LEAK1234\"}",
                    "{\"secret\":\"whsec_LEAK1234\"}",
                    "{\"id\":\"\",\"secret\":\"whsec_LEAK1234\"}",
                    "{\"id\":\"wh_1\",\"secret\":\" whsec_LEAK1234\"}",
                    "{\"id\":\"wh_1\",\"secret\":\"whsec_LEAK1234\\n\"}",
                    "{\"id\":\"wh_1\",\"created_at\":\"whsec_LEAK1234\",\"secret\":\"whsec_LEAK1234\"}",
                    "{\"id\":\"wh_1\"}",
                    "{\"id\":\"wh_1\",\"secret\":\"\"}",
                    "{\"id\":\"wh_1\",\"secret\":null}",
                    "{\"id\":\"wh_1\",\"secret\":1234}",
                    "whsec_LEAK1234");
        }

        @ParameterizedTest
        @MethodSource("answersWithoutAUsableSecret")
        void refusesA201WithoutAUsableSecretNeverQuotingTheAnswer(String answer) {
            server.reply(201, answer);

            ManagementApiException e = apiFailure(() -> api.create(HOOK_URL, List.of(CALL_ENDED), null));

            assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
            assertThat(e.statusCode()).hasValue(201);
            assertThat(e.bodyExcerpt()).isEmpty();
            assertThat(e).hasNoCause()
                    .hasMessageStartingWith("Revont API POST /webhooks: answered HTTP 201 with a body that is not the documented JSON: ")
                    .hasMessageContaining("(body withheld: it may hold a signing secret)")
                    .hasMessageEndingWith("The webhook may have been created without its signing secret reaching you:"
                            + " look for it with list() and delete it")
                    .hasMessageNotContaining("LEAK1234");
        }

        @Test
        void namesTheEndpointWhoseSecretIsMissing() {
            server.reply(201, "{\"id\":\"wh_1\",\"url\":\"" + HOOK_URL + "\"}");

            ManagementApiException e = apiFailure(() -> api.create(HOOK_URL, List.of(CALL_ENDED), null));

            assertThat(e).hasMessageContaining("webhook wh_1 has no signing secret (a string \"secret\")");
        }

        @Test
        void refusesAnUndocumented2xxWithoutQuotingIt() {
            server.reply(200, CREATE_RESPONSE_EXAMPLE);

            ManagementApiException e = apiFailure(() -> api.create(HOOK_URL, List.of(CALL_ENDED), null));

            assertThat(e.failure()).isEqualTo(Failure.UNEXPECTED_STATUS);
            assertThat(e.statusCode()).hasValue(200);
            assertThat(e.bodyExcerpt()).isEmpty();
            assertThat(e).hasMessageStartingWith("Revont API POST /webhooks: answered HTTP 200, expected 201"
                            + " (body withheld: it may hold a signing secret). The webhook may have been created")
                    .hasMessageNotContaining(EXAMPLE_SECRET_VALUE);
        }
    }

    @Nested
    class Delete {

        @Test
        void sendsDeleteWebhooksIdAndAccepts204() throws Exception {
            server.reply(204, "");

            api.delete("wh_01HX9ABCDE");

            LocalApiServer.Received request = server.onlyRequest();
            assertAuthorizedRequest(request, "DELETE", "/v1/webhooks/wh_01HX9ABCDE", API_KEY_VALUE);
            assertThat(request.body()).isEmpty();
        }

        @ParameterizedTest
        @MethodSource("encodedIds")
        void sendsTheIdAsOnePercentEncodedPathSegment(String id, String path) throws Exception {
            server.reply(204, "");

            api.delete(id);

            assertThat(server.onlyRequest().rawPath()).isEqualTo(path);
        }

        static Stream<Arguments> encodedIds() {
            return Stream.of(
                    Arguments.of("a/../../admin", "/v1/webhooks/a%2F..%2F..%2Fadmin"),
                    Arguments.of("wh 1?x=1#f", "/v1/webhooks/wh%201%3Fx%3D1%23f"),
                    Arguments.of("wh-é~_.", "/v1/webhooks/wh-%C3%A9~_."),
                    Arguments.of("%2F", "/v1/webhooks/%252F"));
        }

        @ParameterizedTest
        @MethodSource("invalidIds")
        void refusesAnIdThatNamesNoEndpointBeforeSendingAnything(String id, String message) {
            assertThatIllegalArgumentException().isThrownBy(() -> api.delete(id)).withMessage(message);
            assertThat(server.received()).isEmpty();
        }

        static Stream<Arguments> invalidIds() {
            return Stream.of(
                    Arguments.of(null, "the webhook id must not be null"),
                    Arguments.of("", "the webhook id must not be blank"),
                    Arguments.of(" ", "the webhook id must not be blank"),
                    Arguments.of(" wh_1", "the webhook id must not have leading or trailing white space"),
                    Arguments.of(".", "the webhook id must not be \".\" or \"..\""),
                    Arguments.of("..", "the webhook id must not be \".\" or \"..\""));
        }

        @ParameterizedTest
        @ValueSource(ints = {200, 202})
        void refusesAnUndocumentedSuccessStatus(int status) {
            server.reply(status, "{\"deleted\":true}");

            ManagementApiException e = apiFailure(() -> api.delete("wh_1"));

            assertThat(e.failure()).isEqualTo(Failure.UNEXPECTED_STATUS);
            assertThat(e.statusCode()).hasValue(status);
            assertThat(e.bodyExcerpt()).isEqualTo("{\"deleted\":true}");
            assertThat(e).hasMessage("Revont API DELETE /webhooks/wh_1: answered HTTP " + status
                    + ", expected 204 (body not quoted here: see bodyExcerpt())");
        }
    }

    @Nested
    class Failures {

        static Stream<Arguments> errorStatuses() {
            return Stream.of(401, 404, 422, 500).flatMap(status -> Stream.of(
                    Arguments.of("list", status, "GET /webhooks", "expected 200"),
                    Arguments.of("create", status, "POST /webhooks", "expected 201"),
                    Arguments.of("delete", status, "DELETE /webhooks/wh_1", "expected 204")));
        }

        private ThrowingCallable call(String operation) {
            switch (operation) {
                case "list":
                    return api::list;
                case "create":
                    return () -> api.create(HOOK_URL, List.of(CALL_ENDED), null);
                case "delete":
                    return () -> api.delete("wh_1");
                default:
                    throw new IllegalArgumentException(operation);
            }
        }

        @ParameterizedTest(name = "{0} answered {1}")
        @MethodSource("errorStatuses")
        void reportsAnErrorStatusWithItsBody(String operation, int status, String name, String expected) {
            String body = "{\"error\":{\"code\":\"e" + status + "\",\"message\":\"failed\\nbadly\"}}";
            server.reply(status, body);

            ManagementApiException e = apiFailure(call(operation));

            assertThat(e.failure()).isEqualTo(Failure.UNEXPECTED_STATUS);
            assertThat(e.statusCode()).hasValue(status);
            assertThat(e.bodyExcerpt()).isEqualTo("{\"error\":{\"code\":\"e" + status + "\",\"message\":\"failed\\nbadly\"}}");
            String uncertain = operation.equals("create") && status == 500
                    ? ". The webhook may have been created without its signing secret reaching you:"
                    + " look for it with list() and delete it" : "";
            assertThat(e).hasMessage("Revont API " + name + ": answered HTTP " + status + ", " + expected
                    + " (body not quoted here: see bodyExcerpt())" + uncertain).hasNoCause();
            assertThat(server.received()).hasSize(1);
        }

        @Test
        void reportsAnEmptyErrorBody() {
            server.reply(401, "");

            ManagementApiException e = apiFailure(api::list);

            assertThat(e.bodyExcerpt()).isEmpty();
            assertThat(e).hasMessage("Revont API GET /webhooks: answered HTTP 401, expected 200 (empty body)");
        }

        @Test
        void neverShowsTheApiKeyEvenWhenTheApiEchoesIt() {
            server.reply(401, "{\"error\":\"invalid key " + API_KEY_VALUE + "\",\n\"header\":\"Bearer " + API_KEY_VALUE + "\"}");
            server.reply(200, API_KEY_VALUE);

            ManagementApiException status = apiFailure(api::list);
            ManagementApiException malformed = apiFailure(api::list);

            assertThat(status.bodyExcerpt())
                    .isEqualTo("{\"error\":\"invalid key <redacted>\", \"header\":\"Bearer <redacted>\"}");
            for (ManagementApiException e : List.of(status, malformed)) {
                assertThat(e.getMessage()).doesNotContain(API_KEY_VALUE).contains("(body not quoted here: see bodyExcerpt())");
                assertThat(e.bodyExcerpt()).contains("<redacted>");
                assertThat(e.bodyExcerpt()).doesNotContain(API_KEY_VALUE);
                assertThat(e.toString()).doesNotContain(API_KEY_VALUE);
            }
        }

        @Test
        void timesOutOnASlowServerAndDoesNotRetryACreate() {
            RevontApi impatient = client(server).requestTimeout(Duration.ofMillis(300)).build();
            server.stall();

            ManagementApiException e = apiFailure(() -> impatient.create(HOOK_URL, List.of(CALL_ENDED), null));

            assertThat(e.failure()).isEqualTo(Failure.TIMEOUT);
            assertThat(e.statusCode()).isEmpty();
            assertThat(e.bodyExcerpt()).isEmpty();
            assertThat(e).hasMessageStartingWith("Revont API POST /webhooks: no complete answer within PT0.3S")
                    .hasMessageEndingWith("The webhook may have been created without its signing secret reaching you:"
                            + " look for it with list() and delete it");
            assertThat(server.received()).hasSize(1);
        }

        @Test
        void timesOutOnASlowListToo() {
            RevontApi impatient = client(server).requestTimeout(Duration.ofMillis(300)).build();
            server.stall();

            ManagementApiException e = apiFailure(impatient::list);

            assertThat(e.failure()).isEqualTo(Failure.TIMEOUT);
            assertThat(e).hasMessageStartingWith("Revont API GET /webhooks: no complete answer within PT0.3S");
        }
    }
}
