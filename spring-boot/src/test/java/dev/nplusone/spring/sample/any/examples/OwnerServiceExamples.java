package dev.nplusone.spring.sample.any.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.junit.NoNPlusOne;
import dev.nplusone.spring.sample.OwnerService;
import dev.nplusone.spring.sample.SampleApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A {@code @SpringBootTest} checked by {@link NoNPlusOne}, with the starter on the class path and no URL change. */
@SpringBootTest(classes = SampleApplication.class)
@NoNPlusOne
public class OwnerServiceExamples {
    @Autowired
    OwnerService service;

    @Test
    void pets_of_every_owner() {
        assertEquals(5, service.petsOfEveryOwner().size());
    }

    /** On a task executor's thread: the starter's task decorator carries the test's scope there. */
    @Test
    void pets_of_every_owner_on_another_thread() {
        assertEquals(5, service.petsOfEveryOwnerElsewhere().join().size());
    }

    @Test
    void pets_of_one_owner() {
        assertEquals(3, service.petsOf(5).size());
    }
}
