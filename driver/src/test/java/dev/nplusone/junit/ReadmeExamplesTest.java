package dev.nplusone.junit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Java in the README's JUnit 5 and 6 section is copied from the example tests in {@code readme}, which run. */
class ReadmeExamplesTest {
    static final Path README = Path.of("../README.md");
    static final Path EXAMPLES = Path.of("src/test/java/dev/nplusone/junit/readme");

    @Test
    void java_blocks_of_the_junit_section_appear_in_order_in_a_compiled_example() throws IOException {
        List<List<String>> blocks = javaBlocks(section(Files.readString(README), "## JUnit 5 and 6"));
        List<List<String>> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.sorted().toList()) {
                sources.add(trimmedLines(Files.readAllLines(file)));
            }
        }

        assertFalse(blocks.isEmpty(), "no java block in the README's JUnit 5 and 6 section");
        for (List<String> block : blocks) {
            assertTrue(sources.stream().anyMatch(source -> inOrder(block, source)),
                    () -> "README block not found, in this order, in " + EXAMPLES + ":\n" + String.join("\n", block));
        }
    }

    private static String section(String readme, String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "README has no section " + heading);
        int end = readme.indexOf("\n## ", start + 1);
        return end < 0 ? readme.substring(start) : readme.substring(start, end);
    }

    private static List<List<String>> javaBlocks(String markdown) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : markdown.split("\n")) {
            if (current == null && line.trim().equals("```java")) {
                current = new ArrayList<>();
            } else if (current != null && line.trim().equals("```")) {
                blocks.add(trimmedLines(current));
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return blocks;
    }

    /** Non-blank lines without their indentation; a line of "..." stands for omitted code. */
    private static List<String> trimmedLines(List<String> lines) {
        return lines.stream().map(String::trim).filter(line -> !line.isEmpty() && !line.equals("...")).toList();
    }

    private static boolean inOrder(List<String> block, List<String> source) {
        int at = 0;
        for (String line : block) {
            while (at < source.size() && !source.get(at).equals(line)) {
                at++;
            }
            if (at == source.size()) {
                return false;
            }
            at++;
        }
        return true;
    }
}
