package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
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
}
