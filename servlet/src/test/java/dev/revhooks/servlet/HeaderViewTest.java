package dev.revhooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.BodyLimit;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The filter asks the container only for the headers the receiver reads (issue 23): the number of
 * header lookups stays the same however many headers a request carries, and a request with 10,000
 * headers (Jetty's header limit raised to 1 MiB) is verified like any other.
 */
class HeaderViewTest {

    private static final String PATH = "/hooks/plain";
    private static final byte[] BODY = "{\"event\":\"test\",\"n\":1}".getBytes(StandardCharsets.UTF_8);
    private static final AtomicInteger HEADERS_LOOKUPS = new AtomicInteger();
    private static final AtomicInteger HEADER_LOOKUPS = new AtomicInteger();
    private static final AtomicInteger NAME_ENUMERATIONS = new AtomicInteger();
    private static JettyServer server;

    /** Counts every header call the filter behind it makes on the container's request. */
    static final class CountingRequest extends HttpServletRequestWrapper {
        CountingRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            HEADERS_LOOKUPS.incrementAndGet();
            return super.getHeaders(name);
        }

        @Override
        public String getHeader(String name) {
            HEADER_LOOKUPS.incrementAndGet();
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            NAME_ENUMERATIONS.incrementAndGet();
            return super.getHeaderNames();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Filter counting = (request, response, chain) ->
                chain.doFilter(new CountingRequest((HttpServletRequest) request), response);
        HttpServlet app = new HttpServlet() {
            @Override
            protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setStatus(200);
                resp.getWriter().print("event=" + WebhookFilter.delivery(req, com.fasterxml.jackson.databind.node.ObjectNode.class)
                        .event().get("event").asText());
            }
        };
        // the counting wrapper goes around the container's request, before the WebhookFilter
        server = new JettyServer(orderedFilters(counting,
                WebhookFilter.of(new TestReceiver(BodyLimit.ofBytes(64 * 1024)))), Map.of("/*", app),
                1024 * 1024, Duration.ofSeconds(30));
    }

    private static Map<String, Filter> orderedFilters(Filter first, Filter second) {
        Map<String, Filter> filters = new LinkedHashMap<>();
        filters.put(PATH, (request, response, chain) -> first.doFilter(request, response,
                (req, res) -> second.doFilter(req, res, chain)));
        return filters;
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static RawHttp.Answer post(int extraHeaders) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("X-Test-Signature: " + TestReceiver.sign(BODY));
        lines.add("Content-Length: " + BODY.length);
        for (int i = 0; i < extraHeaders; i++) {
            lines.add("X-Extra-" + i + ": value-" + i);
        }
        try (RawHttp client = new RawHttp(server.port())) {
            client.write(RawHttp.head(PATH, lines.toArray(String[]::new))).write(BODY);
            return client.read();
        }
    }

    @Test
    void headerLookupsDoNotGrowWithTheNumberOfHeaders() throws Exception {
        List<Integer> lookups = new ArrayList<>();
        for (int extra : new int[] {0, 10, 100, 1000}) {
            HEADERS_LOOKUPS.set(0);
            HEADER_LOOKUPS.set(0);
            NAME_ENUMERATIONS.set(0);
            RawHttp.Answer answer = post(extra);
            assertThat(answer.status()).as("%d extra headers", extra).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("event=test");
            assertThat(NAME_ENUMERATIONS).as("header name enumerations").hasValue(0);
            lookups.add(HEADERS_LOOKUPS.get() + HEADER_LOOKUPS.get());
        }
        // the test receiver reads one header, X-Test-Signature
        assertThat(lookups).containsOnly(1);
    }

    @Test
    void tenThousandHeadersAreVerifiedLikeAnyOtherRequest() throws Exception {
        HEADERS_LOOKUPS.set(0);
        RawHttp.Answer answer = post(10_000);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("event=test");
        assertThat(HEADERS_LOOKUPS).hasValue(1);

        // and a forged one among as many headers is still refused
        List<String> lines = new ArrayList<>();
        lines.add("X-Test-Signature: " + TestReceiver.sign("{}".getBytes(StandardCharsets.UTF_8)));
        lines.add("Content-Length: " + BODY.length);
        for (int i = 0; i < 10_000; i++) {
            lines.add("X-Extra-" + i + ": value-" + i);
        }
        try (RawHttp client = new RawHttp(server.port())) {
            client.write(RawHttp.head(PATH, lines.toArray(String[]::new))).write(BODY);
            RawHttp.Answer forged = client.read();
            assertThat(forged.status()).isEqualTo(401);
            assertThat(forged.body()).startsWith("SIGNATURE_MISMATCH");
        }
    }
}
