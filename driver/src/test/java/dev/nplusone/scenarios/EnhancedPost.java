package dev.nplusone.scenarios;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.hibernate.engine.internal.LookAlikeSessionFrames;

/**
 * An entity as Hibernate's bytecode enhancement leaves it: its getter reads the lazy association through a
 * generated {@code $$_hibernate_read_...} method, which loads it.
 */
public final class EnhancedPost {
    private final PreparedStatement authorLookup;
    private final int authorId;

    public EnhancedPost(PreparedStatement authorLookup, int authorId) {
        this.authorLookup = authorLookup;
        this.authorId = authorId;
    }

    public boolean getAuthor() throws SQLException {
        return $$_hibernate_read_author(); // site:getAuthor
    }

    private boolean $$_hibernate_read_author() throws SQLException {
        return LookAlikeSessionFrames.load(1, authorLookup, authorId);
    }
}
