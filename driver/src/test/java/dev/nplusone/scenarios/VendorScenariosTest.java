package dev.nplusone.scenarios;

import static dev.nplusone.scenarios.SuggestionProofTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What differs between databases: array binds (PostgreSQL, H2), backticks and {@code limit ?, ?} (MariaDB). */
class VendorScenariosTest {
    @RegisterExtension
    static final PerClassDatabase DATABASE = new PerClassDatabase();

    interface Work {
        void run(Connection connection) throws SQLException;
    }

    static ScopeReport inScope(EntryPoint entry, Work work) throws Exception {
        try (EntryPoint.Watched watched = entry.open(DATABASE.get()); Connection connection = watched.dataSource().getConnection()) {
            Scope scope = NPlusOne.scope("vendor");
            try (scope) {
                work.run(connection);
            }
            return scope.report();
        }
    }

    /** Loads authors in chunks of 4 keys bound as one array: Hibernate's batch fetching on PostgreSQL. */
    static List<Integer> authorsByArray(Connection connection, boolean typedArray) throws SQLException {
        List<Integer> found = new ArrayList<>();
        for (int from = 1; from <= SeedDatabase.AUTHORS; from += 4) {
            Integer[] keys = {from, from + 1, from + 2, from + 3};
            try (PreparedStatement statement = connection.prepareStatement(
                    "select a.id, a.name from blog_author a where a.id = any (?)")) {
                if (typedArray) {
                    Array array = connection.createArrayOf("integer", keys);
                    statement.setArray(1, array);
                } else {
                    statement.setObject(1, keys);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getInt(1));
                    }
                }
            }
        }
        return found;
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void array_batch_loads_are_never_n_plus_one(EntryPoint entry) throws Exception {
        assumeTrue(DATABASE.get().vendor() != SeedDatabase.Vendor.MARIADB, "MariaDB has no array parameters");

        for (boolean typedArray : new boolean[] {true, false}) {
            List<Integer> found = new ArrayList<>();
            ScopeReport report = inScope(entry, connection -> found.addAll(authorsByArray(connection, typedArray)));

            assertEquals(SeedDatabase.AUTHORS, found.size());
            assertEquals(5, report.statements());
            assertEquals(List.of(), report.findings());
        }
    }

    static final String BACKTICK_POSTS = "select `p`.`id`, `p`.`author_id` from `blog_post` `p` order by `p`.`id`";
    static final String BACKTICK_AUTHOR = "select `a`.`id`, `a`.`name` from `blog_author` `a` where `a`.`id` = ?";

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void backtick_quoted_names_survive_fingerprinting_and_the_join_runs_on_mariadb(EntryPoint entry) throws Exception {
        assumeTrue(DATABASE.get().vendor() == SeedDatabase.Vendor.MARIADB, "backticks quote names on MariaDB and MySQL");
        List<List<Object>> loop = new ArrayList<>();

        ScopeReport report = inScope(entry, connection -> {
            List<int[]> posts = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(BACKTICK_POSTS);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    posts.add(new int[] {rows.getInt(1), rows.getInt(2)});
                }
            }
            for (int[] post : posts) {
                try (PreparedStatement statement = connection.prepareStatement(BACKTICK_AUTHOR)) {
                    statement.setInt(1, post[1]);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        loop.add(List.of(post[0], post[1], rows.getInt(1), rows.getString(2)));
                    }
                }
            }
        });

        Finding finding = report.findings().get(0);
        assertEquals(BACKTICK_AUTHOR, finding.sql());
        assertEquals(BACKTICK_POSTS, finding.parent().sql());
        assertEquals(Finding.Strategy.JOIN, finding.suggestion().strategy());
        assertEquals("select `p`.`id`, `p`.`author_id`, `a`.`id` as a_id, `a`.`name` from `blog_post` `p`"
                + " left join `blog_author` `a` on `a`.`id` = `p`.`author_id` order by `p`.`id`", finding.suggestion().sql());
        assertEquals(loop, run(DATABASE.get().raw(), finding.suggestion().sql(), List.of()));
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void limit_offset_comma_count_paging_is_not_n_plus_one_on_mariadb(EntryPoint entry) throws Exception {
        assumeTrue(DATABASE.get().vendor() == SeedDatabase.Vendor.MARIADB, "limit ?, ? is MariaDB and MySQL syntax");

        ScopeReport report = inScope(entry, connection -> {
            for (int offset = 0; offset < SeedDatabase.POSTS; offset += 10) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "select p.id, p.title from blog_post p where p.author_id = ? order by p.id limit ?, ?")) {
                    statement.setInt(1, 3);
                    statement.setInt(2, offset);
                    statement.setInt(3, 10);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            rows.getInt(1);
                        }
                    }
                }
            }
        });

        assertEquals(5, report.statements());
        assertEquals(List.of(), report.findings());
    }

}
