package dev.nplusone.spring.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * An owners-and-pets application as users write them (Spring MVC, Spring Data JPA, HikariCP, H2), with one page
 * that loads every owner's pets one owner at a time, and pages that do not. Booted by the tests on Boot 3.5 and 4.0.
 */
@SpringBootApplication
@EnableAsync
public class SampleApplication {
}
