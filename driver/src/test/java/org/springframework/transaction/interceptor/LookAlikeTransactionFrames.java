package org.springframework.transaction.interceptor;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.springframework.data.jpa.repository.support.LookAlikeRepositoryFrames;

/** Test look-alike of Spring's transaction interceptor frames: one link of a deep framework stack. */
public final class LookAlikeTransactionFrames {
    private LookAlikeTransactionFrames() {
    }

    public static boolean invokeWithinTransaction(int depth, PreparedStatement statement, int id) throws SQLException {
        return LookAlikeRepositoryFrames.findById(depth - 1, statement, id);
    }
}
