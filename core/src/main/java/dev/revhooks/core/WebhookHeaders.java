package dev.revhooks.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * HTTP request headers: names compare case-insensitively, and a name may carry several values (in
 * the order received).
 *
 * <p>Two kinds, read alike: an immutable copy ({@link #of}, {@link #ofSingle}, {@link #from},
 * {@link #builder()}), and a {@linkplain #lazy lazy view} over a lookup function, such as a
 * servlet request's {@code getHeaders(name)}, that asks the source only for the names a receiver
 * reads. A receiver reads two or three named headers, so the view costs a few lookups whatever
 * the number of headers sent; a copy costs one pass over all of them (and, through the servlet
 * API, one lookup per name, each of which a container may answer by scanning every header).
 *
 * <pre>{@code
 * WebhookHeaders headers = WebhookHeaders.ofSingle(Map.of("X-Revont-Signature", "sha256=..."));
 * String signature = headers.first("x-revont-signature");
 *
 * WebhookHeaders view = WebhookHeaders.lazy(request::getHeaders, request::getHeaderNames);
 * }</pre>
 */
public final class WebhookHeaders {

    private static final WebhookHeaders EMPTY = new WebhookHeaders(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    /** The values of a (non-null) name: never null, immutable, empty when absent. */
    private final Function<String, List<String>> lookup;
    /** The names, case-insensitively ordered and immutable. */
    private final Supplier<Set<String>> names;

    private WebhookHeaders(TreeMap<String, List<String>> values) {
        Map<String, List<String>> copy = Collections.unmodifiableMap(values);
        Set<String> keys = copy.keySet();
        this.lookup = name -> copy.getOrDefault(name, List.of());
        this.names = () -> keys;
    }

    private WebhookHeaders(Function<String, List<String>> lookup, Supplier<Set<String>> names) {
        this.lookup = lookup;
        this.names = names;
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
     * {@code WebhookHeaders.from(req.getHeaderNames(), req::getHeaders)}: a copy of every header,
     * which costs one {@code valuesOf} call per name. To read only the headers a receiver needs,
     * use {@link #lazy(Function, Supplier)}.
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
     * A lazy view over a source of headers that answers one name at a time, e.g. a servlet
     * request: {@code WebhookHeaders.lazy(request::getHeaders, request::getHeaderNames)}.
     *
     * <p>Nothing is copied up front. {@link #first} and {@link #all} call {@code valuesOf} once per
     * call, with the name as asked; {@link #names()} (which a receiver does not need) calls
     * {@code names} and enumerates it on every call. The source must compare names
     * case-insensitively, as {@code HttpServletRequest.getHeaders} does; a null enumeration from
     * either function reads as no headers, and null values are skipped. The view reads the source
     * at the time of each call, so it is valid as long as the source is (for a servlet request,
     * while that request is being handled) and as thread-safe as the source.
     *
     * @param valuesOf the values of one name, in the order received; null or empty when absent
     * @param names the header names
     * @return the view
     */
    public static WebhookHeaders lazy(Function<String, ? extends Enumeration<String>> valuesOf,
                                      Supplier<? extends Enumeration<String>> names) {
        Objects.requireNonNull(valuesOf, "valuesOf");
        Objects.requireNonNull(names, "names");
        return new WebhookHeaders(name -> {
            Enumeration<String> values = valuesOf.apply(name);
            if (values == null || !values.hasMoreElements()) {
                return List.of();
            }
            List<String> list = new ArrayList<>(1);
            while (values.hasMoreElements()) {
                String value = values.nextElement();
                if (value != null) {
                    list.add(value);
                }
            }
            return Collections.unmodifiableList(list);
        }, () -> {
            Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            Enumeration<String> all = names.get();
            while (all != null && all.hasMoreElements()) {
                String name = all.nextElement();
                if (name != null) {
                    set.add(name);
                }
            }
            return Collections.unmodifiableSet(set);
        });
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
        List<String> list = all(name);
        return list.isEmpty() ? null : list.get(0);
    }

    /**
     * All values of a header, in the order received.
     *
     * @param name the header name, any case; null reads as absent
     * @return the values, immutable; empty when the header is absent
     */
    public List<String> all(String name) {
        return name == null ? List.of() : lookup.apply(name);
    }

    /**
     * The header names as first received. For a {@linkplain #lazy lazy view}, the source's names,
     * enumerated on every call.
     *
     * @return the names, immutable, in case-insensitive order
     */
    public Set<String> names() {
        return names.get();
    }

    @Override
    public String toString() {
        return "WebhookHeaders" + names();
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
