package dev.nplusone.spring.sample.boot4;

import dev.nplusone.spring.sample.any.ExampleClassRun;
import dev.nplusone.spring.sample.boot4.examples.OwnerPageExamples;
import dev.nplusone.spring.sample.boot4.examples.OwnerRepositoryExamples;
import org.junit.jupiter.api.Test;

/** Boot 4.0's test slices (moved to new modules and packages), with the starter on the test class path. */
class TestSlicesWithNoNPlusOneTest {
    @Test
    void data_jpa_test_fails_the_repository_loop_and_passes_the_entity_graph() {
        ExampleClassRun.of(OwnerRepositoryExamples.class)
                .assertFailsOnTheOwnersLoopOnly("pets_of_every_owner_one_owner_at_a_time",
                        "pets_of_one_owner_with_an_entity_graph");
    }

    @Test
    void web_mvc_test_fails_the_page_that_loops_and_passes_the_page_that_joins() {
        ExampleClassRun.of(OwnerPageExamples.class).assertFailsOnTheOwnersLoopOnly("owners_page", "pets_page");
    }
}
