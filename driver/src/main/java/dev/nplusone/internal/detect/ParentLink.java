package dev.nplusone.internal.detect;

import dev.nplusone.Finding;
import dev.nplusone.internal.scope.ResultSource;

/**
 * Where a loop's keys came from.
 *
 * @param confidence  CONFIRMED with a source, LIKELY when a multi-row result preceded the loop, else UNPARENTED
 * @param source      the parent shape and column, or null
 * @param keyPosition which of the child's key values (literals first, then binds by index) matched the source
 * @param matched     how many of the child's distinct logged keys the source produced before they were used
 * @param examined    how many distinct logged keys were examined
 */
public record ParentLink(Finding.Confidence confidence, ResultSource source, int keyPosition, int matched,
                         int examined) {
    static final ParentLink UNPARENTED = new ParentLink(Finding.Confidence.UNPARENTED, null, -1, 0, 0);

    public Finding.Parent parent() {
        return source == null ? null : new Finding.Parent(source.shape().sql(), source.column(), source.rows());
    }
}
