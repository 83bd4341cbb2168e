package dev.nplusone.spring.sample.any;

import org.junit.jupiter.api.Test;

/**
 * {@code @DataJpaTest} and {@code @WebMvcTest} classes with {@code @NoNPlusOne}, the starter on the test class path and
 * the application's URL unchanged. Each Boot version names its own example classes: the slice annotations moved to
 * new modules and packages in Boot 4.0.
 */
public abstract class TestSlicesWithNoNPlusOne {
    private final Class<?> dataJpaTestExample;
    private final Class<?> webMvcTestExample;

    /**
     * @param dataJpaTestExample a {@code @DataJpaTest} extending
     *                           {@link dev.nplusone.spring.sample.any.examples.OwnerRepositoryChecks}
     * @param webMvcTestExample  a {@code @WebMvcTest} extending {@link dev.nplusone.spring.sample.any.examples.OwnerPageChecks}
     */
    protected TestSlicesWithNoNPlusOne(Class<?> dataJpaTestExample, Class<?> webMvcTestExample) {
        this.dataJpaTestExample = dataJpaTestExample;
        this.webMvcTestExample = webMvcTestExample;
    }

    @Test
    void data_jpa_test_fails_the_repository_loop_and_passes_the_entity_graph() {
        ExampleClassRun.of(dataJpaTestExample).assertFailsOnTheOwnersLoopOnly("pets_of_every_owner_one_owner_at_a_time",
                "pets_of_one_owner_with_an_entity_graph");
    }

    @Test
    void web_mvc_test_fails_the_page_that_loops_and_passes_the_page_that_joins() {
        ExampleClassRun.of(webMvcTestExample).assertFailsOnTheOwnersLoopOnly("owners_page", "pets_page");
    }
}
