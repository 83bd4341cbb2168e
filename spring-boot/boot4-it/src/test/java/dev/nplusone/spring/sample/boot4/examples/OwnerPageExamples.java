package dev.nplusone.spring.sample.boot4.examples;

import dev.nplusone.spring.sample.OwnerController;
import dev.nplusone.spring.sample.OwnerService;
import dev.nplusone.spring.sample.any.examples.OwnerPageChecks;
import org.springframework.boot.data.jpa.test.autoconfigure.AutoConfigureDataJpa;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;

@WebMvcTest(OwnerController.class)
@AutoConfigureDataJpa
@AutoConfigureTestDatabase
@Import(OwnerService.class)
public class OwnerPageExamples extends OwnerPageChecks {
}
