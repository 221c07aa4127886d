package dev.revhooks.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.inbox.InboxObserver;
import dev.revhooks.core.observe.AdapterOutcome;
import dev.revhooks.core.replay.InMemoryReplayGuard;
import dev.revhooks.jdbc.inbox.JdbcInbox;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped Grafana dashboard and the README ask Prometheus only for what this module really
 * writes: every metric name, label and outcome value in their queries is checked against a real
 * Prometheus scrape of the meters the observer registers.
 */
class GrafanaDashboardTest {

    static final String DASHBOARD = "revhooks-grafana-dashboard.json";

    /** A metric selector: a name followed by label matchers or a range. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]");
    private static final Pattern BARE_NAME = Pattern.compile("\\brevhooks_[a-z0-9_]+");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");
    private static final Pattern MATCHERS = Pattern.compile("\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    private static final Pattern BY = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
    /** PromQL's own words that may stand before a bracket, e.g. {@code rate(x[5m])} never, but kept safe. */
    private static final Set<String> NOT_METRICS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    private static Map<String, Set<String>> labelsByMetric;
    private static JsonNode dashboard;

    @BeforeAll
    static void scrapeAndRead() throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MicrometerWebhookObserver observer = MicrometerWebhookObserver.of(registry);
        for (Vendors.Vendor<?> vendor : Vendors.ALL) {
            ObservedReceiver<?> receiver = vendor.observed(observer);
            vendor.cases().forEach(c -> Vendors.Vendor.receiveQuietly(receiver::receive, c.request()));
        }
        for (AdapterOutcome outcome : AdapterOutcome.values()) {
            observer.answered("revont", null, outcome);
        }
        storeMeters(registry);
        labelsByMetric = scrapedLabels(registry.scrape());
        try (InputStream in = MicrometerWebhookObserver.class.getResourceAsStream(DASHBOARD)) {
            assertThat(in).as(DASHBOARD + " on the class path").isNotNull();
            dashboard = new ObjectMapper().readTree(in);
        }
    }

    /** The replay guard's and the inbox's meters, registered by the module's own decorator and binder over real stores. */
    private static void storeMeters(PrometheusMeterRegistry registry) {
        MeteredReplayGuard guard = MeteredReplayGuard.of(InMemoryReplayGuard.builder().build(), registry, "memory");
        DeliveryKey key = DeliveryKey.of("revont", "summary.ready", new byte[] {1});
        guard.complete(key, guard.claim(key).token());
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:dashboard-inbox;DB_CLOSE_DELAY=-1");
        InboxMetrics.of(JdbcInbox.builder(h2).createTableIfMissing().build(), "webhooks").bindTo(registry);
        InboxHandlingMeters handling = InboxHandlingMeters.of(registry, "webhooks");
        for (InboxObserver.Outcome outcome : InboxObserver.Outcome.values()) {
            handling.handled("revont", outcome);
        }
    }

    @Test
    void theScrapeHasTheNamesTheReadmeAndDashboardUse() {
        assertThat(labelsByMetric).containsKeys("revhooks_deliveries_total", "revhooks_verify_seconds_bucket",
                "revhooks_verify_seconds_count", "revhooks_verify_seconds_sum", "revhooks_parse_seconds_bucket");
        assertThat(labelsByMetric.get("revhooks_deliveries_total")).containsExactlyInAnyOrder("vendor", "outcome", "reason", "event");
        assertThat(labelsByMetric.get("revhooks_verify_seconds_bucket")).containsExactlyInAnyOrder("vendor", "result", "le");
        assertThat(labelsByMetric).containsKeys("revhooks_replay_claim_seconds_bucket", "revhooks_replay_claim_seconds_count",
                "revhooks_replay_settle_seconds_count", "revhooks_inbox_backlog", "revhooks_inbox_dead_letters",
                "revhooks_inbox_oldest_due_age_seconds", "revhooks_inbox_handled_total");
        assertThat(labelsByMetric.get("revhooks_inbox_handled_total")).containsExactlyInAnyOrder("inbox", "vendor", "outcome");
        assertThat(labelsByMetric.get("revhooks_replay_claim_seconds_bucket")).containsExactlyInAnyOrder("store", "result", "le");
        assertThat(labelsByMetric.get("revhooks_replay_settle_seconds_count")).containsExactlyInAnyOrder("store", "operation", "result");
        assertThat(labelsByMetric.get("revhooks_inbox_backlog")).containsExactlyInAnyOrder("inbox");
    }

    @Test
    void everyQueryNamesOnlyMetricsAndLabelsTheModuleRegisters() {
        List<String> queries = queries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(8);
        for (String query : queries) {
            Set<String> metrics = metricsIn(query);
            assertThat(metrics).as(query).isNotEmpty();
            assertThat(labelsByMetric.keySet()).as(query).containsAll(metrics);
            Set<String> labels = new HashSet<>();
            metrics.forEach(metric -> labels.addAll(labelsByMetric.get(metric)));
            assertThat(labels).as(query).containsAll(labelsIn(query));
        }
    }

    @Test
    void theReadmesQueriesAndSeriesNamesAreRealToo() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> queries = readmeQueries(readme);
        assertThat(queries).hasSizeGreaterThanOrEqualTo(3).anySatisfy(q -> assertThat(q).contains("signature_mismatch"));
        for (String query : queries) {
            assertThat(labelsByMetric.keySet()).as(query).containsAll(metricsIn(query));
            assertThat(metricsIn(query)).as(query).isNotEmpty();
        }
        Matcher series = Pattern.compile("revhooks_[a-z_]+").matcher(readme);
        while (series.find()) {
            assertThat(labelsByMetric).as("README names " + series.group()).containsKey(series.group());
        }
    }

    /** The README's PromQL: its {@code promql} blocks and inline code that applies a function. */
    private static List<String> readmeQueries(String readme) {
        List<String> queries = new ArrayList<>();
        Matcher blocks = Pattern.compile("```promql\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (blocks.find()) {
            queries.add(blocks.group(1));
        }
        Matcher inline = Pattern.compile("`([^`\\n]*\\([^`\\n]*)`").matcher(readme);
        while (inline.find()) {
            if (inline.group(1).contains("revhooks_")) {
                queries.add(inline.group(1));
            }
        }
        return queries;
    }

    @Test
    void everyOutcomeReasonAndResultAQueryFiltersOnIsAValueTheModuleWrites() throws IOException {
        Set<String> outcomes = Arrays.stream(Outcome.values()).map(Outcome::tagValue).collect(Collectors.toSet());
        Set<String> reasons = Arrays.stream(dev.revhooks.core.FailureReason.values())
                .map(MicrometerWebhookObserver::reasonTag).collect(Collectors.toSet());
        Set<String> results = new HashSet<>(Set.of("passed", "rejected", "parsed", "unparseable",
                "unavailable", "settled", "lost_claim"));
        Arrays.stream(dev.revhooks.core.replay.ReplayGuard.Claim.values()).map(MeteredReplayGuard::claimTag).forEach(results::add);
        Map<String, Set<String>> known = Map.of("outcome", outcomes, "reason", reasons, "result", results,
                "operation", Set.of("complete", "release"));
        Set<String> arrivalFilters = new HashSet<>();
        List<String> all = new ArrayList<>(queries());
        all.addAll(readmeQueries(Files.readString(Path.of("README.md"))));
        for (String query : all) {
            Matcher selectors = MATCHERS.matcher(query);
            while (selectors.find()) {
                Matcher matcher = MATCHER.matcher(selectors.group(1));
                while (matcher.find()) {
                    if (known.containsKey(matcher.group(1))) {
                        assertThat(known.get(matcher.group(1))).as(query)
                                .containsAll(Arrays.asList(matcher.group(3).split("\\|")));
                    }
                    if (matcher.group(1).equals("outcome") && matcher.group(3).contains("|")) {
                        arrivalFilters.add(matcher.group(3));
                    }
                }
            }
        }
        // the two outcome families the README describes, each spelled out in full
        assertThat(arrivalFilters).contains(
                Arrays.stream(Outcome.values()).filter(Outcome::arrival).map(Outcome::tagValue).collect(Collectors.joining("|")),
                Arrays.stream(Outcome.values()).filter(o -> !o.arrival()).map(Outcome::tagValue).collect(Collectors.joining("|")));
    }

    @Test
    void everyPanelWithQueriesUsesThePrometheusDataSourceVariable() {
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("targets").isEmpty()) {
                assertThat(panel.path("type").asText()).as(panel.path("title").asText()).isEqualTo("text");
                continue;
            }
            assertThat(panel.path("datasource").path("type").asText()).isEqualTo("prometheus");
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
        }
        assertThat(dashboard.path("panels").findValuesAsText("title"))
                .contains("Deliveries by vendor and outcome", "Rejections by reason", "Verify latency (p50, p99)",
                        "Parse latency (p50, p99)", "Replay store: claims by result", "Replay store: claim latency (p50, p99)",
                        "Replay store: completes and releases", "Inbox: backlog", "Inbox: oldest due delivery",
                        "Inbox: dead letters", "Inbox: handling outcomes");
    }

    /** Every PromQL text in the dashboard: panel targets and template variable queries. */
    private static List<String> queries() {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                queries.add(variable.path("query").path("query").asText());
                queries.add(variable.path("definition").asText());
            }
        }
        return queries;
    }

    private static Set<String> metricsIn(String query) {
        Set<String> metrics = new HashSet<>();
        String withoutMatchers = query.replaceAll("\\{[^}]*}", "{}");
        Matcher selector = SELECTOR.matcher(withoutMatchers);
        while (selector.find()) {
            if (!NOT_METRICS.contains(selector.group(1))) {
                metrics.add(selector.group(1));
            }
        }
        Matcher labelValues = LABEL_VALUES.matcher(query);
        while (labelValues.find()) {
            metrics.add(labelValues.group(1));
        }
        Matcher bare = BARE_NAME.matcher(withoutMatchers); // a gauge is often queried without matchers or range
        while (bare.find()) {
            metrics.add(bare.group());
        }
        return metrics;
    }

    private static Set<String> labelsIn(String query) {
        Set<String> labels = new HashSet<>();
        Matcher selectors = MATCHERS.matcher(query);
        while (selectors.find()) {
            Matcher matcher = MATCHER.matcher(selectors.group(1));
            while (matcher.find()) {
                labels.add(matcher.group(1));
            }
        }
        Matcher by = BY.matcher(query);
        while (by.find()) {
            for (String label : by.group(1).split(",")) {
                labels.add(label.trim());
            }
        }
        Matcher labelValues = Pattern.compile("label_values\\([^,]*,\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)").matcher(query);
        while (labelValues.find()) {
            labels.add(labelValues.group(1));
        }
        return labels;
    }

    /** Metric names of a Prometheus text scrape, with the label names each carries. */
    private static Map<String, Set<String>> scrapedLabels(String scrape) {
        Map<String, Set<String>> labels = new HashMap<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String name = line.substring(0, brace >= 0 && brace < space ? brace : space);
            Set<String> names = labels.computeIfAbsent(name, n -> new HashSet<>());
            if (brace >= 0 && brace < space) {
                Matcher matcher = MATCHER.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return labels;
    }
}
