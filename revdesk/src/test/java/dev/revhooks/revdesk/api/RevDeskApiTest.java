package dev.revhooks.revdesk.api;

import static dev.revhooks.core.api.ApiAssertions.apiFailure;
import static dev.revhooks.core.api.ApiAssertions.assertAuthorizedRequest;
import static dev.revhooks.core.api.ApiAssertions.json;
import static dev.revhooks.revdesk.api.ApiFixtures.API_KEY_VALUE;
import static dev.revhooks.revdesk.api.ApiFixtures.SUBSCRIBE_REQUEST_EXAMPLE;
import static dev.revhooks.revdesk.api.ApiFixtures.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.revhooks.core.api.ManagementApiException.Failure;
import dev.revhooks.core.api.ManagementApiException;
import dev.revhooks.core.testing.LocalApiServer;
import dev.revhooks.revdesk.RevDeskEventType;
import java.time.Duration;
import java.util.List;
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
class RevDeskApiTest {

    private static final String HOOK_URL = "https://example.com/hooks/revdesk";
    private static final String SUBSCRIBE_UNCERTAIN = ". The subscription may have been created; RevDesk documents no"
            + " way to list subscriptions, and subscribing again may deliver each event twice to the URL";

    private LocalApiServer server;
    private RevDeskApi api;

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
    class Subscribe {

        @ParameterizedTest
        @ValueSource(ints = {200, 201})
        void sendsTheDocumentExampleAndReturnsTheSubscriptionId(int status) throws Exception {
            server.reply(status, "{ \"id\": \"whk_01J8ZK3\" }");

            String id = api.subscribe(HOOK_URL, RevDeskEventType.CALL_COMPLETED);

            assertThat(id).isEqualTo("whk_01J8ZK3");
            LocalApiServer.Received request = server.onlyRequest();
            assertAuthorizedRequest(request, "POST", "/v1/webhook_subscriptions", API_KEY_VALUE);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(json(request.body())).isEqualTo(json(SUBSCRIBE_REQUEST_EXAMPLE));
        }

        @Test
        void sendsTheWorkflowAndCampaignScopes() throws Exception {
            server.reply(201, "{\"id\":\"whk_2\",\"webhook_url\":\"" + HOOK_URL + "\"}");

            String id = api.subscribe(HOOK_URL, RevDeskEventType.WORKFLOW_CONTACT_COMPLETED, "wf_12", "cmp_34");

            assertThat(id).isEqualTo("whk_2");
            assertThat(json(server.onlyRequest().body())).isEqualTo(json("{\"webhook_url\":\"" + HOOK_URL
                    + "\",\"event_type\":\"workflow_contact_completed\",\"workflow_id\":\"wf_12\",\"campaign_id\":\"cmp_34\"}"));
        }

        @Test
        void sendsARawEventTypeNameAsGiven() throws Exception {
            server.reply(201, "{\"id\":\"whk_3\"}");

            api.subscribe(HOOK_URL, "call_transferred", null, "cmp_34");

            assertThat(json(server.onlyRequest().body())).isEqualTo(json("{\"webhook_url\":\"" + HOOK_URL
                    + "\",\"event_type\":\"call_transferred\",\"campaign_id\":\"cmp_34\"}"));
        }

        static Stream<String> invalidUrls() {
            return Stream.of(
                    "http://hooks.example.com/revdesk/tok3n-SECRET-path",
                    "http://127.0.0.1:8080/revdesk/tok3n-SECRET-path",
                    "ftp://hooks.example.com/tok3n-SECRET-path",
                    "hooks.example.com/revdesk/tok3n-SECRET-path",
                    "https:///revdesk/tok3n-SECRET-path",
                    "https://hooks example.com/tok3n-SECRET-path",
                    "");
        }

