package dev.nplusone.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RouteNamesTest {
    @Test
    void names_a_request_by_method_and_path_with_numeric_segments_collapsed() {
        assertEquals("GET /owners/{id}/pets/{id}", RouteNames.name("GET", null, "/owners/17/pets/3", ""));
    }

    @Test
    void prefers_the_route_pattern_the_framework_published() {
        assertEquals("POST /owners/{ownerId}", RouteNames.name("POST", "/owners/{ownerId}", "/petclinic/owners/17", "/petclinic"));
    }

    @Test
    void names_the_path_within_the_application_without_path_parameters() {
        assertEquals("GET /posts/{id}/edit", RouteNames.name("GET", null, "/blog/posts/12;jsessionid=AB12/edit", "/blog"));
        assertEquals("GET /", RouteNames.name("GET", "", "/blog", "/blog"));
    }

    @Test
    void keeps_segments_that_are_not_only_digits() {
        assertEquals("GET /v2/companies/acme/2024-01", RouteNames.name("GET", null, "/v2/companies/acme/2024-01", null));
    }
}
