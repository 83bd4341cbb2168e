package dev.nplusone.examples;

import static dev.nplusone.Finding.Kind.UNUSED_JOIN;
import static dev.nplusone.Finding.Kind.WRITE_LOOP;
import static dev.nplusone.Finding.Strategy.BATCH_IN;
import static dev.nplusone.Finding.Strategy.DROP_JOIN;
import static dev.nplusone.Finding.Strategy.GROUP_BY;
import static dev.nplusone.Finding.Strategy.JDBC_BATCH;
import static dev.nplusone.Finding.Strategy.JOIN;
import static dev.nplusone.Finding.Strategy.MULTI_ROW_INSERT;
import static dev.nplusone.examples.DemoCase.expect;
import static dev.nplusone.examples.DemoCase.fix;
import static dev.nplusone.examples.DemoCase.version;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import dev.nplusone.examples.DemoCase.Expected;
import dev.nplusone.examples.DemoCase.Side;
import dev.nplusone.examples.DemoCase.Version;
import dev.nplusone.examples.hibernate.HibernateBlogPages;
import dev.nplusone.examples.hibernate.HibernateBoot;
import dev.nplusone.examples.hibernate.HibernateCompanyPages;
import dev.nplusone.examples.hibernate.HibernateKindPages;
import dev.nplusone.examples.jdbc.KindDemoPages;
import dev.nplusone.examples.jdbc.FixedBlogPages;
import dev.nplusone.examples.jdbc.FixedCompanyPages;
import dev.nplusone.internal.report.HumanReport;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.CompanyPages;
import dev.nplusone.scenarios.KindPages;
import dev.nplusone.scenarios.SeedDatabase;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * The demo: every trap of the two seed articles on an embedded H2 database, in plain JDBC and in Hibernate.
 * For each, the N+1 version and nplusone's report on it, then each fixed version and its (clean) report; then
 * the first seed's benchmark table reproduced; then a summary. Exits with status 1 when a report it expects
 * is missing or wrong, so the build runs it as a test.
 *
 * <pre>
 * ./mvnw -B -q -pl examples -am package -DskipTests &amp;&amp; java -jar examples/target/nplusone-demo.jar
 * </pre>
 */
public final class Demo {
    static final String RULE = "=".repeat(100);

    private final PrintStream out;
    private final List<String> problems = new ArrayList<>();
    private final TextTable summary = new TextTable("case", "plain JDBC: statements", "Hibernate: statements", "verdict");
    private int loops;
    private int findings;
    private int fixes;

    Demo(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        // The demo prints each report itself, next to the code that caused it.
        if (System.getProperty("nplusone.log") == null) {
            System.setProperty("nplusone.log", "false");
        }
        // The benchmark's H2 TCP server listens on the loopback address only.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        int status;
        try {
            status = new Demo(System.out).run();
        } catch (Throwable t) {
            t.printStackTrace();
            status = 2;
        }
        System.out.flush();
        System.exit(status);
    }

    /** Runs everything; returns the exit status: 0 when every expected report was there, 1 otherwise. */
    int run() throws Exception {
        out.println(RULE);
        out.println(" nplusone demo: the N+1 traps of the two seed articles, found and cured");
        out.println(" blog (post, author, tag) and company (employee, department, city, country) on embedded H2,");
        out.println(" each page written as an N+1 loop and as its cures, in plain JDBC and in Hibernate "
                + org.hibernate.Version.getVersionString() + ".");
        out.println(" Every statement goes through NPlusOne.wrap(dataSource); each page runs in its own"
                + " NPlusOne.scope(...).");
        out.println(RULE);
        SeedDatabase database = SeedDatabase.create();
        DataSource watched = NPlusOne.wrap(database.raw(), "seed");
        try (SessionFactory sessions = HibernateBoot.sessionFactory(watched)) {
            List<DemoCase> cases = cases(watched, new HibernateBlogPages(sessions), new HibernateCompanyPages(sessions),
                    new HibernateKindPages(sessions));
            for (int i = 0; i < cases.size(); i++) {
                runCase(i + 1, cases.get(i));
            }
        }
        SeedBenchmark.Result benchmark = new SeedBenchmark(out).run();
        problems.addAll(benchmark.problems());
        printSummary(benchmark);
        return problems.isEmpty() ? 0 : 1;
    }

