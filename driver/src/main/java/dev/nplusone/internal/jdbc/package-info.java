/**
 * Stage 1, jdbc: watched DataSources and connections. Receives the application's JDBC calls; hands each
 * statement execution (its SQL string, the hashes of its bound values, whether it was batched) to the
 * innermost scope on the thread, or to the connection's own scope, and then the rows and key-like values its
 * ResultSet returned. The JDBC objects are plain delegating classes behind datasource-proxy's
 * {@code JdbcProxyFactory}: no reflection, nothing allocated per getter or {@code next()}, and the driver's
 * results and exceptions reach the application unchanged.
 */
package dev.nplusone.internal.jdbc;
