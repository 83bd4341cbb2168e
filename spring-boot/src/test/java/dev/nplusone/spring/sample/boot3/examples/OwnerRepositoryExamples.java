package dev.nplusone.spring.sample.boot3.examples;

import dev.nplusone.spring.sample.any.examples.OwnerRepositoryChecks;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

@DataJpaTest
public class OwnerRepositoryExamples extends OwnerRepositoryChecks {
}
