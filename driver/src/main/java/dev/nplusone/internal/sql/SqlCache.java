package dev.nplusone.internal.sql;

/**
 * The hot-path entry to the fingerprint stage: SQL string to its {@link Statement}, normalised once per
 * distinct string. ORMs reuse the same String instances, so a hit costs a hash lookup and an identity
 * comparison. Shapes are interned so that the structural analysis is shared by every string of a shape.
 */
public final class SqlCache {
    /** One statement's string ({@code sql}, as the application wrote it), with the facts the string alone gives. */
    public record Statement(Shape shape, long literalHash, long[] literalValues, int maxInListSize, int slots,
                            long literalSlots, String sql) {
        public boolean batched() {
            return maxInListSize > 1;
        }

        public boolean isLiteralSlot(int slot) {
            return slot < 64 && (literalSlots & (1L << slot)) != 0;
        }
    }

    private final BoundedCache<String, Statement> statements;
    private final BoundedCache<String, Shape> shapes;

    /**
     * Bounded by entries and by characters of SQL kept: {@code maxStatements} strings of at most
     * {@code maxChars} characters in all, and {@code maxShapes} shapes of half that.
     */
    public SqlCache(int maxStatements, int maxShapes, long maxChars) {
        this.statements = new BoundedCache<>(maxStatements, maxChars, String::length);
        this.shapes = new BoundedCache<>(maxShapes, maxChars / 2, String::length);
    }

    public Statement statement(String sql) {
        return statements.get(sql, this::normalize);
    }

    private Statement normalize(String sql) {
        NormalizedSql normalized = SqlNormalizer.normalize(sql);
        Shape shape = shapes.get(normalized.shape(), text -> new Shape(text, normalized.kind()));
        return new Statement(shape, normalized.literalHash(), normalized.literalValues(), normalized.maxInListSize(),
                normalized.slots(), normalized.literalSlots(), sql);
    }
}
