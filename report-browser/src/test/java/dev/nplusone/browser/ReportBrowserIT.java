package dev.nplusone.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.internal.config.Config;
import dev.nplusone.internal.report.LiveReports;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.CompanyPages;
import dev.nplusone.scenarios.SeedDatabase;
import dev.nplusone.support.Configured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The HTML report as a person sees it, in headless Chromium: the overview, a finding's fix and its copy button, the
 * timeline, sorting, hostile names shown as text, no console errors (a Content-Security-Policy violation would be
 * one), and the demo's and an agent run's reports opening (their load times printed, not asserted).
 */
class ReportBrowserIT {
    static final String HOSTILE_ROUTE = "GET /search?q=<script>alert('route')</script>";
    static final String JOIN_FIX = "select p.id, p.title, p.author_id, a.id as a_id, a.name from blog_post p left join"
            + " blog_author a on a.id = p.author_id order by p.id";
    static final Path TARGET = Path.of(System.getProperty("screenshots", "target/screenshots")).getParent();
    static Path report;
    static ChromeDriver browser;

    @BeforeAll
    static void writeReportAndStartChromium() throws Exception {
        Chromium.assumeInstalled();
        report = TARGET.resolve("browser/scenarios.html");
        Files.deleteIfExists(report);
        DataSource watched = NPlusOne.wrap(SeedDatabase.create().raw());
        // Once outside the report, so that its times are those of a warm JVM rather than of H2's first statements.
        try (Configured quiet = Configured.with(Config.from(Map.of("log", "false"), line -> { }))) {
            BlogPages.doneRight(watched);
            BlogPages.authorsInLoop(watched);
            BlogPages.tagsInLoop(watched);
            CompanyPages.cityAndCountryChain(watched);
        }
        Config config = Config.from(Map.of("html", report.toString(), "log", "false"), line -> { });
        try (Configured ignored = Configured.with(config)) {
            inScope("GET /posts", () -> BlogPages.authorsInLoop(watched));
            inScope("GET /posts", () -> BlogPages.authorsInLoop(watched));
            inScope("GET /posts/{id}", () -> BlogPages.doneRight(watched));
            inScope("GET /tags", () -> BlogPages.tagsInLoop(watched));
            inScope("GET /companies/{name}/employees", () -> CompanyPages.cityAndCountryChain(watched));
            inScope(HOSTILE_ROUTE, () -> BlogPages.authorsInLoop(watched));
        }
        LiveReports.flushAll();
        browser = Chromium.start(TARGET.resolve("browser/profile"));
    }

    static void inScope(String name, Callable<?> page) throws Exception {
        try (Scope ignored = NPlusOne.scope(name)) {
            page.call();
        }
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void openReport() {
        browser.get(report.toUri().toString());
    }

    @Test
    void overview_lists_every_scope_with_its_statement_count_clean_ones_too() {
        assertEquals(List.of("GET /tags", "GET /companies/{name}/employees", "GET /posts", HOSTILE_ROUTE,
                "GET /posts/{id}").stream().sorted().toList(), column(0).stream().sorted().toList());
        List<WebElement> posts = row("GET /posts").findElements(By.tagName("td"));
        assertEquals("2", posts.get(2).getText(), "runs");
        assertEquals("51", posts.get(3).getText(), "statements per run");
        assertEquals("50", posts.get(5).getText(), "similar");
        assertEquals("30", posts.get(6).getText(), "duplicates: 50 lookups of 20 authors");
        assertEquals("0", row("GET /posts/{id}").findElements(By.tagName("td")).get(8).getText(),
                "the clean page is there, without findings");
        assertEquals(List.of(), Chromium.problems(browser), "console warnings or errors");
    }

    @Test
    void a_finding_shows_parent_loop_and_fix_and_its_button_copies_the_rewrite() {
        WebElement finding = browser.findElements(By.cssSelector("article.finding")).stream()
                .filter(article -> article.getText().contains("from blog_author a where a.id = ?")).findFirst()
                .orElseThrow();
        assertTrue(finding.getText().contains("Parent\n" + BlogPages.POSTS_SQL), finding.getText());
        assertTrue(finding.getText().contains("In 3 scopes: GET /posts, " + HOSTILE_ROUTE), finding.getText());
        WebElement fix = finding.findElement(By.cssSelector("pre.fix"));
        assertEquals(JOIN_FIX, fix.getText());
        WebElement copy = finding.findElement(By.cssSelector("button.copy"));
        assertTrue(copy.isDisplayed(), "the script shows the copy button");

        Chromium.grantClipboard(browser);
        copy.click();

        assertEquals("Copied", copy.getText());
        Object copied = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " navigator.clipboard.readText().then(done, function (e) { done('clipboard: ' + e); });");
        assertEquals(JOIN_FIX, copied);
        assertEquals(List.of(), Chromium.problems(browser), "console warnings or errors");
    }

