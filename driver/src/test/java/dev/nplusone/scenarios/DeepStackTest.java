package dev.nplusone.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import javax.sql.DataSource;
import org.apache.catalina.core.LookAlikeFilterChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.samples.petclinic.owner.LookAlikeOwnerController;

/**
 * Call sites in stacks as deep as real applications': 100 to 250 frames of (look-alike) Tomcat, Spring AOP,
 * transactions, Spring Data, Hibernate and HikariCP around an application that lives under
 * {@code org.springframework.samples}.
 */
class DeepStackTest {
    static final int OWNERS = 10;

    @RegisterExtension
    static final PerClassDatabase DATABASE = new PerClassDatabase();

    @ParameterizedTest(name = "{0} framework frames above the application, 60 below")
    @ValueSource(ints = {40, 120, 190})
    void the_call_site_is_the_application_frame_under_a_vendors_package_however_deep_the_framework_above_it(
            int frameworkFrames) throws Exception {
        Finding finding = loop(frameworkFrames);

        assertEquals(CallSites.of(LookAlikeOwnerController.class, "showOwners"), finding.callSite());
        assertEquals(OWNERS, finding.executions());
    }

    @Test
    void the_frameworks_between_the_application_and_jdbc_choose_the_fix_s_idiom() throws Exception {
        Finding finding = loop(120);

        assertNotNull(finding.suggestion(), finding::toString);
        String hint = finding.suggestion().frameworkHint();
        assertTrue(hint != null && hint.startsWith("Spring Data:"), () -> "hint: " + hint);
    }

    static Finding loop(int frameworkFrames) throws Exception {
        DataSource dataSource = NPlusOne.wrap(DATABASE.get().raw());
        Scope scope = NPlusOne.scope("GET /owners");
        try (scope) {
            LookAlikeFilterChain.doFilter(60,
                    () -> LookAlikeOwnerController.showOwners(dataSource, OWNERS, frameworkFrames));
        }
        ScopeReport report = scope.report();
        assertEquals(1, report.findings().size(), report::toString);
        return report.findings().get(0);
    }
}
