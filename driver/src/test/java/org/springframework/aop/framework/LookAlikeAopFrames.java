package org.springframework.aop.framework;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.springframework.transaction.interceptor.LookAlikeTransactionFrames;

/** Test look-alike of Spring AOP's proxy frames: one link of a deep framework stack. */
public final class LookAlikeAopFrames {
    private LookAlikeAopFrames() {
    }

    public static boolean proceed(int depth, PreparedStatement statement, int id) throws SQLException {
        return LookAlikeTransactionFrames.invokeWithinTransaction(depth - 1, statement, id);
    }
}
