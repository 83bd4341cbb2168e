package dev.nplusone.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compatibility matrix: each line of cells.tsv starts the scenario program ({@link MatrixProgram}) in a child
 * JVM on real components, once as the application alone and once with {@code -javaagent} (and, where the program
 * opens connections by URL itself, once more through {@code jdbc:nplusone:} without the agent), and checks that
 * nplusone found the N+1 page's loop in the page's own scope with exact statement counts, left the clean page
 * clean, saw every statement the program ran, named what it watched, and changed nothing the application printed.
 * {@code -Dmatrix.cells=all} (the -Pmatrix profile) runs every line; by default only the "default" diagonal; any
 * other value runs the cells whose description contains it ({@code -Dmatrix.cells="x c3p0"}).
 */
class MatrixIT {
    private static final Pattern AUTHOR_LOOKUP = Pattern.compile("select name from m\\d+_author where id = \\?");

    static Stream<Cell> cells() {
        String selection = System.getProperty("matrix.cells", "default");
        boolean all = selection.equals("all");
        try (InputStream table = MatrixIT.class.getResourceAsStream("/cells.tsv")) {
            return new String(table.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(Cell::parse)
                    .filter(cell -> all || cell.set().equals(selection) || cell.toString().contains(selection))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void finds_the_n_plus_one_page_and_leaves_the_clean_page_and_the_output_alone(Cell cell) {
        assumeTrue(cell.jdkInstalled(), () -> "JDK " + cell.jdk() + " is not installed at " + cell.java());
        cell.components().forEach(component -> assumeTrue(component.available(),
                () -> component + " was not copied into " + Component.COMPONENTS + ": run with -Pmatrix"));
        Integer port = cell.serverPort();
        assumeTrue(port == null || answers(port), () -> cell.database() + " is not answering on 127.0.0.1:" + port);

        ProgramRun.Result alone = ProgramRun.run(cell, ProgramRun.Mode.ALONE);
        assertEquals(0, alone.exitCode(), alone::toString);
        assertPagesPrinted(cell, alone);

        ProgramRun.Result agent = ProgramRun.run(cell, ProgramRun.Mode.AGENT);
        assertEquals(0, agent.exitCode(), agent::toString);
        assertEquals(alone.pages(), agent.pages(), "the application's output with the agent");
        assertFalse(agent.stderr().contains("could not instrument"), agent::toString);
        assertFalse(agent.stderr().contains("internal failure"), agent::toString);
        assertEquals(expectedScopes(cell, cell.served() ? "http" : "connection"), reportedScopes(agent, null),
                agent::toString);
        assertTrue(agent.stderr().contains(healthLine(cell)), () -> "expected the line at exit: " + healthLine(cell)
                + "\n" + agent);

        if (cell.urlRunApplies()) {
            ProgramRun.Result url = ProgramRun.run(cell, ProgramRun.Mode.NPLUSONE_URL);
            assertEquals(0, url.exitCode(), url::toString);
            assertEquals(alone.pages(), url.pages(), "the application's output through jdbc:nplusone:");
            assertEquals(expectedScopes(cell, "connection"), reportedScopes(url, urlRunStatements(cell)), url::toString);
        }
    }

    /** Each N+1 page and the clean page print the same ten lines. */
    private static void assertPagesPrinted(Cell cell, ProgramRun.Result run) {
        List<String> expected = new ArrayList<>();
        List<String> paths = new ArrayList<>(cell.nPlusOnePaths());
        paths.add(1, Pages.CLEAN);
        for (String path : paths) {
            expected.add(cell.served() ? "== GET " + path + " 200" : "== page " + path);
            for (int post = 1; post <= Blog.POSTS; post++) {
                expected.add("Post " + post + " by Author " + (post % Blog.AUTHORS + 1));
            }
        }
        assertEquals(expected, run.pages(), run::toString);
    }

    /**
     * What the JSON Lines must hold: one line per N+1 page, in the page's own scope (the request's, or the
     * connection's outside requests), with exactly its statements and its one loop; the clean page has no line.
     */
    private static List<String> expectedScopes(Cell cell, String kind) {
        List<String> scopes = new ArrayList<>();
        for (String path : cell.nPlusOnePaths()) {
            // A DeferredResult set from the application's own thread is not linked to its request (agent/README.md).
            String scopeKind = path.startsWith("/deferred") ? "connection" : kind;
            String name = scopeKind.equals("http") ? "GET " + path : "connection";
            scopes.add(scopeKind + " " + name + ": " + Blog.N_PLUS_ONE_STATEMENTS + " statements, N_PLUS_ONE x" + Blog.POSTS
                    + " " + AUTHOR_LOOKUP.pattern());
        }
        return scopes;
    }

    /**
     * Without the agent, jdbc:nplusone: sees the pool's physical connections, not its checkouts: the N+1 page's
     * scope is the physical connection it ran on, which the pool may have lent for the seed and the other page too
     * (so from the page's own statements up to every statement of the program). DriverManager: one per page.
     */
    private static int[] urlRunStatements(Cell cell) {
        return cell.pool().equals("none") ? null : new int[] {Blog.N_PLUS_ONE_STATEMENTS, cell.statements()};
    }

    /** The report's scopes with findings; a statement count within {@code statementRange} reads as the page's own. */
    private static List<String> reportedScopes(ProgramRun.Result run, int[] statementRange) {
        List<String> scopes = new ArrayList<>();
        for (JsonNode scope : run.scopes()) {
            String kind = scope.at("/scope/kind").asText();
            String name = kind.equals("connection") ? "connection" : scope.at("/scope/name").asText();
            int statements = scope.get("statements").asInt();
            if (statementRange != null && statements >= statementRange[0] && statements <= statementRange[1]) {
                statements = Blog.N_PLUS_ONE_STATEMENTS;
            }
            StringBuilder line = new StringBuilder(kind + " " + name + ": " + statements + " statements");
            for (JsonNode finding : scope.get("findings")) {
                String sql = finding.get("sql").asText();
                line.append(", ").append(finding.get("kind").asText()).append(" x")
                        .append(finding.get("executions").asInt()).append(' ')
                        .append(AUTHOR_LOOKUP.matcher(sql).matches() ? AUTHOR_LOOKUP.pattern() : sql);
            }
            scopes.add(line.toString());
        }
        return scopes;
    }

    /** The agent's line at exit: what it watched, and every statement the program ran. */
    private static String healthLine(Cell cell) {
        int findings = cell.nPlusOnePaths().size();
        return "nplusone: watched 1 connection source (" + cell.watchedSource() + ")"
                + (cell.served() ? ", request scopes on jakarta servlet" : "") + "; " + cell.statements()
                + " statements, " + findings + (findings == 1 ? " finding" : " findings");
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
