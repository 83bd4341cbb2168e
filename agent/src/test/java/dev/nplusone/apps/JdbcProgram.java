package dev.nplusone.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.CompanyPages;
import dev.nplusone.scenarios.EntryPoint;
import dev.nplusone.scenarios.KindPages;
import dev.nplusone.scenarios.SeedDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An application that knows nothing about nplusone: it runs the seed scenarios' pages on plain JDBC, each
 * page on one connection. {@code JdbcProgram <driver-manager|hikari|datasource> page...}.
 */
public final class JdbcProgram {
    interface Page {
        void run(DataSource dataSource) throws Exception;
    }

    static final Map<String, Page> PAGES = Map.ofEntries(
            Map.entry("authorsInLoop", BlogPages::authorsInLoop),
            Map.entry("tagsInLoop", BlogPages::tagsInLoop),
            Map.entry("doneRight", BlogPages::doneRight),
            Map.entry("cityAndCountryChain", CompanyPages::cityAndCountryChain),
            // the kinds beyond read loops (issue 17); their writes are rolled back, so pages run in any order
            Map.entry("insertTagsOneByOne", KindPages::insertTagsOneByOne),
            Map.entry("insertTagsBatched", KindPages::insertTagsBatched),
            Map.entry("postCountPerAuthor", KindPages::postCountPerAuthor),
            Map.entry("titlesWithUnreadAuthor", KindPages::titlesWithUnreadAuthor),
            Map.entry("titlesMappedWhole", KindPages::titlesMappedWhole),
            Map.entry("archivePostsOfAuthor", KindPages::archivePostsOfAuthor));

    private JdbcProgram() {
    }

    public static void main(String[] args) throws Exception {
        Watchdog.exitAfterSeconds(60);
        SeedDatabase database = SeedDatabase.create();
        try (EntryPoint.Watched connectivity = open(args[0], database)) {
            for (String page : Arrays.copyOfRange(args, 1, args.length)) {
                PAGES.get(page).run(connectivity.dataSource());
            }
        }
    }

    /** How the application reaches the database; nothing here is watched until the agent makes it so. */
    static EntryPoint.Watched open(String connectivity, SeedDatabase database) {
        switch (connectivity) {
            case "driver-manager":
                return new EntryPoint.Watched(driverManager(database.url()), () -> { });
            case "datasource":
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL(database.url());
                h2.setUser(database.user());
                return new EntryPoint.Watched(h2, () -> { });
            case "hikari":
                HikariDataSource pool = hikari(database);
                return new EntryPoint.Watched(pool, pool::close);
            default:
                throw new IllegalArgumentException("unknown connectivity " + connectivity);
        }
    }

    /**
     * DriverManager in the shape the pages take. A JDK proxy, which the agent never instruments, so that
     * {@code Driver.connect} is the call it sees, as in an application that only uses DriverManager.
     */
    static DataSource driverManager(String url) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getName().equals("getConnection") && method.getParameterCount() == 0) {
                return DriverManager.getConnection(url, "sa", "");
            }
            throw new UnsupportedOperationException(method.getName());
        };
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                handler);
    }

    static HikariDataSource hikari(SeedDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername("sa");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }
}
