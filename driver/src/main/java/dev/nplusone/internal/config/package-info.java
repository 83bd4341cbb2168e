/**
 * The configuration contract: {@code nplusone.*} system properties or agent arguments, read once into an
 * immutable {@link dev.nplusone.internal.config.Config}. A bad value is reported in one line naming the
 * property, and its default is used.
 */
package dev.nplusone.internal.config;
