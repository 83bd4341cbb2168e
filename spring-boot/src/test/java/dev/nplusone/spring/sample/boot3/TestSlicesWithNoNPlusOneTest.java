package dev.nplusone.spring.sample.boot3;

import dev.nplusone.spring.sample.any.TestSlicesWithNoNPlusOne;
import dev.nplusone.spring.sample.boot3.examples.OwnerPageExamples;
import dev.nplusone.spring.sample.boot3.examples.OwnerRepositoryExamples;

/** The test slices of Boot 3.5. */
class TestSlicesWithNoNPlusOneTest extends TestSlicesWithNoNPlusOne {
    TestSlicesWithNoNPlusOneTest() {
        super(OwnerRepositoryExamples.class, OwnerPageExamples.class);
    }
}
