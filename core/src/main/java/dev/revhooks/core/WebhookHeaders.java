package dev.revhooks.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Immutable HTTP request headers: names compare case-insensitively, and a name may carry several
 * values (in the order received).
 *
 * <pre>{@code
 * WebhookHeaders headers = WebhookHeaders.ofSingle(Map.of("X-Revont-Signature", "sha256=..."));
 * String signature = headers.first("x-revont-signature");
 * }</pre>
 */
public final class WebhookHeaders {

    private static final WebhookHeaders EMPTY = new WebhookHeaders(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final Map<String, List<String>> values;

    private WebhookHeaders(TreeMap<String, List<String>> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * No headers.
     *
     * @return the empty header set
     */
    public static WebhookHeaders empty() {
        return EMPTY;
    }

    /**
     * Headers from a multi-valued map, such as Spring's {@code HttpHeaders} or
     * {@code java.net.http.HttpHeaders.map()}. Null names and null values are skipped.
     *
     * @param headers the headers
     * @return an immutable copy
     */
    public static WebhookHeaders of(Map<String, ? extends List<String>> headers) {
        Builder builder = builder();
        headers.forEach((name, list) -> {
            if (list != null) {
                list.forEach(value -> builder.add(name, value));
            }
        });
        return builder.build();
    }

    /**
     * Headers from a single-valued map. Null names and null values are skipped.
     *
     * @param headers the headers
     * @return an immutable copy
     */
    public static WebhookHeaders ofSingle(Map<String, String> headers) {
        Builder builder = builder();
        headers.forEach(builder::add);
        return builder.build();
    }

    /**
     * Headers from a servlet-like accessor, e.g.
     * {@code WebhookHeaders.from(req.getHeaderNames(), req::getHeaders)}.
     *
     * @param names the header names
     * @param valuesOf the values of one name
     * @return an immutable copy
     */
    public static WebhookHeaders from(Enumeration<String> names, Function<String, Enumeration<String>> valuesOf) {
        Builder builder = builder();
        if (names == null) {
            return builder.build();
        }
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            Enumeration<String> headerValues = valuesOf.apply(name);
            while (headerValues != null && headerValues.hasMoreElements()) {
                builder.add(name, headerValues.nextElement());
            }
        }
        return builder.build();
    }

    /**
     * A builder that adds one value at a time.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return the first value, or null when the header is absent
     */
    public String first(String name) {
        List<String> list = values.get(name);
        return list == null ? null : list.get(0);
    }

    /**
     * All values of a header, in the order received.
     *
     * @param name the header name, any case
     * @return the values; empty when the header is absent
     */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /**
     * The header names as first received.
     *
     * @return the names
     */
    public Set<String> names() {
        return values.keySet();
    }

    @Override
    public String toString() {
        return "WebhookHeaders" + values.keySet();
    }

    /** Collects header values; names compare case-insensitively. */
    public static final class Builder {
        private final TreeMap<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Builder() {
        }

        /**
         * Adds one value; a null name or value is skipped.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         */
        public Builder add(String name, String value) {
            if (name != null && value != null) {
                values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            }
            return this;
        }

        /**
         * Builds the immutable headers.
         *
         * @return the headers
         */
        public WebhookHeaders build() {
            TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
            return new WebhookHeaders(copy);
        }
    }
}
