package dev.nplusone.spring.sample.any;

import dev.nplusone.spring.sample.any.examples.OwnerServiceExamples;
import org.junit.jupiter.api.Test;

class SpringBootTestWithNoNPlusOneTest {
    @Test
    void fails_the_test_whose_service_call_loops_and_passes_the_one_that_does_not() {
        ExampleClassRun run = ExampleClassRun.of(OwnerServiceExamples.class);

        run.assertFailsOnTheOwnersLoopOnly("pets_of_every_owner", "pets_of_one_owner");
    }

    @Test
    void sees_the_loop_an_async_method_runs_for_the_test() {
        ExampleClassRun run = ExampleClassRun.of(OwnerServiceExamples.class);

        run.assertFailsOnTheOwnersLoopOnly("pets_of_every_owner_on_another_thread", "pets_of_one_owner");
    }
}
