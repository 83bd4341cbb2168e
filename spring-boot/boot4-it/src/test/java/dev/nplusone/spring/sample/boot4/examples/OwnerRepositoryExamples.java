package dev.nplusone.spring.sample.boot4.examples;

import dev.nplusone.spring.sample.any.examples.OwnerRepositoryChecks;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

@DataJpaTest
public class OwnerRepositoryExamples extends OwnerRepositoryChecks {
}
