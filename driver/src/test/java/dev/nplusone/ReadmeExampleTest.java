package dev.nplusone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.internal.report.HumanReport;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The README shows real output and compiling code: this test keeps both true. */
class ReadmeExampleTest {
    static final Path README = Path.of("../README.md");

    @Test
    void the_report_in_the_readme_is_what_the_engine_prints_for_the_blog_page() throws Exception {
        DataSource rawDataSource = SeedDatabase.create().raw();

        DataSource dataSource = NPlusOne.wrap(rawDataSource);
        Scope scope = NPlusOne.scope("GET /posts");
        try (scope) {
            BlogPages.authorsAndTagsInLoop(dataSource);
        }
        ScopeReport report = scope.report();

        assertEquals(comparable(readmeBlockAfter("This is what a page")), comparable(HumanReport.format(report)));
    }

    /**
     * Timings and line numbers vary from run to run and edit to edit, and on in-memory H2 a 'loop at' line may
     * add how many executions were walked to their call site (the README shows a real database's exact line);
     * everything else must match.
     */
    static String comparable(String report) {
        return report.strip().replaceAll("[0-9.]+ ms", "# ms").replaceAll("\\.java:\\d+\\)", ".java:#)")
                .replaceAll(" {3}\\(call site walked for \\d+ of these \\d+ executions, the others counted here by estimate\\)", "");
    }

    static String readmeBlockAfter(String marker) throws Exception {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf(lines.stream().filter(l -> l.startsWith(marker)).findFirst().orElseThrow());
        while (!lines.get(start).startsWith("```")) {
            start++;
        }
        int end = start + 1;
        while (!lines.get(end).startsWith("```")) {
            end++;
        }
        return String.join("\n", lines.subList(start + 1, end));
    }
}
