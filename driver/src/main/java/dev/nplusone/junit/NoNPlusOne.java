package dev.nplusone.junit;

import dev.nplusone.Finding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails a test whose body runs an N+1 query pattern, with the finding, its evidence and the rewrite that
 * removes it in the failure message:
 *
 * <pre>{@code
 * @NoNPlusOne
 * class PostPageTest {
 *     @Test
 *     void renders_the_posts_page() throws Exception {
 *         page.render(dataSource);   // dataSource watched: NPlusOne.wrap, a jdbc:nplusone: URL or the agent
 *     }
 * }
 * }</pre>
 *
 * <p>Each test method (including each invocation of a parameterized or repeated test) gets its own scope,
 * opened on the test's thread around the method body only: statements of {@code @BeforeEach} and
 * {@code @BeforeAll} fixtures are not blamed on the test, and statements run on other threads are not in it.
 * Tests running in parallel each see only their own statements.
 *
 * <p>Intended loops are accepted with {@link AllowNPlusOne}. A test method can receive {@link RecordedQueries}
 * to read what it ran.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(NPlusOneExtension.class)
public @interface NoNPlusOne {

    /**
     * Executions of one lookup from one call site that make a finding; at least 2. Default {@code 0}: the
     * nearest enclosing {@code @NoNPlusOne} that sets one, else the JUnit configuration parameter
     * {@value NPlusOneExtension#THRESHOLD_PARAMETER}, else the {@code nplusone.threshold} configuration (3).
     */
    int threshold() default 0;

    /**
     * The kinds of finding that fail the test; the others are only reported in the log. Default: N+1 queries and
     * write loops. {@code failOn = {N_PLUS_ONE, WRITE_LOOP, UNUSED_JOIN}} fails on unused joins too. The
     * nearest {@code @NoNPlusOne} (method, then class, then enclosing classes) decides.
     */
    Finding.Kind[] failOn() default {Finding.Kind.N_PLUS_ONE, Finding.Kind.WRITE_LOOP};

    /**
     * Fails the class when its {@code @NoNPlusOne} tests ran and nplusone saw no SQL statement in any of them (the
     * DataSource is not watched, so they checked nothing). Default {@code false}: a warning and a report entry.
     * The JUnit configuration parameter {@value NPlusOneExtension#REQUIRE_STATEMENTS_PARAMETER} sets it for all.
     */
    boolean requireStatements() default false;
}
