package dev.nplusone.matrix;

import java.sql.SQLException;

/** The blog's pages by path, as text: what every kind of cell serves and prints. */
public final class Pages {
    public static final String N_PLUS_ONE = "/posts";
    public static final String CLEAN = "/posts/joined";

    private final Blog blog;
    private final ConnectionSource source;

    public Pages(Blog blog, ConnectionSource source) {
        this.blog = blog;
        this.source = source;
    }

    public String render(String path) {
        try {
            return switch (path) {
                case N_PLUS_ONE -> String.join("\n", blog.nPlusOnePage(source)) + "\n";
                case CLEAN -> String.join("\n", blog.cleanPage(source)) + "\n";
                default -> throw new IllegalArgumentException("no page at " + path);
            };
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
