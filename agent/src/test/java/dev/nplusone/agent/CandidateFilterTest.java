package dev.nplusone.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CandidateFilterTest {
    static byte[] classFile(String className) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(className.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void passes_on_classes_that_declare_a_connection_or_request_method() throws IOException {
        assertTrue(CandidateFilter.isCandidate(classFile("org.h2.Driver")));
        assertTrue(CandidateFilter.isCandidate(classFile("com.zaxxer.hikari.HikariDataSource")));
        assertTrue(CandidateFilter.isCandidate(classFile("dev.nplusone.apps.WebProgram$HeaderFilter")));
    }

    @Test
    void spares_bytebuddy_the_classes_that_cannot() throws IOException {
        assertFalse(CandidateFilter.isCandidate(classFile("dev.nplusone.agent.Routes")));
        assertFalse(CandidateFilter.isCandidate(classFile("java.lang.String")));
    }
}
