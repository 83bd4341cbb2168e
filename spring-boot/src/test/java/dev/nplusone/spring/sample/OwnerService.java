package dev.nplusone.spring.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OwnerService {
    private final OwnerRepository owners;

    public OwnerService(OwnerRepository owners) {
        this.owners = owners;
    }

    /** Each owner's pets loaded on their own: one statement for the owners, one per owner for the pets. */
    @Transactional(readOnly = true)
    public Map<String, List<String>> petsOfEveryOwner() {
        Map<String, List<String>> pets = new LinkedHashMap<>();
        for (Owner owner : owners.findAllByOrderById()) {
            pets.put(owner.getName(), owner.getPets().stream().map(Pet::getName).toList());
        }
        return pets;
    }

    /** The same loop on one of Spring's task executor threads. */
    @Async
    @Transactional(readOnly = true)
    public CompletableFuture<Map<String, List<String>>> petsOfEveryOwnerElsewhere() {
        return CompletableFuture.completedFuture(petsOfEveryOwner());
    }

    /** One statement, the pets joined in. */
    @Transactional(readOnly = true)
    public List<String> petsOf(long ownerId) {
        return owners.findWithPetsById(ownerId).map(owner -> owner.getPets().stream().map(Pet::getName).toList())
                .orElse(List.of());
    }
}
