package dev.nplusone.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ser.LookAlikeBeanPropertyWriter;
import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.catalina.core.LookAlikeFilterChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lazy loading while a response is serialised, after the controller returned: the serialiser (a Jackson
 * look-alike) calls each entity's getter reflectively, and the enhanced getter loads the association. The
 * call site is the entity's getter, the last application frame that touched the association.
 */
class SerialisedEntityTest {
    @RegisterExtension
    static final PerClassDatabase DATABASE = new PerClassDatabase();

    @Test
    void a_lazy_association_loaded_while_serialising_entities_is_blamed_on_the_entity_getter() throws Exception {
        DataSource dataSource = NPlusOne.wrap(DATABASE.get().raw());
        Scope scope = NPlusOne.scope("GET /posts");
        try (scope; Connection connection = dataSource.getConnection();
             PreparedStatement authorLookup = connection.prepareStatement(TwoSitePage.AUTHOR_SQL)) {
            LookAlikeFilterChain.doFilter(30, () -> {
                for (int id = 1; id <= 10; id++) {
                    LookAlikeBeanPropertyWriter.serializeAsField(new EnhancedPost(authorLookup, id), "getAuthor");
                }
                return null;
            });
        }
        ScopeReport report = scope.report();

        Finding finding = report.findings().get(0);
        assertEquals(CallSites.of(EnhancedPost.class, "getAuthor"), finding.callSite());
        assertEquals(10, finding.executions());
        assertTrue(finding.suggestion().frameworkHint().startsWith("Hibernate/JPA:"), finding.suggestion()::toString);
    }

    @Test
    void a_lazy_proxy_serialised_with_no_application_frame_below_is_blamed_on_the_entity_getter_it_intercepted()
            throws Exception {
        DataSource dataSource = NPlusOne.wrap(DATABASE.get().raw());
        Scope scope = NPlusOne.scope("GET /authors");
        try (scope; Connection connection = dataSource.getConnection();
             PreparedStatement authorLookup = connection.prepareStatement(TwoSitePage.AUTHOR_SQL)) {
            List<ProxiedAuthor> authors = new ArrayList<>();
            for (int id = 1; id <= 10; id++) {
                authors.add(new ProxiedAuthor.HibernateProxy(authorLookup, id));
            }
            // a thread on which only framework code runs, as a response writer's after the controller returned
            Thread writer = new Thread(scope.wrap(LookAlikeBeanPropertyWriter.serializingAll(authors, "getName")));
            writer.start();
            writer.join();
        }
        ScopeReport report = scope.report();

        Finding finding = report.findings().get(0);
        assertEquals(ProxiedAuthor.class.getName() + ".getName(Unknown Source)", finding.callSite());
        assertEquals(10, finding.executions());
    }
}