    static List<DemoCase> cases(DataSource ds, HibernateBlogPages blog, HibernateCompanyPages company,
                                HibernateKindPages kinds) {
        int posts = SeedDatabase.POSTS;
        int authors = SeedDatabase.AUTHORS;
        int employees = SeedDatabase.EMPLOYEES;
        int cities = SeedDatabase.CITIES;
        int countries = SeedDatabase.COUNTRIES;
        int departments = SeedDatabase.DEPARTMENTS;
        List<DemoCase> cases = new ArrayList<>(List.of(
                new DemoCase("To-one loop: the author of each post",
                        "seed 1: post.author.name in a loop; the cure is select_related('author')",
                        new Side("plain JDBC", version("BlogPages.authorsInLoop", 1 + posts, () -> BlogPages.authorsInLoop(ds)),
                                List.of(expect("blog_author", JOIN, posts, authors)),
                                List.of(fix("JOIN", "FixedBlogPages.authorsWithJoin", 1, () -> FixedBlogPages.authorsWithJoin(ds)),
                                        fix("IN", "FixedBlogPages.authorsWithIn", 2, () -> FixedBlogPages.authorsWithIn(ds)))),
                        new Side("Hibernate", version("HibernateBlogPages.authorsInLoop", 1 + authors, blog::authorsInLoop),
                                List.of(expect("blog_author", JOIN, authors, authors)),
                                List.of(fix("JOIN", "join fetch p.author", 1, blog::authorsWithJoinFetch),
                                        fix("JOIN", "@NamedEntityGraph Post.withAuthor as fetch graph", 1,
                                                blog::authorsWithEntityGraph),
                                        fix("IN", "batch fetch size " + HibernateBlogPages.BATCH, 2,
                                                blog::authorsWithBatchFetch)))),
                new DemoCase("To-many loop: the tags of each post (ManyToMany)",
                        "seed 1: post.tags.all() in a loop; the cure is prefetch_related('tags'), never a JOIN",
                        new Side("plain JDBC", version("BlogPages.tagsInLoop", 1 + posts, () -> BlogPages.tagsInLoop(ds)),
                                List.of(expect("blog_tag", BATCH_IN, posts, posts)),
                                List.of(fix("IN", "FixedBlogPages.tagsWithIn", 2, () -> FixedBlogPages.tagsWithIn(ds)))),
                        new Side("Hibernate", version("HibernateBlogPages.tagsInLoop", 1 + posts, blog::tagsInLoop),
                                List.of(expect("blog_post_tags", BATCH_IN, posts, posts)),
                                List.of(fix("IN", "batch fetch size " + HibernateBlogPages.BATCH, 2,
                                        blog::tagsWithBatchFetch)))),
                new DemoCase("Combined page: author and tags of each post",
                        "seed 1: the page that made 152 queries; select_related('author').prefetch_related('tags')",
                        new Side("plain JDBC", version("BlogPages.authorsAndTagsInLoop", 1 + 2 * posts,
                                () -> BlogPages.authorsAndTagsInLoop(ds)),
                                List.of(expect("blog_author", JOIN, posts, authors), expect("blog_tag", BATCH_IN, posts, posts)),
                                List.of(fix("JOIN + IN", "BlogPages.doneRight", 2, () -> BlogPages.doneRight(ds)),
                                        fix("IN + IN", "FixedBlogPages.authorsAndTagsWithIn", 3,
                                                () -> FixedBlogPages.authorsAndTagsWithIn(ds)))),
                        new Side("Hibernate", version("HibernateBlogPages.authorsAndTagsInLoop", 1 + authors + posts,
                                blog::authorsAndTagsInLoop),
                                List.of(expect("blog_author", JOIN, authors, authors),
                                        expect("blog_post_tags", BATCH_IN, posts, posts)),
                                List.of(fix("JOIN + IN", "join fetch p.author + batch fetch size "
                                        + HibernateBlogPages.BATCH, 2, blog::doneRight)))),
                new DemoCase("Chain: employee -> city -> country",
                        "seed 2: select_related('city__country') joins; prefetch_related reads each shared city once",
                        new Side("plain JDBC", version("CompanyPages.cityAndCountryChain", 1 + 2 * employees,
                                () -> CompanyPages.cityAndCountryChain(ds)),
                                List.of(expect("city", BATCH_IN, employees, cities),
                                        expect("country", BATCH_IN, employees, countries)),
                                List.of(fix("JOIN", "FixedCompanyPages.chainWithJoins", 1,
                                                () -> FixedCompanyPages.chainWithJoins(ds)),
                                        fix("IN", "FixedCompanyPages.chainWithIn", 3, () -> FixedCompanyPages.chainWithIn(ds)))),
                        new Side("Hibernate", version("HibernateCompanyPages.cityAndCountryChain", 1 + cities + countries,
                                company::cityAndCountryChain),
                                List.of(expect("city", BATCH_IN, cities, cities), expect("country", BATCH_IN, countries, countries)),
                                List.of(fix("JOIN", "join fetch e.city c join fetch c.country", 1, company::chainWithJoinFetch),
                                        fix("IN", "batch fetch size " + HibernateBlogPages.BATCH, 3,
                                                company::chainWithBatchFetch)))),
                new DemoCase("Reverse foreign key: the employees of each department",
                        "seed 2: department.employees.all() in a loop; the cure is prefetch_related('employees')",
                        new Side("plain JDBC", version("CompanyPages.employeesPerDepartment", 1 + departments,
                                () -> CompanyPages.employeesPerDepartment(ds)),
                                List.of(expect("employee", BATCH_IN, departments, departments)),
                                List.of(fix("IN", "FixedCompanyPages.employeesPerDepartmentWithIn", 2,
                                        () -> FixedCompanyPages.employeesPerDepartmentWithIn(ds)))),
                        new Side("Hibernate", version("HibernateCompanyPages.employeesPerDepartment", 1 + departments,
                                company::employeesPerDepartment),
                                List.of(expect("employee", BATCH_IN, departments, departments)),
                                List.of(fix("IN", "batch fetch size " + HibernateBlogPages.BATCH, 2,
                                        company::employeesPerDepartmentWithBatchFetch)))),
                new DemoCase("Filter after prefetch: the python tags of each post",
                        "seed 1: post.tags.filter(name='python') ignores the prefetch; the cure is a Prefetch queryset",
                        new Side("plain JDBC", version("BlogPages.pythonTagsInLoop", 1 + posts,
                                () -> BlogPages.pythonTagsInLoop(ds)),
                                List.of(expect("blog_tag", BATCH_IN, posts, posts)),
                                List.of(fix("IN", "FixedBlogPages.pythonTagsWithIn (filter kept)", 2,
                                        () -> FixedBlogPages.pythonTagsWithIn(ds)))),
                        new Side("Hibernate", version("HibernateBlogPages.pythonTagsInLoop", 2 + posts,
                                blog::pythonTagsInLoop),
                                List.of(expect("blog_post", BATCH_IN, posts, posts)),
                                List.of(fix("IN", "one query: p in :posts and t.name = :name", 2, blog::pythonTagsWithIn),
                                        fix("IN", "filter the batch-fetched collection in memory", 2,
                                                blog::pythonTagsFilteredInMemory)))),
                new DemoCase("only()/defer(): a column left out, read back row by row",
                        "seed 2: Employee.objects.only(...) then employee.department_id reloads each row",
                        new Side("plain JDBC", version("CompanyPages.deferredDepartmentPerEmployee", 1 + employees,
                                () -> CompanyPages.deferredDepartmentPerEmployee(ds)),
                                List.of(expect("employee", JOIN, employees, employees)),
                                List.of(fix("JOIN", "FixedCompanyPages.departmentSelectedWithNames (column selected)", 1,
                                        () -> FixedCompanyPages.departmentSelectedWithNames(ds)))),
                        new Side("Hibernate", version("HibernateCompanyPages.deferredDepartmentPerEmployee", 1 + employees,
                                company::deferredDepartmentPerEmployee),
                                List.of(expect("employee", JOIN, employees, employees)),
                                List.of(fix("JOIN", "select e.id, e.name, e.department.id (column selected)", 1,
                                        company::departmentSelectedWithNames))))));
        cases.addAll(kindCases(ds, kinds));
        return cases;
    }

