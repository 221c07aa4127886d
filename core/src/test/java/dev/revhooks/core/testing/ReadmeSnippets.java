package dev.revhooks.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.WebhookRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps README examples compiling: an example lives in a test source between the lines
 * {@code // README <name>: from here} and {@code // README <name>: to here}, where it compiles and
 * runs, and the README quotes it verbatim (indentation removed). {@link #assertQuoted} fails when
 * the README's copy drifts from the tested code.
 *
 * <pre>{@code
 * ReadmeSnippets.assertQuoted(Path.of("README.md"), Path.of("src/test/java/dev/revhooks/revont/ReadmeExampleTest.java"),
 *         "build", "handle");
 * }</pre>
 */
public final class ReadmeSnippets {

    private ReadmeSnippets() {
    }

    /**
     * The example {@code name} of a test source, without its common indentation.
     *
     * @param source the test source
     * @param name the example's name
     * @return the example's lines joined with {@code \n}
     */
    public static String snippet(Path source, String name) {
        List<String> lines = read(source);
        int from = lines.indexOf(lines.stream().filter(l -> l.strip().equals("// README " + name + ": from here"))
                .findFirst().orElseThrow(() -> new AssertionError("no README example " + name + " in " + source)));
        List<String> body = new ArrayList<>();
        for (int i = from + 1; !lines.get(i).strip().equals("// README " + name + ": to here"); i++) {
            body.add(lines.get(i));
        }
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return String.join("\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }

    /**
     * Asserts that {@code readme} quotes each named example of {@code source} verbatim.
     *
     * @param readme the README
     * @param source the test source holding the examples
     * @param names the examples' names
     */
    public static void assertQuoted(Path readme, Path source, String... names) {
        String text = String.join("\n", read(readme));
        for (String name : names) {
            assertThat(text).as("%s quotes the example %s of %s verbatim", readme, name, source)
                    .contains(snippet(source, name));
        }
    }

    /**
     * A request's headers as a framework gives them: each name with every value, in order.
     *
     * @param request the request
     * @return the multi-valued header map
     */
    public static Map<String, List<String>> headerMap(WebhookRequest request) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : request.headers().names()) {
            map.put(name, request.headers().all(name));
        }
        return map;
    }

    /**
     * A request's headers with {@code name}'s one value sent twice, as a proxy that repeats a header would.
     *
     * @param request the request
     * @param name the header to repeat
     * @return the multi-valued header map
     */
    public static Map<String, List<String>> withRepeated(WebhookRequest request, String name) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String each : request.headers().names()) {
            List<String> values = request.headers().all(each);
            map.put(each, each.equalsIgnoreCase(name) ? List.of(values.get(0), values.get(0)) : values);
        }
        return map;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
