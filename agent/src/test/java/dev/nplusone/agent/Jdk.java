package dev.nplusone.agent;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The JDKs the agent's test programs run on: the one running the build, and Temurin 25 where installed. */
enum Jdk {
    CURRENT(Path.of(System.getProperty("java.home"))),
    TEMURIN_25(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64"));

    private final Path home;

    Jdk(Path home) {
        this.home = home;
    }

    Path java() {
        return home.resolve("bin").resolve("java");
    }

    /** Skips the calling test when this JDK is not installed here. */
    void assumeInstalled() {
        assumeTrue(Files.isExecutable(java()), () -> name() + " is not installed at " + home);
    }
}
