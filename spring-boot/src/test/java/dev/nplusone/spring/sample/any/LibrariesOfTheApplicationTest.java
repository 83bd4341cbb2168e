package dev.nplusone.spring.sample.any;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.ttddyy.dsproxy.QueryCount;
import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * An application that pins its own, older JSqlParser (4.9, as MyBatis-Plus and PageHelper bring) and datasource-proxy
 * (1.9), and uses both, next to nplusone-driver, which carries its own copies relocated: each side gets the version it
 * was built for, and nplusone watches the application's own datasource-proxy DataSource.
 */
class LibrariesOfTheApplicationTest {

    @Test
    void the_application_keeps_its_own_jsqlparser_and_datasource_proxy_and_nplusone_works_beside_them() throws Exception {
        assertTrue(CCJSqlParserUtil.class.getProtectionDomain().getCodeSource().getLocation().getPath()
                .endsWith("jsqlparser-4.9.jar"), "the application's JSqlParser is 4.9");
        PlainSelect select = (PlainSelect) CCJSqlParserUtil.parse("select name from owner where id = 1");
        assertEquals("owner", select.getFromItem().toString());

        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:libraries;DB_CLOSE_DELAY=-1");
        DataSource counted = ProxyDataSourceBuilder.create(h2).name("application").countQuery().build();
        DataSource watched = NPlusOne.wrap(counted);
        try (Connection connection = watched.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table owner(id int primary key, name varchar(20));"
                    + "create table pet(id int primary key, owner_id int, name varchar(20));"
                    + "insert into owner values (1, 'Betty'), (2, 'George'), (3, 'Eduardo');"
                    + "insert into pet values (1, 1, 'Leo'), (2, 2, 'Basil'), (3, 3, 'Rosy')");
        }
        QueryCountHolder.clear();

        Scope scope = NPlusOne.scope("pets of every owner");
        try (Connection connection = watched.getConnection()) {
            List<Integer> owners = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select id, name from owner order by id")) {
                while (rows.next()) {
                    owners.add(rows.getInt("id"));
                }
            }
            for (int owner : owners) {
                try (PreparedStatement pets = connection.prepareStatement("select name from pet where owner_id = ?")) {
                    pets.setInt(1, owner);
                    pets.executeQuery().close();
                }
            }
        }
        scope.close();

        QueryCount count = QueryCountHolder.get("application");
        assertEquals(4, count.getSelect(), "datasource-proxy 1.9 counted the application's selects");
        Finding finding = scope.report().findings().get(0);
        assertEquals(Finding.Kind.N_PLUS_ONE, finding.kind());
        assertEquals(Finding.Confidence.CONFIRMED, finding.confidence());
        assertEquals("select owner.id, owner.name, pet.name as pet_name from owner left join pet on pet.owner_id ="
                + " owner.id order by owner.id", finding.suggestion().sql(),
                "nplusone's own JSqlParser built the rewrite");
    }
}
