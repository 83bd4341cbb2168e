package org.springframework.samples.petclinic.owner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.aop.framework.LookAlikeAopFrames;

/**
 * An application under a vendor's name, as Spring's sample applications are, whose loop reaches the database
 * through a deep stack of (look-alike) AOP, transaction, Spring Data, Hibernate and pool frames.
 */
public final class LookAlikeOwnerController {
    private LookAlikeOwnerController() {
    }

    public static int showOwners(DataSource dataSource, int owners, int frameworkFrames) throws SQLException {
        int found = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select a.id, a.name from blog_author a where a.id = ?")) {
            for (int id = 1; id <= owners; id++) {
                if (LookAlikeAopFrames.proceed(frameworkFrames, statement, id)) { // site:showOwners
                    found++;
                }
            }
        }
        return found;
    }
}