    @Test
    void the_timeline_shows_the_loop_as_one_row_with_its_count_that_opens_to_each_repeat() {
        WebElement timeline = browser.findElements(By.cssSelector("section.timeline")).stream()
                .filter(section -> section.findElement(By.tagName("h3")).getText().startsWith("GET /posts ("))
                .findFirst().orElseThrow();
        List<WebElement> loops = timeline.findElements(By.cssSelector("details.tl-row.loop"));
        assertEquals(1, loops.size(), "the 50 lookups are one row");
        WebElement loop = loops.get(0);
        assertEquals("×50", loop.findElement(By.cssSelector("summary .count")).getText());
        assertEquals(50, loop.findElements(By.cssSelector("summary svg.bar rect")).size(), "a bar per lookup");
        WebElement firstRepeat = loop.findElement(By.cssSelector(".rep"));
        assertFalse(firstRepeat.isDisplayed(), "closed at first");

        loop.findElement(By.tagName("summary")).click();

        assertTrue(firstRepeat.isDisplayed(), "open after a click");
        assertEquals(31, loop.findElements(By.cssSelector(".rep")).size(), "30 repeats listed and a line for the rest");
        assertTrue(loop.getText().contains("20 more"), loop.getText());
        assertEquals(1, timeline.findElements(By.cssSelector(".tl-row.single")).size(), "the parent's own row");
    }

    @Test
    void clicking_a_column_header_sorts_the_rows_by_it_and_again_reverses() {
        WebElement statements = browser.findElement(By.xpath("//table[@id='scope-table']//th[button='Statements']"));
        statements.findElement(By.tagName("button")).click();
        List<Double> descending = numbers(3);
        statements.findElement(By.tagName("button")).click();
        List<Double> ascending = numbers(3);

        assertEquals(descending.stream().sorted((a, b) -> Double.compare(b, a)).toList(), descending);
        assertEquals(ascending.stream().sorted().toList(), ascending);
        assertEquals("ascending", statements.getDomAttribute("aria-sort"));

        browser.findElement(By.xpath("//table[@id='scope-table']//th/button[.='Scope']")).click();
        List<String> names = column(0);
        assertEquals(names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), names);
    }

    @Test
    void hostile_route_names_are_shown_as_text_and_never_run() {
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertEquals(1L, browser.executeScript("return document.scripts.length;"), "only the report's own script");
        assertTrue(column(0).contains(HOSTILE_ROUTE), "the route's text, as written");
    }

    @Test
    void the_page_reads_without_javascript() throws Exception {
        ChromeDriver noScript = Chromium.start(TARGET.resolve("browser/profile-no-js"), "--blink-settings=scriptEnabled=false");
        try {
            noScript.get(report.toUri().toString());
            assertTrue(noScript.findElements(By.cssSelector("#scope-table tbody tr")).size() >= 5, "the overview");
            assertFalse(noScript.findElement(By.cssSelector("button.copy")).isDisplayed(), "no dead copy buttons");
            WebElement loop = noScript.findElement(By.cssSelector("details.tl-row.loop"));
            loop.findElement(By.tagName("summary")).click();
            assertTrue(loop.findElement(By.cssSelector(".rep")).isDisplayed(), "the loop still opens");
        } finally {
            noScript.quit();
        }
    }

    @Test
    void takes_the_screenshot_for_the_readme() throws Exception {
        Path screenshots = TARGET.resolve("screenshots");
        Files.createDirectories(screenshots);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        Path shot = screenshots.resolve("report.png");
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(shot) > 10_000);
        WebElement timeline = browser.findElement(By.cssSelector("section.timeline"));
        timeline.findElement(By.cssSelector("details.tl-row.loop > summary")).click();
        browser.executeScript("arguments[0].scrollIntoView();", timeline);
        Path timelineShot = screenshots.resolve("timeline.png");
        Files.write(timelineShot, timeline.getScreenshotAs(OutputType.BYTES));
        System.out.println("nplusone: report screenshots " + shot.toAbsolutePath() + " and " + timelineShot.getFileName());
    }

    @Test
    void the_demo_report_opens_without_console_errors() throws Exception {
        opensCleanly(Path.of(System.getProperty("demo.report", "../examples/target/demo-report.html")), "demo");
    }

    @Test
    void the_agent_run_report_opens_without_console_errors() throws Exception {
        opensCleanly(Path.of(System.getProperty("agent.report", "../agent/target/reports/web-run.html")), "agent run");
    }

    /** Opens a report another module wrote (skipped when that module did not run), printing its size and load time. */
    private static void opensCleanly(Path file, String name) throws Exception {
        assumeTrue(Files.isRegularFile(file), () -> file + " is not there: build the module that writes it first");
        browser.get(file.toUri().toString());
        long millis = Chromium.loadMillis(browser);
        System.out.printf("nplusone: %s report %s: %,d bytes, loaded in %d ms%n", name, file.toAbsolutePath(),
                Files.size(file), millis);
        assertFalse(browser.findElements(By.cssSelector("#scope-table tbody tr")).isEmpty(), "the overview");
        assertEquals(List.of(), Chromium.problems(browser), "console warnings or errors");
    }

    private static WebElement row(String scope) {
        for (WebElement row : browser.findElements(By.cssSelector("#scope-table tbody tr"))) {
            if (row.findElement(By.tagName("td")).getText().equals(scope)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + scope);
    }

    private static List<String> column(int index) {
        List<String> values = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#scope-table tbody tr"))) {
            values.add(row.findElements(By.tagName("td")).get(index).getText());
        }
        return values;
    }

    private static List<Double> numbers(int index) {
        return column(index).stream().map(Double::valueOf).toList();
    }
}
