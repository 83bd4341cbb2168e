package org.springframework.data.jpa.repository.support;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.hibernate.engine.internal.LookAlikeSessionFrames;

/** Test look-alike of Spring Data's repository frames: one link of a deep framework stack. */
public final class LookAlikeRepositoryFrames {
    private LookAlikeRepositoryFrames() {
    }

    public static boolean findById(int depth, PreparedStatement statement, int id) throws SQLException {
        return LookAlikeSessionFrames.load(depth - 1, statement, id);
    }
}