        @ParameterizedTest
        @MethodSource("invalidUrls")
        void refusesAWebhookUrlThatIsNotHttpsBeforeSendingAnything(String url) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> api.subscribe(url, RevDeskEventType.CALL_BUSY))
                    .withMessageStartingWith("the webhook url ")
                    .withMessageNotContaining("tok3n-SECRET-path")
                    .withNoCause();
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> api.subscribe(url, "call_busy", null, null))
                    .withMessageStartingWith("the webhook url ");
            assertThat(server.received()).isEmpty();
        }

        static Stream<Arguments> invalidArguments() {
            return Stream.of(
                    Arguments.of((ApiCall) a -> a.subscribe(null, RevDeskEventType.CALL_BUSY),
                            "the webhook url must not be null"),
                    Arguments.of((ApiCall) a -> a.subscribe(HOOK_URL, (RevDeskEventType) null),
                            "the event type must not be null"),
                    Arguments.of((ApiCall) a -> a.subscribe(HOOK_URL, RevDeskEventType.UNKNOWN),
                            "RevDeskEventType.UNKNOWN cannot be subscribed to; pass the event type's name as a string"),
                    Arguments.of((ApiCall) a -> a.subscribe(HOOK_URL, (String) null, null, null),
                            "the event type must not be null"),
                    Arguments.of((ApiCall) a -> a.subscribe(HOOK_URL, " ", null, null),
                            "the event type must not be blank"),
                    Arguments.of((ApiCall) a -> a.subscribe(HOOK_URL, "call_busy\n", null, null),
                            "the event type must not have leading or trailing white space"),
                    Arguments.of((ApiCall) a -> a.subscribe(HOOK_URL, RevDeskEventType.CALL_BUSY, "", null),
                            "the workflow id must not be blank"),
                    Arguments.of((ApiCall) a -> a.subscribe(HOOK_URL, "call_busy", "wf_1", " cmp_1"),
                            "the campaign id must not have leading or trailing white space"));
        }

        @ParameterizedTest
        @MethodSource("invalidArguments")
        void refusesInvalidArgumentsBeforeSendingAnything(ApiCall call, String message) {
            assertThatIllegalArgumentException().isThrownBy(() -> call.on(api)).withMessage(message);
            assertThat(server.received()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "",
            "not json",
            "[\"whk_1\"]",
            "{}",
            "{\"id\":\"\"}",
            "{\"id\":\" \"}",
            "{\"id\":42}",
            "{\"id\":null}",
            "{\"id\":{\"value\":\"whk_1\"}}",
            "{\"id\":\"whk_1\",\"id\":\"whk_2\"}",
            "{\"id\":\"whk_1\"} {}",
        })
        void refusesAnAnswerWithoutASubscriptionId(String answer) {
            server.reply(201, answer);

            ManagementApiException e = apiFailure(() -> api.subscribe(HOOK_URL, RevDeskEventType.CALL_BUSY));

            assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
            assertThat(e.statusCode()).hasValue(201);
            assertThat(e.bodyExcerpt()).isEqualTo(answer);
            assertThat(e).hasNoCause()
                    .hasMessageStartingWith("RevDesk API POST /webhook_subscriptions: answered HTTP 201 with a body"
                            + " that is not the documented JSON: ")
                    .hasMessageEndingWith(SUBSCRIBE_UNCERTAIN);
        }

        @Test
        void refusesAnUndocumentedSuccessStatus() {
            server.reply(202, "{\"id\":\"whk_1\"}");

            ManagementApiException e = apiFailure(() -> api.subscribe(HOOK_URL, RevDeskEventType.CALL_BUSY));

            assertThat(e.failure()).isEqualTo(Failure.UNEXPECTED_STATUS);
            assertThat(e).hasMessage("RevDesk API POST /webhook_subscriptions: answered HTTP 202, expected 200 or 201"
                    + " (body not quoted here: see bodyExcerpt())" + SUBSCRIBE_UNCERTAIN);
            assertThat(e.bodyExcerpt()).isEqualTo("{\"id\":\"whk_1\"}");
        }
    }

    /** A call on the test's client, for argument sources (which are static). */
    @FunctionalInterface
    interface ApiCall {
        void on(RevDeskApi api) throws Exception;
    }

    @Nested
    class Unsubscribe {

        @Test
        void sendsDeleteWithTheIdAndAccepts204() throws Exception {
            server.reply(204, "");

            api.unsubscribe("whk_01J8ZK3");

            LocalApiServer.Received request = server.onlyRequest();
            assertAuthorizedRequest(request, "DELETE", "/v1/webhook_subscriptions/whk_01J8ZK3", API_KEY_VALUE);
            assertThat(request.body()).isEmpty();
        }

        @Test
        void sendsTheIdAsOnePercentEncodedPathSegment() throws Exception {
            server.reply(204, "");

            api.unsubscribe("whk_…/../x");

            assertThat(server.onlyRequest().rawPath()).isEqualTo("/v1/webhook_subscriptions/whk_%E2%80%A6%2F..%2Fx");
        }

        static Stream<Arguments> invalidIds() {
            return Stream.of(
                    Arguments.of(null, "the subscription id must not be null"),
                    Arguments.of("", "the subscription id must not be blank"),
                    Arguments.of("whk_1 ", "the subscription id must not have leading or trailing white space"),
                    Arguments.of("..", "the subscription id must not be \".\" or \"..\""));
        }

        @ParameterizedTest
        @MethodSource("invalidIds")
        void refusesAnIdThatNamesNoSubscriptionBeforeSendingAnything(String id, String message) {
            assertThatIllegalArgumentException().isThrownBy(() -> api.unsubscribe(id)).withMessage(message);
            assertThat(server.received()).isEmpty();
        }

        @Test
        void refusesAnUndocumentedSuccessStatus() {
            server.reply(200, "");

            ManagementApiException e = apiFailure(() -> api.unsubscribe("whk_1"));

            assertThat(e.failure()).isEqualTo(Failure.UNEXPECTED_STATUS);
            assertThat(e.statusCode()).hasValue(200);
            assertThat(e).hasMessage("RevDesk API DELETE /webhook_subscriptions/whk_1: answered HTTP 200, expected 204"
                    + " (empty body)");
        }
    }

    @Nested
    class Failures {

        static Stream<Arguments> errorStatuses() {
            return Stream.of(401, 404, 422, 500).flatMap(status -> Stream.of(
                    Arguments.of("subscribe", status, "POST /webhook_subscriptions", "expected 200 or 201"),
                    Arguments.of("unsubscribe", status, "DELETE /webhook_subscriptions/whk_1", "expected 204")));
        }

        private ThrowingCallable call(String operation) {
            if (operation.equals("subscribe")) {
                return () -> api.subscribe(HOOK_URL, RevDeskEventType.NUMBER_PURCHASED);
            }
            return () -> api.unsubscribe("whk_1");
        }

        @ParameterizedTest(name = "{0} answered {1}")
        @MethodSource("errorStatuses")
        void reportsAnErrorStatusWithItsBody(String operation, int status, String name, String expected) {
            String body = "{\"error\":\"e" + status + "\",\"detail\":\"event_type is not valid\"}";
            server.reply(status, body);

            ManagementApiException e = apiFailure(call(operation));

            assertThat(e.failure()).isEqualTo(Failure.UNEXPECTED_STATUS);
            assertThat(e.statusCode()).hasValue(status);
            assertThat(e.bodyExcerpt()).isEqualTo(body);
            String uncertain = operation.equals("subscribe") && status == 500 ? SUBSCRIBE_UNCERTAIN : "";
            assertThat(e).hasMessage("RevDesk API " + name + ": answered HTTP " + status + ", " + expected
                    + " (body not quoted here: see bodyExcerpt())" + uncertain).hasNoCause();
            assertThat(server.received()).hasSize(1);
        }

        @Test
        void neverShowsTheApiKeyEvenWhenTheApiEchoesIt() {
            server.reply(401, "Authorization: Bearer " + API_KEY_VALUE + "\r\nis not valid");
            server.reply(201, "{\"id\": " + API_KEY_VALUE + "}");

            ManagementApiException status = apiFailure(() -> api.unsubscribe("whk_1"));
            ManagementApiException malformed = apiFailure(() -> api.subscribe(HOOK_URL, RevDeskEventType.CALL_BUSY));

            assertThat(status.bodyExcerpt()).isEqualTo("Authorization: Bearer <redacted>  is not valid");
            assertThat(malformed.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
            for (ManagementApiException e : List.of(status, malformed)) {
                assertThat(e.getMessage()).doesNotContain(API_KEY_VALUE).contains("(body not quoted here: see bodyExcerpt())");
                assertThat(e.bodyExcerpt()).contains("<redacted>");
                assertThat(e.bodyExcerpt()).doesNotContain(API_KEY_VALUE);
            }
        }

        @Test
        void timesOutOnASlowServerAndDoesNotRetryASubscribe() {
            RevDeskApi impatient = client(server).requestTimeout(Duration.ofMillis(300)).build();
            server.stall();

            ManagementApiException e = apiFailure(() -> impatient.subscribe(HOOK_URL, RevDeskEventType.CALL_BUSY));

            assertThat(e.failure()).isEqualTo(Failure.TIMEOUT);
            assertThat(e.statusCode()).isEmpty();
            assertThat(e.bodyExcerpt()).isEmpty();
            assertThat(e).hasMessage("RevDesk API POST /webhook_subscriptions: no complete answer within PT0.3S"
                    + SUBSCRIBE_UNCERTAIN);
            assertThat(server.received()).hasSize(1);
        }
    }
}
