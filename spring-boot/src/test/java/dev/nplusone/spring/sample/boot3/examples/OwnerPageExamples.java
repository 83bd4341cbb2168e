package dev.nplusone.spring.sample.boot3.examples;

import dev.nplusone.spring.sample.OwnerController;
import dev.nplusone.spring.sample.OwnerService;
import dev.nplusone.spring.sample.any.examples.OwnerPageChecks;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.AutoConfigureDataJpa;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;

@WebMvcTest(OwnerController.class)
@AutoConfigureDataJpa
@AutoConfigureTestDatabase
@Import(OwnerService.class)
public class OwnerPageExamples extends OwnerPageChecks {
}
