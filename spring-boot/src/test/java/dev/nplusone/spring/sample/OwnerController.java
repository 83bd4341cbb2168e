package dev.nplusone.spring.sample;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OwnerController {
    private final OwnerService service;

    public OwnerController(OwnerService service) {
        this.service = service;
    }

    @GetMapping("/owners")
    public Map<String, List<String>> owners() {
        return service.petsOfEveryOwner();
    }

    @GetMapping("/owners/async")
    public Map<String, List<String>> ownersLoadedElsewhere() {
        return service.petsOfEveryOwnerElsewhere().join();
    }

    @GetMapping("/owners/{id}/pets")
    public List<String> pets(@PathVariable("id") long id) {
        return service.petsOf(id);
    }
}
