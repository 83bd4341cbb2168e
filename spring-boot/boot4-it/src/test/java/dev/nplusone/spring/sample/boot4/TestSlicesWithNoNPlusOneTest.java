package dev.nplusone.spring.sample.boot4;

import dev.nplusone.spring.sample.any.TestSlicesWithNoNPlusOne;
import dev.nplusone.spring.sample.boot4.examples.OwnerPageExamples;
import dev.nplusone.spring.sample.boot4.examples.OwnerRepositoryExamples;

/** The test slices of Boot 4.0, on JUnit 6. */
class TestSlicesWithNoNPlusOneTest extends TestSlicesWithNoNPlusOne {
    TestSlicesWithNoNPlusOneTest() {
        super(OwnerRepositoryExamples.class, OwnerPageExamples.class);
    }
}
