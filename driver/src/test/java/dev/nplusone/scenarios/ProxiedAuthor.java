package dev.nplusone.scenarios;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.hibernate.engine.internal.LookAlikeSessionFrames;

/** An entity whose lazy to-one reference is a Hibernate proxy: the proxy's getter loads the row. */
public class ProxiedAuthor {
    public boolean getName() throws SQLException {
        return false;
    }

    /** Its binary name, {@code ProxiedAuthor$HibernateProxy}, is the name Hibernate 6 gives its proxies. */
    public static final class HibernateProxy extends ProxiedAuthor {
        private final PreparedStatement lookup;
        private final int id;

        public HibernateProxy(PreparedStatement lookup, int id) {
            this.lookup = lookup;
            this.id = id;
        }

        @Override
        public boolean getName() throws SQLException {
            return LookAlikeSessionFrames.load(1, lookup, id);
        }
    }
}