    /** The per-row habits beyond read loops: a write loop, an aggregate loop, an unused join. */
    static List<DemoCase> kindCases(DataSource ds, HibernateKindPages kinds) {
        int tags = KindPages.NEW_TAGS;
        int authors = SeedDatabase.AUTHORS;
        return List.of(
                new DemoCase("Write loop: one INSERT per new row",
                        "each row saved on its own (save() in a loop); the cure is one multi-row INSERT or a JDBC batch",
                        new Side("plain JDBC", version("KindPages.insertTagsOneByOne", tags + 1,
                                () -> KindDemoPages.insertTagsOneByOne(ds)),
                                List.of(expect(WRITE_LOOP, "blog_tag", MULTI_ROW_INSERT, tags, tags)),
                                List.of(fix("MULTI_ROW_INSERT", "KindDemoPages.insertTagsAtOnce", 2,
                                                () -> KindDemoPages.insertTagsAtOnce(ds)),
                                        fix("JDBC_BATCH", "KindDemoPages.insertTagsBatched", 2,
                                                () -> KindDemoPages.insertTagsBatched(ds)))),
                        new Side("Hibernate", version("HibernateKindPages.insertTagsOneByOne", tags + 1,
                                kinds::insertTagsOneByOne),
                                List.of(expect(WRITE_LOOP, "blog_tag", JDBC_BATCH, tags, tags)),
                                List.of(fix("JDBC_BATCH", "hibernate.jdbc.batch_size " + HibernateKindPages.JDBC_BATCH
                                        + " (session.setJdbcBatchSize)", 2, kinds::insertTagsBatched)))),
                new DemoCase("Aggregate loop: the number of posts of each author",
                        "post_set.count() per author (countBy... in a loop); the cure is one grouped query",
                        new Side("plain JDBC", version("KindPages.postCountPerAuthor", 1 + authors,
                                () -> KindDemoPages.postCountPerAuthor(ds)),
                                List.of(expect("blog_post", GROUP_BY, authors, authors)),
                                List.of(fix("GROUP_BY", "KindDemoPages.postCountsGrouped", 2,
                                        () -> KindDemoPages.postCountsGrouped(ds)))),
                        new Side("Hibernate", version("HibernateKindPages.postCountPerAuthor", 1 + authors,
                                kinds::postCountPerAuthor),
                                List.of(expect("blog_post", GROUP_BY, authors, authors)),
                                List.of(fix("GROUP_BY", "select p.author.id, count(p) ... group by p.author.id", 2,
                                        kinds::postCountsGrouped)))),
                new DemoCase("Unused join: a table joined into a titles query, never read",
                        "select_related() on a page that shows titles only, or a leftover join; the cure drops the join",
                        new Side("plain JDBC", version("KindPages.titlesWithUnreadAuthor", 3,
                                () -> KindDemoPages.titlesWithUnreadAuthor(ds)),
                                List.of(expect(UNUSED_JOIN, "blog_post", DROP_JOIN, 3, 3)),
                                List.of(fix("DROP_JOIN", "KindDemoPages.titlesWithoutJoin", 3,
                                        () -> KindDemoPages.titlesWithoutJoin(ds)))),
                        new Side("Hibernate", version("HibernateKindPages.titlesWithUnreadTags", 3,
                                kinds::titlesWithUnreadTags),
                                List.of(expect(UNUSED_JOIN, "blog_post", DROP_JOIN, 3, 3)),
                                List.of(fix("DROP_JOIN", "the query without left join p.tags", 3,
                                        kinds::titlesWithoutJoin)))));
    }

