package dev.nplusone.spring.sample.any.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.junit.NoNPlusOne;
import dev.nplusone.spring.sample.Owner;
import dev.nplusone.spring.sample.OwnerRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tests a user writes against the repository, checked by {@link NoNPlusOne}; a {@code @DataJpaTest} of each Boot
 * version extends them (the annotation moved package in Boot 4.0). The loop fails on purpose. Transactional here as
 * well: Spring reads the transaction of a test method from the class that declares it.
 */
@NoNPlusOne
@Transactional
public abstract class OwnerRepositoryChecks {
    @Autowired
    OwnerRepository owners;

    @Test
    void pets_of_every_owner_one_owner_at_a_time() {
        int pets = 0;
        for (Owner owner : owners.findAllByOrderById()) {
            pets += owner.getPets().size();
        }
        assertEquals(8, pets);
    }

    @Test
    void pets_of_one_owner_with_an_entity_graph() {
        assertEquals(2, owners.findWithPetsById(3L).orElseThrow().getPets().size());
    }
}
