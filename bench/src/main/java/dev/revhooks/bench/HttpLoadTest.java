package dev.revhooks.bench;

import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.revont.RevontSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The driver of the HTTP load test (issue 31): runs {@code wrk} against a running
 * {@link HttpLoadServer} on 127.0.0.1, in rounds that take the three endpoints back to back in
 * rotating order, and reports per endpoint the throughput, the p99 latency, the server's CPU time
 * and bytes allocated per request, and per round the ratios to bare (and filter / hand).
 *
 * <p>Bounded: at most 20 rounds of at most 30 s per run, 256 connections; each {@code wrk} is
 * stopped 30 s after its duration if it has not ended. {@code bench/http-load.sh} pins the server to
 * one core and this driver (and so {@code wrk}) to the other.
 *
 * <p>Usage: {@code HttpLoadTest <port> <rounds> <seconds per run> <warm-up seconds> <connections>
 * <work dir> [sizes, e.g. 1024,65536,1024c] [endpoints, e.g. bare,filter,hand or bare,guard,inbox]}
 * (a size ending in {@code c} sends the body chunked, in 4 KiB chunks, without {@code Content-Length})
 * ({@code guard} and {@code inbox} need the server started with {@code stores}). Every endpoint's
 * throughput is divided by bare's in the same round, and filter's by hand's.
 */
