package dev.nplusone.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.NPlusOne;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Failures;
import dev.nplusone.internal.OpenScope;
import dev.nplusone.internal.config.Config;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import org.junit.jupiter.api.Test;

class DetectorIsolationTest {
    @Test
    void a_shape_whose_verdict_fails_does_not_hide_the_scopes_other_findings() throws Exception {
        Failures.reset();
        OpenScope scope = OpenScope.open("isolation", "explicit", 0);
        try (scope; SeedDatabase database = SeedDatabase.create()) {
            BlogPages.authorsAndTagsInLoop(NPlusOne.wrap(database.raw()));
        }
        Detector.SuggestionMaker failingForTags = (group, parent, snapshot) -> {
            if (group.shape().sql().contains("blog_tag")) {
                throw new IllegalStateException("cannot suggest for this shape");
            }
            return null;
        };

        ScopeReport report = Detector.detect(scope.recorder().snapshot(), Config.DEFAULTS, failingForTags);

        assertEquals(1, report.findings().size());
        assertEquals(BlogPages.AUTHOR_SQL, report.findings().get(0).sql());
        assertEquals(1, Failures.count("detection of one shape"));
        Failures.reset();
    }
}
