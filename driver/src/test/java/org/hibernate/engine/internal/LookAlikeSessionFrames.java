package org.hibernate.engine.internal;

import com.zaxxer.hikari.pool.LookAlikePoolFrames;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Test look-alike of Hibernate's session internals: one link of a deep framework stack. */
public final class LookAlikeSessionFrames {
    private LookAlikeSessionFrames() {
    }

    public static boolean load(int depth, PreparedStatement statement, int id) throws SQLException {
        return LookAlikePoolFrames.execute(depth - 1, statement, id);
    }
}