public final class HttpLoadTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private HttpLoadTest() {
    }

    /** One wrk run against one endpoint, with the server's counters around it. */
    record Run(String endpoint, double rps, double p99Millis, long requests, long errors, double bytesPerRequest,
               double cpuMicrosPerRequest) {
    }

    /** The server's counters at one moment. */
    record Stats(long requests, long allocated, long cpu, String description) {
        static Stats parse(String text) {
            Map<String, String> values = new HashMap<>();
            for (String pair : text.trim().split(" ")) {
                int eq = pair.indexOf('=');
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return new Stats(Long.parseLong(values.get("requests")), Long.parseLong(values.get("allocated")),
                    Long.parseLong(values.get("cpu")),
                    "JDK " + values.get("jdk") + ", GC " + values.get("gc") + ", server CPUs " + values.get("cpus"));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            throw new IllegalArgumentException(
                    "usage: HttpLoadTest <port> <rounds> <seconds> <warm-up seconds> <connections> <work dir> [sizes] [endpoints]");
        }
        int port = Integer.parseInt(args[0]);
        int rounds = bounded("rounds", Integer.parseInt(args[1]), 1, 20);
        int seconds = bounded("seconds", Integer.parseInt(args[2]), 1, 30);
        int warmup = bounded("warm-up seconds", Integer.parseInt(args[3]), 0, 30);
        int connections = bounded("connections", Integer.parseInt(args[4]), 1, 256);
        Path work = Files.createDirectories(Path.of(args[5]));
        String[] sizes = (args.length > 6 ? args[6] : "1024,65536").split(",");
        for (String size : sizes) {
            if (!size.matches("[0-9]{1,8}c?")) {
                throw new IllegalArgumentException("a size is a number of bytes, with c for chunked: " + size);
            }
        }
        List<String> endpoints = List.of((args.length > 7 ? args[7] : "bare,filter,hand").split(","));
        for (String endpoint : endpoints) {
            if (!List.of("bare", "filter", "hand", "guard", "inbox").contains(endpoint)) {
                throw new IllegalArgumentException("unknown endpoint " + endpoint + "; known: bare, filter, hand, guard, inbox");
            }
        }
        if (!endpoints.contains("bare")) {
            throw new IllegalArgumentException("the endpoints must include bare, the baseline of every ratio");
        }
        String base = "http://127.0.0.1:" + port + "/";
        System.out.printf(Locale.ROOT, "server: %s; wrk -t1 -c%d -d%ds; %d rounds; at most %d s in all%n",
                stats(base).description(), connections, seconds, rounds,
                sizes.length * (long) endpoints.size() * (warmup + rounds * (long) seconds));

        for (String size : sizes) {
            Path script = luaScript(work, size);
            for (String endpoint : endpoints) {
                if (warmup > 0) {
                    wrk(base, endpoint, script, warmup, connections);
                }
            }
            Map<String, List<Run>> byEndpoint = new LinkedHashMap<>();
            Map<String, List<Double>> ratios = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                Map<String, Run> thisRound = new LinkedHashMap<>();
                for (int i = 0; i < endpoints.size(); i++) {
                    String endpoint = endpoints.get((i + round) % endpoints.size());
                    Run run = measured(base, endpoint, script, seconds, connections);
                    thisRound.put(endpoint, run);
                    byEndpoint.computeIfAbsent(endpoint, k -> new ArrayList<>()).add(run);
                }
                double bare = thisRound.get("bare").rps();
                StringBuilder line = new StringBuilder();
                for (String endpoint : endpoints) {
                    double rps = thisRound.get(endpoint).rps();
                    line.append(line.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.0f", endpoint, rps));
                    if (!endpoint.equals("bare")) {
                        ratios.computeIfAbsent(endpoint + " / bare", k -> new ArrayList<>()).add(rps / bare);
                    }
                }
                if (thisRound.containsKey("filter") && thisRound.containsKey("hand")) {
                    ratios.computeIfAbsent("filter / hand", k -> new ArrayList<>())
                            .add(thisRound.get("filter").rps() / thisRound.get("hand").rps());
                }
                System.out.printf(Locale.ROOT, "%s B round %d: %s rps%n", size, round + 1, line);
            }
            report(size, byEndpoint, ratios);
        }
    }

    private static int bounded(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    private static void report(String size, Map<String, List<Run>> byEndpoint, Map<String, List<Double>> ratios) {
        System.out.printf(Locale.ROOT, "%n| %s B | rps (median) | p99 ms (median) | server CPU µs/request | bytes allocated/request | non-2xx + socket errors |%n", size);
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, List<Run>> entry : byEndpoint.entrySet()) {
            List<Run> runs = entry.getValue();
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.1f | %.0f | %d |%n", entry.getKey(),
                    median(runs.stream().mapToDouble(Run::rps).toArray()),
                    median(runs.stream().mapToDouble(Run::p99Millis).toArray()),
                    median(runs.stream().mapToDouble(Run::cpuMicrosPerRequest).toArray()),
                    median(runs.stream().mapToDouble(Run::bytesPerRequest).toArray()),
                    runs.stream().mapToLong(Run::errors).sum());
        }
        System.out.println();
        for (Map.Entry<String, List<Double>> entry : ratios.entrySet()) {
            double[] values = entry.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            System.out.printf(Locale.ROOT, "%s, rps per round: median %.2f (%.2f–%.2f) over %d rounds%n", entry.getKey(),
                    median(values), Arrays.stream(values).min().orElse(0), Arrays.stream(values).max().orElse(0), values.length);
        }
        System.out.println();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * A wrk script that POSTs the signed Revont body of {@code size} bytes; with a trailing
     * {@code c}, the request is written by hand with {@code Transfer-Encoding: chunked} (wrk's own
     * request builder always adds {@code Content-Length}).
     */
    private static Path luaScript(Path work, String size) throws IOException {
        boolean chunked = size.endsWith("c");
        int bytes = Integer.parseInt(chunked ? size.substring(0, size.length() - 1) : size);
        byte[] body = Payloads.revontSummary(bytes);
        WebhookRequest signed = RevontSigner.of(Secret.of(HttpLoadServer.SECRET)).sign(body);
        String signature = signed.headers().first("X-Revont-Signature");
        Path bodyFile = work.resolve("revont-" + size + ".json");
        Files.write(bodyFile, chunked ? chunks(body, 4096) : body);
        Path script = work.resolve("revont-" + size + ".lua");
        String read = "local f = assert(io.open(\"" + bodyFile.toAbsolutePath() + "\", \"rb\"))\n"
                + "local body = f:read(\"*a\")\n"
                + "f:close()\n";
        if (chunked) {
            Files.writeString(script, read
                    + "local req = nil\n"
                    + "request = function()\n"
                    + "  if not req then\n"
                    + "    req = \"POST \" .. wrk.path .. \" HTTP/1.1\\r\\nHost: \" .. wrk.host .. \":\" .. wrk.port .. \"\\r\\n\"\n"
                    + "      .. \"Content-Type: application/json\\r\\nTransfer-Encoding: chunked\\r\\n\"\n"
                    + "      .. \"X-Revont-Signature: " + signature + "\\r\\n\\r\\n\" .. body\n"
                    + "  end\n"
                    + "  return req\n"
                    + "end\n");
        } else {
            Files.writeString(script, "wrk.method = \"POST\"\n" + read
                    + "wrk.body = body\n"
                    + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                    + "wrk.headers[\"X-Revont-Signature\"] = \"" + signature + "\"\n");
        }
        return script;
    }

    /** The body in HTTP/1.1 chunks of at most {@code size} bytes, with the last, empty chunk. */
    private static byte[] chunks(byte[] body, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
        for (int from = 0; from < body.length; from += size) {
            int length = Math.min(size, body.length - from);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, from, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static Run measured(String base, String endpoint, Path script, int seconds, int connections) throws Exception {
        Stats before = stats(base);
        String output = wrk(base, endpoint, script, seconds, connections);
        Stats after = stats(base);
        double rps = number(output, "Requests/sec:\\s+([0-9.]+)");
        double p99 = latencyMillis(output);
        long requests = (long) number(output, "(\\d+) requests in");
        long errors = (long) numberOr(output, "Non-2xx or 3xx responses: (\\d+)", 0);
        Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(output);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        long served = after.requests() - before.requests();
        return new Run(endpoint, rps, p99, requests, errors,
                (after.allocated() - before.allocated()) / (double) Math.max(1, served),
                (after.cpu() - before.cpu()) / 1000.0 / Math.max(1, served));
    }

    private static String wrk(String base, String endpoint, Path script, int seconds, int connections) throws Exception {
        Process process = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), base + endpoint).redirectErrorStream(true).start();
        if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not end 30 s after its duration");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        return output;
    }

    private static double latencyMillis(String output) {
        Matcher m = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no p99 in wrk's output: " + output);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("not in wrk's output (" + regex + "): " + output);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double numberOr(String output, String regex, double otherwise) {
        Matcher m = Pattern.compile(regex).matcher(output);
        return m.find() ? Double.parseDouble(m.group(1)) : otherwise;
    }

    private static Stats stats(String base) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "stats")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return Stats.parse(response.body());
    }
}
