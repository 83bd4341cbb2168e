/**
 * Stage 2, fingerprint: SQL text to its shape. Receives SQL strings from the jdbc stage; hands on a cached
 * {@link dev.nplusone.internal.sql.SqlCache.Statement} (the shape, its literal values, where its {@code ?}
 * are), computed once per distinct string by a single-pass lexer. The structure of a shape (tables, key
 * predicates, batch predicates) is read at most once, lazily, with JSqlParser when the detect stage asks for a
 * shape that repeated; JSqlParser never runs per execution.
 */
package dev.nplusone.internal.sql;
