package dev.nplusone.spring.sample.any.examples;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.nplusone.junit.NoNPlusOne;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Tests a user writes against the pages with MockMvc, checked by {@link NoNPlusOne}: the request runs on the test's
 * thread, in the test's scope. A {@code @WebMvcTest} of each Boot version extends them. The loop fails on purpose.
 */
@NoNPlusOne
public abstract class OwnerPageChecks {
    @Autowired
    MockMvc mvc;

    @Test
    void owners_page() throws Exception {
        mvc.perform(get("/owners")).andExpect(status().isOk())
                .andExpect(content().json("{\"Eduardo\":[\"Rosy\",\"Jewel\"]}"));
    }

    @Test
    void pets_page() throws Exception {
        mvc.perform(get("/owners/5/pets")).andExpect(status().isOk())
                .andExpect(content().json("[\"George\",\"Samantha\",\"Max\"]"));
    }
}
