package dev.nplusone.internal.suggest;

import dev.nplusone.internal.scope.Framework;
import java.util.List;

/** The idiomatic fix, in the words of the data-access framework seen on the call stack. */
final class FrameworkHints {
    private FrameworkHints() {
    }

    /**
     * Under Hibernate or Spring Data, lazy loading (a proxy or collection initialised by the loop) is cured with
     * a fetch plan on the parent's query; an explicit query or repository call per row, by one call for every key.
     */
    static String hint(int frameworks, boolean toOne, List<String> childTables) {
        String relation = childTables.isEmpty() ? "the association" : "the association to " + childTables.get(0);
        boolean orm = Framework.SPRING_DATA.in(frameworks) || Framework.HIBERNATE.in(frameworks);
        if (orm && !Framework.HIBERNATE_LAZY.in(frameworks)) {
            return explicitQueryHint(frameworks, toOne);
        }
        if (Framework.SPRING_DATA.in(frameworks)) {
            return toOne
                    ? "Spring Data: annotate the repository method with @EntityGraph(attributePaths = ...) naming "
                            + relation + ", or use a query with join fetch"
                    : "Spring Data: @EntityGraph on a collection multiplies rows; prefer @BatchSize(size = 100) on "
                            + relation + " or spring.jpa.properties.hibernate.default_batch_fetch_size=100";
        }
        if (Framework.HIBERNATE.in(frameworks)) {
            return toOne
                    ? "Hibernate/JPA: load " + relation + " with join fetch in the query (or an @EntityGraph);"
                            + " or set hibernate.default_batch_fetch_size (or @BatchSize) to batch it with IN"
                    : "Hibernate/JPA: @BatchSize(size = 100) on the collection or hibernate.default_batch_fetch_size=100"
                            + " loads it with IN; join fetch of a collection multiplies rows (and cannot page)";
        }
        if (Framework.JOOQ.in(frameworks)) {
            return toOne
                    ? "jOOQ: join the table into the query (or use an implicit join path)"
                    : "jOOQ: fetch the children with MULTISET, or one query with field.in(keys) grouped by key";
        }
        if (Framework.MYBATIS.in(frameworks)) {
            return toOne
                    ? "MyBatis: map " + relation + " with a nested <association> resultMap over a join, not a nested select"
                    : "MyBatis: load the children with one <foreach> IN query, or a <collection> resultMap over a join";
        }
        return null;
    }

    private static String explicitQueryHint(int frameworks, boolean toOne) {
        String parentFetch = toOne ? ", or join fetch it in the query that loaded the parents" : "";
        if (Framework.SPRING_DATA.in(frameworks)) {
            return "Spring Data: the loop calls a repository method per row (an explicit query, not lazy loading):"
                    + " call one method for every key (findAllById, or a findBy...In(Collection) / @Query with"
                    + " in :keys)" + parentFetch;
        }
        return "Hibernate/JPA: the loop runs a query per row (an explicit query, not lazy loading): run it once"
                + " for every key (where ... in :keys, or session.findMultiple / byMultipleIds for loads by id)"
                + parentFetch;
    }

    /** Where an ORM's unused join comes from. */
    static String unusedJoinHint(int frameworks, String table) {
        if (Framework.HIBERNATE.in(frameworks) || Framework.SPRING_DATA.in(frameworks)) {
            return "Hibernate/JPA: drop the join to " + table + " from the query (an explicit join nothing reads);"
                    + " where it comes from the mapping, the association is FetchType.EAGER (the default of to-one"
                    + " associations): make it LAZY, or drop it from the join fetch / @EntityGraph";
        }
        return null;
    }

    /** The idiomatic grouped query for a count or existence check per row. */
    static String aggregateHint(int frameworks) {
        if (Framework.SPRING_DATA.in(frameworks)) {
            return "Spring Data: a countBy.../existsBy... repository call per row is this loop: one @Query(\"select"
                    + " e.parent.id, count(e) from Entity e where e.parent.id in :ids group by e.parent.id\") for every"
                    + " key, missing keys meaning 0 (or a @Formula / an extra column on the parent's query)";
        }
        if (Framework.HIBERNATE.in(frameworks)) {
            return "Hibernate/JPA: one query \"select e.parent.id, count(e) from Entity e where e.parent.id in :ids"
                    + " group by e.parent.id\" for every key, missing keys meaning 0 (or @Formula on the parent)";
        }
        return null;
    }

    /**
     * The fix when the loop re-reads rows its parent already read (a projection or partial select, then each
     * row loaded again by id): there is no association to fetch, the first query must select more.
     */
    static String rereadHint(int frameworks) {
        if (Framework.SPRING_DATA.in(frameworks)) {
            return "Spring Data: the first query returned a projection without what the loop reads, and each row is"
                    + " loaded again by id: add the attribute to the projection, or query the entities";
        }
        if (Framework.HIBERNATE.in(frameworks)) {
            return "Hibernate/JPA: the first query selected some attributes, and each row is loaded again by id"
                    + " (find/getReference): select the missing attribute in the first query, or query the entities";
        }
        if (Framework.JOOQ.in(frameworks)) {
            return "jOOQ: select the column in the first query instead of fetching each record again";
        }
        if (Framework.MYBATIS.in(frameworks)) {
            return "MyBatis: map the column in the first statement's resultMap instead of a select per row";
        }
        return null;
    }
}
