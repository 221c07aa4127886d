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
 * {@code handWrittenReceive}, at the same parameters. A ratio's interval is its 99% confidence
 * interval from the per-iteration samples of both benchmarks (see {@link #ratioInterval}).
 *
 * <p>Run: {@code java -cp benchmarks.jar dev.revhooks.bench.RatioReport results.json}
 */
public final class RatioReport {

    record Result(String config, String method, String params, double score, double lo, double hi, String unit,
                  double bytesPerOp, double[] samples) {

        double mean() {
            double sum = 0;
            for (double x : samples) {
                sum += x;
            }
            return sum / samples.length;
        }

        /** The squared standard error of the mean. */
        double meanVariance() {
            double mean = mean();
            double squares = 0;
            for (double x : samples) {
                squares += (x - mean) * (x - mean);
            }
            return squares / (samples.length - 1) / samples.length;
        }
    }

    /** Student's t at 99.5% (a two-sided 99% interval) for 1 to 30 degrees of freedom; 30's value beyond. */
    private static final double[] T_995 = {63.657, 9.925, 5.841, 4.604, 4.032, 3.707, 3.499, 3.355, 3.250, 3.169,
        3.106, 3.055, 3.012, 2.977, 2.947, 2.921, 2.898, 2.878, 2.861, 2.845, 2.831, 2.819, 2.807, 2.797, 2.787, 2.779,
        2.771, 2.763, 2.756, 2.750};

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
            List<Double> samples = new ArrayList<>();
            for (JsonNode fork : primary.get("rawData")) {
                fork.forEach(iteration -> samples.add(iteration.asDouble()));
            }
            results.add(new Result(config, method, params.toString(), primary.get("score").asDouble(),
                    confidence.get(0).asDouble(), confidence.get(1).asDouble(), primary.get("scoreUnit").asText(), bytes,
                    samples.stream().mapToDouble(Double::doubleValue).toArray()));
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

    /**
     * The ratio of the means of {@code a} and {@code b} with its 99% confidence interval, from every
     * measured iteration of every fork: the delta method (the relative standard errors add in
     * quadrature) with Student's t at the smaller sample's degrees of freedom.
     */
    static double[] ratioInterval(Result a, Result b) {
        double ratio = a.mean() / b.mean();
        double relativeError = Math.sqrt(a.meanVariance() / (a.mean() * a.mean()) + b.meanVariance() / (b.mean() * b.mean()));
        int df = Math.min(a.samples().length, b.samples().length) - 1;
        double t = T_995[Math.max(0, Math.min(df, T_995.length) - 1)];
        return new double[] {ratio, ratio * (1 - t * relativeError), ratio * (1 + t * relativeError)};
    }

    static String ratio(Result a, Result b) {
        double[] r = ratioInterval(a, b);
        return String.format(Locale.ROOT, "%.2fx [%.2f, %.2f]", r[0], r[1], r[2]);
    }

    /**
     * Whether {@code a / b} meets a bound, judged on the ratio's 99% interval: "met" only when the
     * whole interval is on the right side, "missed" only when it is wholly on the wrong side.
     */
    static String verdict(Result a, Result b, double bound, boolean atMost) {
        double[] r = ratioInterval(a, b);
        boolean met = atMost ? r[2] <= bound : r[1] >= bound;
        boolean missed = atMost ? r[1] > bound : r[2] < bound;
        return met ? "met" : missed ? "missed" : "not decided";
    }

    private static String judged(Result a, Result b, double bound, boolean atMost) {
        return String.format(Locale.ROOT, "%s, target %s %.2f on the %s bound: %s", ratio(a, b), atMost ? "<=" : ">=",
                bound, atMost ? "upper" : "lower", verdict(a, b, bound, atMost));
    }

    private static final String[] SIZES = {"size=1024", "size=1048576"};

    /**
     * Issue 31's floor targets for one configuration and size: verify over the floor (at most 1.15x
     * at 1 KiB and 1.03x at 1 MiB for an HMAC scheme, 1.10x for RevRing's key comparison), bytes per
     * verification (0), and, where measured, {@code Mac} alone over both.
     */
    static void floorLines(List<Result> results, String config, String size, Map<String, String> lines) {
        Result ours = find(results, config, "oursVerify", size);
        Result floor = find(results, config, "floorVerify", size);
        if (ours == null) {
            return;
        }
        String at = size.equals("size=1024") ? "" : " at 1 MiB";
        boolean keyScheme = config.equals("RevRing");
        if (floor != null) {
            double bound = keyScheme ? 1.10 : at.isEmpty() ? 1.15 : 1.03;
            lines.put(config + " verify" + at + ", ours/" + (keyScheme ? "key-comparison" : "SHA-256") + " floor",
                    judged(ours, floor, bound, true));
        }
        Result hmacOnly = find(results, config, "hmacOnlyVerify", size);
        if (hmacOnly != null) {
            lines.put(config + " verify" + at + ", ours/Mac alone", ratio(ours, hmacOnly) + ", reported only");
        }
        if (hmacOnly != null && floor != null) {
            lines.put(config + " verify" + at + ", Mac alone/SHA-256 floor", ratio(hmacOnly, floor)
                    + ", reported only: javax.crypto.Mac over the floor");
        }
        lines.put(config + " verify" + at + ", B/op", allocation(ours.bytesPerOp()));
    }

    /**
     * Zero bytes per verification, judged on JMH's normalised allocation rate: below 8 B is zero. No
     * object is smaller than 16 B, and at 1 MiB (about 1,500 operations a second) JMH's own
     * allocations per iteration spread over so few operations show as one or two bytes each.
     */
    static String allocation(double bytesPerOp) {
        if (Double.isNaN(bytesPerOp)) {
            return "not measured (run with -prof gc), target 0";
        }
        return String.format(Locale.ROOT, "%.1f, target 0 (below 8 B): %s", bytesPerOp, bytesPerOp < 8 ? "met" : "missed");
    }

    /**
     * Issue 25's "the default observer costs nothing measurable": {@code receive} with
     * {@code WebhookObserver.none()} against the same steps called directly (what {@code receive}
     * did before observers), within noise (the ratio's 99% interval holds 1.00) and not one byte more.
     */
    static void observerLines(List<Result> results, Map<String, String> lines) {
        Result none = find(results, "Observer", "receiveNoObserver", "");
        Result direct = find(results, "Observer", "verifyThenDeliver", "");
        if (none == null || direct == null) {
            return;
        }
        double[] r = ratioInterval(none, direct);
        lines.put("Receive with the no-op observer / the steps called directly", ratio(none, direct)
                + ", target within noise (the 99% interval holds 1.00): " + (r[1] <= 1 && 1 <= r[2] ? "met" : "missed"));
        double extra = none.bytesPerOp() - direct.bytesPerOp();
        lines.put("Receive with the no-op observer, B/op over the steps called directly", Double.isNaN(extra)
                ? "not measured (run with -prof gc), target 0"
                : String.format(Locale.ROOT, "%.1f, target at most 0 (below 8 B: no object is smaller than 16): %s", extra,
                        extra < 8 ? "met" : "missed"));
        for (String method : new String[] {"receiveCounting", "receiveMicrometer"}) {
            Result observed = find(results, "Observer", method, "");
            if (observed != null) {
                lines.put("Receive with " + method.substring("receive".length()) + " / the steps called directly",
                        ratio(observed, direct) + ", reported only");
            }
        }
    }

    static String targets(List<Result> results) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (Result r : results) {
            if (!r.method().equals("oursVerify") || !r.params().equals("size=1024")) {
                continue;
            }
            String config = r.config();
            Result hand = find(results, config, "handWrittenVerify", r.params());
            Result naive = find(results, config, "naiveVerify", r.params());
            Result stripe = find(results, config, "stripeVerify", r.params());
            if (hand != null) {
                lines.put(config + " verify, ours/hand-written", judged(r, hand, 1.10, true));
            }
            if (naive != null && config.equals("RevRing")) {
                // A static key: the naive check is String.equals, which is faster because it leaks timing.
                lines.put(config + " verify, naive/ours", ratio(naive, r)
                        + ", reported only: the naive key check is String.equals, which stops at the first difference");
            } else if (naive != null) {
                lines.put(config + " verify, naive/ours", judged(naive, r, 6, false));
            }
            Result floor = find(results, config, "floorVerify", r.params());
            if (stripe != null) {
                // Issue 31: the floor replaces issue 11's "at least 4x stripe-java", out of reach while Mac hashed.
                lines.put(config + " verify, stripe-java/ours", ratio(stripe, r) + ", reported only");
            }
            if (stripe != null && floor != null) {
                lines.put(config + " verify, stripe-java/SHA-256 floor", ratio(stripe, floor)
                        + ", reported only: the most stripe-java/ours could be");
            }
            Result hmacOnly = find(results, config, "hmacOnlyVerify", r.params());
            if (stripe != null && hmacOnly != null) {
                lines.put(config + " verify, stripe-java/Mac alone", ratio(stripe, hmacOnly) + ", reported only");
            }
            for (String size : SIZES) {
                floorLines(results, config, size, lines);
            }
            Result twoThreads = find(results, config, "oursVerify2Threads", r.params());
            if (twoThreads != null) {
                lines.put(config + " verify, time per operation with 2 threads / 1 thread", ratio(twoThreads, r)
                        + ", reported only (1.00x is perfect scaling on 2 cores)");
            }
            Result large = find(results, config, "oursVerify", "size=1048576");
            if (large != null) {
                double growth = large.bytesPerOp() - r.bytesPerOp();
                lines.put(config + " verify, B/op at 1 MiB minus 1 KiB", String.format(Locale.ROOT,
                        "%.0f, target <= 256: %s", growth, growth <= 256 ? "met" : "missed"));
            }
            Result receive = find(results, config, "oursReceive", r.params());
            Result handReceive = find(results, config, "handWrittenReceive", r.params());
            if (receive != null && handReceive != null) {
                lines.put(config + " verify-then-parse, ours/hand-written", judged(receive, handReceive, 0.90, true));
            }
            Result largeReceive = find(results, config, "oursReceive", "size=1048576");
            Result largeHandReceive = find(results, config, "handWrittenReceive", "size=1048576");
            if (largeReceive != null && largeHandReceive != null) {
                lines.put(config + " verify-then-parse at 1 MiB, ours/hand-written",
                        ratio(largeReceive, largeHandReceive) + ", reported only");
            }
        }
        observerLines(results, lines);
        StringBuilder out = new StringBuilder("Targets (1 KiB unless stated):\n");
        lines.forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
        return out.toString();
    }
}
