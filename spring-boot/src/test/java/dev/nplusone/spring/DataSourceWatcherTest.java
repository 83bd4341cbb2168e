package dev.nplusone.spring;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.nplusone.NPlusOne;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DataSourceWatcherTest {
    private final DataSourceWatcher watcher = new DataSourceWatcher(false);

    @Test
    void wraps_a_data_source_bean_and_leaves_other_beans_alone() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        Object wrapped = watcher.postProcessAfterInitialization(h2, "dataSource");

        assertNotSame(h2, wrapped);
        assertTrue(((DataSource) wrapped).isWrapperFor(JdbcDataSource.class));
        String other = "not a data source";
        assertSame(other, watcher.postProcessAfterInitialization(other, "other"));
    }

    @Test
    void leaves_a_data_source_nplusone_already_wraps_as_it_is() {
        DataSource watched = NPlusOne.wrap(new JdbcDataSource());

        assertSame(watched, watcher.postProcessAfterInitialization(watched, "dataSource"));
    }

    @Test
    void leaves_a_pool_on_a_jdbc_nplusone_url_as_it_is() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:nplusone:h2:mem:watched-by-url");

            assertSame(pool, watcher.postProcessAfterInitialization(pool, "dataSource"));
        }
    }

    @Test
    void leaves_every_data_source_to_the_agent_when_it_runs() {
        JdbcDataSource h2 = new JdbcDataSource();

        assertSame(h2, new DataSourceWatcher(true).postProcessAfterInitialization(h2, "dataSource"));
    }
}
