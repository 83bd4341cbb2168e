package org.springframework.samples.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application benchmarks/app-bench.sh measures with and without nplusone: a blog with two pages of the same
 * 50 posts and their authors, one loaded with its authors in one statement, one that loads each author lazily.
 *
 * <p>It lives under {@code org.springframework.samples} on purpose, as Spring's own sample applications do: a
 * call-site locator that took every {@code org.springframework.} frame for framework code would walk past all of
 * it down to Tomcat, which is what issue 19 saw in a real application.
 */
@SpringBootApplication
public class BenchApplication {

    public static void main(String[] args) {
        SpringApplication.run(BenchApplication.class, args);
    }
}
