package dev.revhooks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file into a table of ratios against the baselines measured in the same
 * run, with confidence intervals, and checks the targets.
 *
 * <p>Every benchmark class is one configuration (vendor and scheme); within it, methods named
 * {@code *Verify*} are compared with {@code handWrittenVerify} and the others with
 * {@code handWrittenReceive}, at the same parameters. A ratio's interval is the ratio of the
 * intervals' ends ({@code [lo_a / hi_b, hi_a / lo_b]}), so it is conservative.
 *
 * <p>Run: {@code java -cp benchmarks.jar dev.revhooks.bench.RatioReport results.json}
 */
public final class RatioReport {

    record Result(String config, String method, String params, double score, double lo, double hi, String unit,
                  double bytesPerOp) {
    }

    private RatioReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RatioReport <jmh-results.json>");
            System.exit(2);
        }
        List<Result> results = read(new File(args[0]));
        System.out.println(table(results));
        System.out.println(targets(results));
    }

    static List<Result> read(File file) throws IOException {
        List<Result> results = new ArrayList<>();
        for (JsonNode run : new ObjectMapper().readTree(file)) {
            String full = run.get("benchmark").asText();
            String[] parts = full.split("\\.");
            String config = parts[parts.length - 2].replace("Bench", "");
            String method = parts[parts.length - 1];
            StringBuilder params = new StringBuilder();
            JsonNode p = run.get("params");
            if (p != null) {
                p.fields().forEachRemaining(e -> params.append(params.length() == 0 ? "" : ",")
                        .append(e.getKey()).append('=').append(e.getValue().asText()));
            }
            JsonNode primary = run.get("primaryMetric");
            JsonNode confidence = primary.get("scoreConfidence");
            double bytes = Double.NaN;
            JsonNode secondary = run.get("secondaryMetrics");
            if (secondary != null) {
                for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) secondary::fields) {
                    if (e.getKey().replace("\u00b7", "").equals("gc.alloc.rate.norm")) {
                        bytes = e.getValue().get("score").asDouble();
                    }
                }
            }
            results.add(new Result(config, method, params.toString(), primary.get("score").asDouble(),
                    confidence.get(0).asDouble(), confidence.get(1).asDouble(), primary.get("scoreUnit").asText(), bytes));
        }
        return results;
    }

    static String table(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "| %-8s | %-11s | %-24s | %14s | %-26s | %10s |%n",
                "config", "params", "benchmark", "score", "ratio to hand-written [CI]", "B/op"));
        out.append("|---|---|---|---:|---|---:|\n");
        for (Result r : results) {
            Result base = baselineOf(r, results);
            String ratio = base == null ? "" : ratio(r, base);
            out.append(String.format(Locale.ROOT, "| %-8s | %-11s | %-24s | %8.1f %-5s | %-26s | %10.0f |%n",
                    r.config(), r.params(), r.method(), r.score(), r.unit(), ratio, r.bytesPerOp()));
        }
        return out.toString();
    }

    static Result baselineOf(Result r, List<Result> results) {
        String baseline = r.method().contains("Verify") ? "handWrittenVerify" : "handWrittenReceive";
        if (r.method().equals(baseline)) {
            return null;
        }
        return find(results, r.config(), baseline, r.params());
    }

    static Result find(List<Result> results, String config, String method, String params) {
        for (Result r : results) {
            if (r.config().equals(config) && r.method().equals(method) && r.params().equals(params)) {
                return r;
            }
        }
        return null;
    }

    static String ratio(Result a, Result b) {
        return String.format(Locale.ROOT, "%.2fx [%.2f, %.2f]", a.score() / b.score(), a.lo() / b.hi(), a.hi() / b.lo());
    }

    static String targets(List<Result> results) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (Result r : results) {
            if (!r.method().equals("oursVerify") || !r.params().contains("1024") || r.params().contains("1048576")) {
                continue;
            }
            Result hand = find(results, r.config(), "handWrittenVerify", r.params());
            Result naive = find(results, r.config(), "naiveVerify", r.params());
            Result stripe = find(results, r.config(), "stripeVerify", r.params());
            if (hand != null) {
                lines.put(r.config() + " ours/hand-written verify (target <= 1.10, upper CI)", ratio(r, hand));
            }
            if (naive != null) {
                lines.put(r.config() + " naive/ours verify (target >= 6, lower CI)", ratio(naive, r));
            }
            if (stripe != null) {
                lines.put(r.config() + " stripe-java/ours verify (target >= 4, lower CI)", ratio(stripe, r));
            }
            Result large = find(results, r.config(), "oursVerify", r.params().replace("1024", "1048576"));
            if (large != null) {
                lines.put(r.config() + " B/op at 1 MiB minus 1 KiB (target <= 256)",
                        String.format(Locale.ROOT, "%.0f", large.bytesPerOp() - r.bytesPerOp()));
            }
            Result receive = find(results, r.config(), "oursReceive", r.params());
            Result handReceive = find(results, r.config(), "handWrittenReceive", r.params());
            if (receive != null && handReceive != null) {
                lines.put(r.config() + " ours/hand-written verify-then-parse", ratio(receive, handReceive));
            }
        }
        StringBuilder out = new StringBuilder("Targets (1 KiB unless stated):\n");
        lines.forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
        return out.toString();
    }
}