    /** Runs one case and records what went wrong; {@link #problems()} says what. */
    void runCase(int number, DemoCase demoCase) throws Exception {
        out.println();
        out.println(RULE);
        out.println(" " + number + ". " + demoCase.title());
        out.println("    " + demoCase.seed());
        out.println(RULE);
        int before = problems.size();
        Object jdbcPage = runSide(demoCase.jdbc(), null);
        if (demoCase.hibernate() != null) {
            runSide(demoCase.hibernate(), jdbcPage);
        }
        boolean ok = problems.size() == before;
        summary.row(demoCase.title(), statements(demoCase.jdbc()), statements(demoCase.hibernate()),
                ok ? "ok" : "PROBLEM");
    }

    /** What did not go as expected so far: missing or wrong reports, cures that still report or change the page. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private static String statements(Side side) {
        if (side == null) {
            return "-";
        }
        StringBuilder text = new StringBuilder().append(side.loop().statements()).append(" -> ");
        for (int i = 0; i < side.fixes().size(); i++) {
            text.append(i == 0 ? "" : " | ").append(side.fixes().get(i).statements());
        }
        return text.toString();
    }

    /** Runs one side of a case; returns the page the loop loaded. {@code samePageAs}: the other side's, or null. */
    private Object runSide(Side side, Object samePageAs) throws Exception {
        String label = "[" + side.style() + "]";
        out.println();
        out.println(" " + side.style() + ": " + side.loop().how());
        Run loop = run(side.loop());
        loops++;
        check(loop.report().statements() == side.loop().statements(), label + " " + side.loop().how() + " ran "
                + loop.report().statements() + " statements, expected " + side.loop().statements());
        if (samePageAs != null) {
            check(Objects.equals(samePageAs, loop.page()), label + " " + side.loop().how()
                    + " returned a different page than plain JDBC");
        }
        List<Finding> found = loop.report().findings();
        out.println("   N+1 version: " + loop.report().statements() + " statements; nplusone reports "
                + found.size() + (found.size() == 1 ? " finding" : " findings") + " (expected: "
                + String.join("; ", side.expected().stream().map(Expected::toString).toList()) + ")");
        out.println(indent(HumanReport.format(loop.report()), "   | "));
        for (Expected expected : side.expected()) {
            boolean present = found.stream().anyMatch(expected::matches);
            check(present, label + " " + side.loop().how() + ": missing " + expected);
        }
        check(found.size() == side.expected().size(), label + " " + side.loop().how() + ": " + found.size()
                + " findings, expected " + side.expected().size());
        findings += found.size();

        TextTable table = new TextTable("fixed with", "how", ">statements", "nplusone", "page");
        for (Version version : side.fixes()) {
            Run fixed = run(version);
            fixes++;
            boolean clean = fixed.report().findings().isEmpty();
            boolean count = fixed.report().statements() == version.statements();
            boolean same = Objects.equals(loop.page(), fixed.page());
            check(clean, label + " " + version.how() + " still reports: " + HumanReport.format(fixed.report()));
            check(count, label + " " + version.how() + " ran " + fixed.report().statements() + " statements, expected "
                    + version.statements());
            check(same, label + " " + version.how() + " returned a different page than the loop");
            table.row(version.strategy(), version.how(), fixed.report().statements() + (count ? "" : " (!)"),
                    clean ? "clean" : fixed.report().findings().size() + " findings (!)",
                    same ? "same as the loop's" : "DIFFERENT (!)");
        }
        out.print(table.render("   "));
        return loop.page();
    }

