/**
 * State every copy of nplusone in one JVM must share (the application's nplusone-driver and the agent's
 * relocated copy): JDK types only, never relocated, looked up through the system class loader.
 */
package dev.nplusone.internal.bootstrap;
