package dev.nplusone.internal.scope;

/**
 * Which executions of one shape in one scope have their call site walked; the others are counted at the site
 * the last walk found. Walked always: the shape's first execution in the scope (and every execution until a
 * walk succeeded), an execution that would take the last site's group to the threshold (a verdict rests on a
 * walk), and the execution after a walk that found a new site (sites alternating in one loop are followed
 * until two walks agree: periodic samples of such a loop would land on one site and count the other's
 * executions there, so exact counts are worth the walks). Others are walked
 * within the scope's {@link WalkBudget}: on a real database that is every execution, on an in-memory one a
 * few percent of the statements' time, and the counts say they are estimates. A test's scope walks every
 * execution: a failing test must name its loops exactly, and a test is not where microseconds per statement
 * matter. Guarded by the scope's lock.
 */
final class CallSiteSampling {
    private final WalkBudget budget;
    private final boolean walkEvery;
    private int executions;
    private int walks;
    private CallSite lastWalked;
    private boolean siteChanged;

    CallSiteSampling(WalkBudget budget, boolean walkEvery) {
        this.budget = budget;
        this.walkEvery = walkEvery;
    }

    /**
     * The call site of the shape's next execution, walked or estimated.
     *
     * @param lastSiteExecutions executions counted so far at {@link #lastWalked()}'s group
     */
    CallSite next(int threshold, int lastSiteExecutions) {
        executions++;
        boolean mustWalk = walkEvery || lastWalked == null || siteChanged || lastSiteExecutions + 1 == threshold;
        if (!mustWalk && !budget.allowsWalk()) {
            return lastWalked;
        }
        long started = System.nanoTime();
        CallSite site = CallSiteLocator.locate();
        budget.walked(System.nanoTime() - started, !mustWalk);
        walks++;
        siteChanged = lastWalked != null && !site.equals(lastWalked);
        lastWalked = site;
        return site;
    }

    CallSite lastWalked() {
        return lastWalked;
    }

    int walks() {
        return walks;
    }

    /** Per-site counts are estimates once any execution of the shape was counted without a walk. */
    boolean estimated() {
        return walks < executions;
    }

    void statementTook(long nanos) {
        budget.statementTook(nanos);
    }
}
