package dev.revhooks.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The configuration processor's metadata (what IDEs complete) covers every bindable property. */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyHasMetadataWithADescription() throws IOException {
        Map<String, String> descriptions = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json").isNotNull();
            for (JsonNode property : new ObjectMapper().readTree(in).get("properties")) {
                descriptions.put(property.get("name").asText(), property.path("description").asText(""));
            }
        }
        Set<String> bindable = new TreeSet<>();
        collect("revhooks", RevhooksProperties.class, bindable);

        assertThat(bindable).contains("revhooks.revont.path", "revhooks.revdesk.endpoints", "revhooks.replay-guard.type");
        assertThat(descriptions.keySet()).containsExactlyInAnyOrderElementsOf(bindable);
        assertThat(descriptions).allSatisfy((name, description) -> assertThat(description).as(name).isNotBlank());
    }

    /** Every JavaBean property reachable from {@code type}; nested settings classes are walked, everything else is a leaf. */
    private static void collect(String prefix, Class<?> type, Set<String> names) {
        for (Method getter : type.getMethods()) {
            String name = propertyName(getter);
            if (name == null) {
                continue;
            }
            Class<?> value = getter.getReturnType();
            if (value.getName().startsWith(RevhooksProperties.class.getName() + "$") && !value.isEnum()) {
                collect(prefix + "." + name, value, names);
            } else {
                names.add(prefix + "." + name);
            }
        }
    }

    private static String propertyName(Method method) {
        if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0 || method.getDeclaringClass() == Object.class) {
            return null;
        }
        String name = method.getName();
        String bare = name.startsWith("get") ? name.substring(3) : name.startsWith("is") ? name.substring(2) : null;
        if (bare == null || bare.isEmpty()) {
            return null;
        }
        StringBuilder kebab = new StringBuilder();
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    kebab.append('-');
                }
                kebab.append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString();
    }
}
