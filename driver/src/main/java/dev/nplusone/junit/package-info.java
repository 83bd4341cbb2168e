/**
 * JUnit 5 helpers: {@link dev.nplusone.junit.NoNPlusOne} fails a test on N+1 queries with the finding and its
 * fix, {@link dev.nplusone.junit.AllowNPlusOne} accepts an intended loop with a reason,
 * {@link dev.nplusone.junit.NPlusOneAssertions} counts statements and checks that they do not grow with the
 * data, and {@link dev.nplusone.junit.RecordedQueries} lets a test read what it ran. JUnit Jupiter is an optional
 * dependency of nplusone-driver: only these classes need it.
 */
package dev.nplusone.junit;
