package dev.revhooks.bench;

import dev.revhooks.core.WebhookHeaders;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the servlet filter pays for headers: the old copy of every header
 * ({@code WebhookHeaders.from(getHeaderNames(), getHeaders)}) against the lazy view
 * ({@code WebhookHeaders.lazy(getHeaders, getHeaderNames)}), each followed by what a receiver does
 * (read its signature header). The source is Jetty's own {@code HttpFields}, which answers
 * {@code getValues(name)} by scanning its fields, as its servlet request does. {@code headers} is
 * the number of headers besides the signature: 12 is a typical vendor request behind a proxy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(3)
public class HeaderViewBench {

    private static final String SIGNATURE = "X-Revont-Signature";

    @Param({"12", "100"})
    public int headers;

    private HttpFields fields;

    @Setup
    public void setUp() {
        HttpFields.Mutable mutable = HttpFields.build()
                .add("Host", "hooks.example.com")
                .add("User-Agent", "Revont-Webhooks/1.0")
                .add("Content-Type", "application/json")
                .add("Content-Length", "1024")
                .add("Accept", "*/*")
                .add("Accept-Encoding", "gzip")
                .add("X-Forwarded-For", "203.0.113.7")
                .add("X-Forwarded-Proto", "https")
                .add("X-Request-Id", "7f9c2ba4-e88f-11ec-8fea-0242ac120002")
                .add("Traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .add("Via", "1.1 proxy")
                .add("Connection", "keep-alive");
        for (int i = 12; i < headers; i++) {
            mutable.add("X-Extra-" + i, "value-" + i);
        }
        mutable.add(SIGNATURE, "sha256=" + "ab".repeat(32));
        fields = mutable.asImmutable();
    }

    @Benchmark
    public List<String> copyEveryHeader() {
        WebhookHeaders copy = WebhookHeaders.from(fields.getFieldNames(), fields::getValues);
        return copy.all(SIGNATURE);
    }

    @Benchmark
    public List<String> lazyView() {
        WebhookHeaders view = WebhookHeaders.lazy(fields::getValues, fields::getFieldNames);
        return view.all(SIGNATURE);
    }
}
