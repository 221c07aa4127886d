package dev.revhooks.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of every README in the project is made of examples marked in some
 * module's sources (see {@link ReadmeSnippets}), so a README example nobody compiles fails here.
 * Which test checks that the README quotes them verbatim is each module's business; this test only
 * finds blocks no marked example accounts for.
 */
class ReadmeCoverageTest {

    private static final Pattern FROM = Pattern.compile("^\\s*// README (.+): from here$");

    @Test
    void everyJavaBlockOfEveryReadmeIsMadeOfCompiledExamples() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertThat(root.resolve("pom.xml")).as("the project's root").exists();
        List<String> examples = examples(root);
        List<Path> readmes = files(root, "README.md");
        assertThat(readmes).contains(root.resolve("README.md"), root.resolve("servlet/README.md"));
        List<String> uncovered = new ArrayList<>();
        for (Path readme : readmes) {
            List<String> blocks = javaBlocks(read(readme));
            for (int i = 0; i < blocks.size(); i++) {
                if (!isMadeOf(blocks.get(i), examples)) {
                    uncovered.add(root.relativize(readme) + " java block " + (i + 1));
                }
            }
        }
        assertThat(examples).isNotEmpty();
        assertThat(uncovered).as("README java blocks no marked example (// README <name>: from here) accounts for")
                .isEmpty();
    }

    @Test
    void aBlockWithALineNoExampleHoldsIsNotCovered() {
        String block = "int a = 1;\n\nint b = 2;\nint c = 3;";
        assertThat(isMadeOf(block, List.of("int a = 1;", "int b = 2;\nint c = 3;"))).isTrue();
        assertThat(isMadeOf(block, List.of("int a = 1;", "int b = 2;"))).isFalse();
        assertThat(isMadeOf(block, List.of())).isFalse();
    }

    @Test
    void javaBlocksAreTheFencedJavaOnes() {
        String readme = "text\n```java\nint a = 1;\n```\n```yaml\nx: 1\n```\n```java\nint b;\nint c;\n```\n";
        assertThat(javaBlocks(readme)).containsExactly("int a = 1;", "int b;\nint c;");
    }

    static boolean isMadeOf(String block, List<String> examples) {
        String rest = block;
        for (String example : examples.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            if (!example.isBlank()) {
                rest = rest.replace(example, "");
            }
        }
        return rest.isBlank();
    }

    static List<String> javaBlocks(String readme) {
        List<String> blocks = new ArrayList<>();
        Matcher fenced = Pattern.compile("(?m)^```java\\n(.*?)\\n```$", Pattern.DOTALL).matcher(readme);
        while (fenced.find()) {
            blocks.add(fenced.group(1));
        }
        return blocks;
    }

    private static List<String> examples(Path root) {
        List<String> examples = new ArrayList<>();
        for (Path source : files(root, ".java")) {
            for (String line : read(source).split("\n")) {
                Matcher from = FROM.matcher(line);
                if (from.matches()) {
                    examples.add(ReadmeSnippets.snippet(source, from.group(1)));
                }
            }
        }
        return examples;
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> Stream.of(root.relativize(p).toString().split("/"))
                            .noneMatch(part -> part.startsWith(".") || part.startsWith("target")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
