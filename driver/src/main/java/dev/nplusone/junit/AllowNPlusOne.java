package dev.nplusone.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Accepts an N+1 finding in a {@link NoNPlusOne} test, saying why. A finding is allowed when it matches
 * {@link #sql()} and {@link #callSite()} (each, when set, a regular expression found anywhere in the
 * finding's fingerprint or call site, or else a plain substring of it; case is ignored):
 *
 * <pre>{@code
 * @AllowNPlusOne(sql = "from blog_author a where a.id = ?", reason = "admin page: 20 authors at most")
 * }</pre>
 *
 * <p>Entries that no longer match anything are reported so that they do not outlive the loop they excused:
 * on a test method, an entry that matches none of the test's findings fails the test; on a class, an entry
 * that none of the class's tests needed is published as a report entry and logged after the class's tests
 * (not failed, since running one test of the class alone would fail on it).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(AllowNPlusOne.List.class)
public @interface AllowNPlusOne {

    /** Matches the repeated statement's fingerprint, for example {@code from blog_author a where a.id = ?}. */
    String sql() default "";

    /** Matches the loop's call site, for example {@code PostService.render}. */
    String callSite() default "";

    /** Why this loop is acceptable: required, so that the next reader knows. */
    String reason();

    /** The container of repeated {@link AllowNPlusOne} annotations. */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {
        AllowNPlusOne[] value();
    }
}
