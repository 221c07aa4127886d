package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookHeadersTest {

    @Test
    void namesAreCaseInsensitive() {
        WebhookHeaders headers = WebhookHeaders.ofSingle(Map.of("X-Revont-Signature", "sha256=ab"));
        assertThat(headers.first("x-revont-signature")).isEqualTo("sha256=ab");
        assertThat(headers.first("X-REVONT-SIGNATURE")).isEqualTo("sha256=ab");
        assertThat(headers.all("x-Revont-signature")).containsExactly("sha256=ab");
    }

    @Test
    void keepsEveryValueInOrderAcrossNameCases() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("X-Forwarded-For", List.of("1.1.1.1", "2.2.2.2"));
        map.put("x-forwarded-for", List.of("3.3.3.3"));
        WebhookHeaders headers = WebhookHeaders.of(map);
        assertThat(headers.all("X-FORWARDED-FOR")).containsExactly("1.1.1.1", "2.2.2.2", "3.3.3.3");
        assertThat(headers.first("x-forwarded-for")).isEqualTo("1.1.1.1");
        assertThat(headers.names()).hasSize(1);
    }

    @Test
    void absentHeaderIsNullOrEmpty() {
        WebhookHeaders headers = WebhookHeaders.empty();
        assertThat(headers.first("a")).isNull();
        assertThat(headers.all("a")).isEmpty();
    }

    @Test
    void skipsNullNamesAndValues() {
        Map<String, String> single = new HashMap<>();
        single.put(null, "x");
        single.put("a", null);
        single.put("b", "1");
        assertThat(WebhookHeaders.ofSingle(single).names()).containsExactly("b");

        Map<String, List<String>> multi = new HashMap<>();
        multi.put("c", null);
        assertThat(WebhookHeaders.of(multi).names()).isEmpty();
    }

    @Test
    void buildsFromAServletLikeAccessor() {
        Map<String, List<String>> source = Map.of("Content-Type", List.of("application/json"), "X-A", List.of("1", "2"));
        WebhookHeaders headers = WebhookHeaders.from(Collections.enumeration(source.keySet()),
                name -> Collections.enumeration(source.get(name)));
        assertThat(headers.all("x-a")).containsExactly("1", "2");
        assertThat(headers.first("content-type")).isEqualTo("application/json");
        assertThat(WebhookHeaders.from(null, name -> null).names()).isEmpty();
    }

    @Test
    void isImmutable() {
        WebhookHeaders.Builder builder = WebhookHeaders.builder().add("a", "1");
        WebhookHeaders headers = builder.build();
        builder.add("a", "2");
        assertThat(headers.all("a")).containsExactly("1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> headers.all("a").add("3"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(headers.toString()).contains("a").doesNotContain("1");
    }

    /** A servlet-like source: case-insensitive lookups, counted. */
    private static final class CountingSource {
        final Map<String, List<String>> byName = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final AtomicInteger lookups = new AtomicInteger();
        final AtomicInteger enumerations = new AtomicInteger();

        CountingSource(int extraHeaders) {
            byName.put("X-Signature", List.of("sha256=ab", "sha256=cd"));
            for (int i = 0; i < extraHeaders; i++) {
                byName.put("X-Extra-" + i, List.of("v" + i));
            }
        }

        Enumeration<String> values(String name) {
            lookups.incrementAndGet();
            List<String> list = byName.get(name);
            return list == null ? Collections.emptyEnumeration() : Collections.enumeration(list);
        }

        Enumeration<String> names() {
            enumerations.incrementAndGet();
            return Collections.enumeration(byName.keySet());
        }

        WebhookHeaders view() {
            return WebhookHeaders.lazy(this::values, this::names);
        }
    }

    @Test
    void aLazyViewReadsOnlyTheNamesAskedForWhateverTheNumberOfHeaders() {
        for (int extra : new int[] {0, 10, 10_000}) {
            CountingSource source = new CountingSource(extra);
            WebhookHeaders headers = source.view();
            assertThat(source.lookups).hasValue(0);
            assertThat(headers.first("x-signature")).isEqualTo("sha256=ab");
            assertThat(headers.all("X-SIGNATURE")).containsExactly("sha256=ab", "sha256=cd");
            assertThat(headers.first("x-absent")).isNull();
            assertThat(headers.all("x-absent")).isEmpty();
            assertThat(source.lookups).as("lookups with %d other headers", extra).hasValue(4);
            assertThat(source.enumerations).hasValue(0);
        }
    }

    @Test
    void aLazyViewEnumeratesNamesOnlyWhenAskedAndEveryTime() {
        CountingSource source = new CountingSource(2);
        WebhookHeaders headers = source.view();
        assertThat(headers.names()).containsExactly("X-Extra-0", "X-Extra-1", "X-Signature");
        assertThat(headers.names().contains("x-signature")).isTrue();
        assertThat(headers.toString()).isEqualTo("WebhookHeaders[X-Extra-0, X-Extra-1, X-Signature]");
        assertThat(source.enumerations).hasValue(3);
        assertThat(source.lookups).hasValue(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> headers.names().add("y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aLazyViewSkipsNullsAndIsImmutable() {
        Function<String, Enumeration<String>> values = name -> switch (name) {
            case "nulls" -> Collections.enumeration(java.util.Arrays.asList(null, "1", null));
            case "none" -> null;
            default -> Collections.emptyEnumeration();
        };
        WebhookHeaders headers = WebhookHeaders.lazy(values, () -> Collections.enumeration(java.util.Arrays.asList("b", null, "a", "B")));
        assertThat(headers.all("nulls")).containsExactly("1");
        assertThat(headers.first("nulls")).isEqualTo("1");
        assertThat(headers.all("none")).isEmpty();
        assertThat(headers.first("none")).isNull();
        assertThat(headers.all(null)).isEmpty();
        assertThat(headers.first(null)).isNull();
        assertThat(headers.names()).containsExactly("a", "b");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> headers.all("nulls").add("3"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(WebhookHeaders.lazy(values, () -> null).names()).isEmpty();
    }

    @Test
    void aLazyViewRefusesNullFunctions() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookHeaders.lazy(null, Collections::emptyEnumeration))
                .isInstanceOf(NullPointerException.class).hasMessage("valuesOf");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookHeaders.lazy(name -> null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("names");
    }

    @Test
    void aCopyAnswersANullNameAsAbsent() {
        WebhookHeaders headers = WebhookHeaders.ofSingle(Map.of("a", "1"));
        assertThat(headers.first(null)).isNull();
        assertThat(headers.all(null)).isEmpty();
    }

    @Test
    void aLazyViewWorksAsARequestsHeaders() throws Exception {
        CountingSource source = new CountingSource(3);
        WebhookRequest request = WebhookRequest.builder(new byte[0]).headers(source.view()).header("X-Added", "1").build();
        assertThat(request.headers().all("x-signature")).containsExactly("sha256=ab", "sha256=cd");
        assertThat(request.headers().first("x-added")).isEqualTo("1");
        assertThat(request.headers().names()).hasSize(5);
    }
}
