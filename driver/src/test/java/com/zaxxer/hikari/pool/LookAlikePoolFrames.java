package com.zaxxer.hikari.pool;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.aop.framework.LookAlikeAopFrames;

/**
 * Test look-alike of HikariCP's statement proxy: the last link of a deep framework stack, which runs the
 * lookup once the stack is {@code depth} frames deep.
 */
public final class LookAlikePoolFrames {
    private LookAlikePoolFrames() {
    }

    public static boolean execute(int depth, PreparedStatement statement, int id) throws SQLException {
        if (depth > 0) {
            return LookAlikeAopFrames.proceed(depth - 1, statement, id);
        }
        statement.setInt(1, id);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next();
        }
    }
}
