package dev.nplusone;

/** What a statement does, read from its first keyword ({@code with} and {@code values} count as SELECT). */
public enum StatementType {
    SELECT, INSERT, UPDATE, DELETE, MERGE, CALL, OTHER;

    /** For the engine: the type a statement starting with {@code keyword} (lower case) has. */
    public static StatementType ofFirstKeyword(String keyword) {
        switch (keyword) {
            case "select":
            case "with":
            case "values":
            case "table":
                return SELECT;
            case "insert":
                return INSERT;
            case "update":
                return UPDATE;
            case "delete":
                return DELETE;
            case "merge":
            case "upsert":
                return MERGE;
            case "call":
            case "exec":
            case "execute":
                return CALL;
            default:
                return OTHER;
        }
    }
}