    private record Run(Object page, ScopeReport report) {
    }

    private static Run run(Version version) throws Exception {
        Scope scope = NPlusOne.scope(version.how());
        Object page;
        try (scope) {
            page = version.page().load();
        }
        return new Run(page, scope.report());
    }

    private void check(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }

    static String indent(String text, String prefix) {
        return prefix + text.strip().replace("\n", "\n" + prefix);
    }

    private void printSummary(SeedBenchmark.Result benchmark) {
        out.println();
        out.println(RULE);
        out.println(" Summary");
        out.println(RULE);
        out.println("   statements: the N+1 version -> each fixed version, in the order shown above");
        out.print(summary.render("   "));
        out.println();
        out.println("   " + loops + " N+1 versions run: " + findings + " findings, each with the expected parent,"
                + " figures and strategy");
        out.println("   " + fixes + " fixed versions run: each clean, each returning the loop's page");
        out.println("   seed benchmark, " + SeedBenchmark.POSTS + " posts: " + benchmark.headline());
        out.println("   the same blog page per HTTP request: java -cp examples/target/nplusone-demo.jar"
                + " dev.nplusone.examples.web.WebDemo");
        out.println();
        if (problems.isEmpty()) {
            out.println(" RESULT: OK - every report the demo expects was there.");
        } else {
            out.println(" RESULT: " + problems.size() + " PROBLEM(S):");
            problems.forEach(problem -> out.println("   - " + problem));
        }
    }
}
