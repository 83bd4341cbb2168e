package dev.nplusone.spring.sample;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OwnerRepository extends JpaRepository<Owner, Long> {

    List<Owner> findAllByOrderById();

    @EntityGraph(attributePaths = "pets")
    Optional<Owner> findWithPetsById(Long id);
}
