package dev.nplusone.internal.scope;

/**
 * Which executions of one shape in one scope have their call site walked; the others are counted at the site
 * the last walk found. Walked always: the shape's first {@value #EXACT_EXECUTIONS} executions (a page's
 * loops, and every test's, are counted exactly whatever the database's speed), an execution that would take
 * the last site's group to the threshold (a verdict rests on a walk), and the execution after a walk that
 * found a new site (sites alternating in one loop are followed until two walks agree). Others are walked
 * within the scope's {@link WalkBudget}. Guarded by the scope's lock.
 */
final class CallSiteSampling {
    /**
     * Executions of a shape per scope that are always walked. Smaller would make short scopes on in-memory
     * databases cheaper (a scope of 50 lookups walks 50 times) but turn the exact counts that tests and
     * request-sized pages report into estimates.
     */
    static final int EXACT_EXECUTIONS = 64;

    private final WalkBudget budget;
    private int executions;
    private int walks;
    private CallSite lastWalked;
    private boolean siteChanged;

    CallSiteSampling(WalkBudget budget) {
        this.budget = budget;
    }

    /**
     * The call site of the shape's next execution, walked or estimated.
     *
     * @param lastSiteExecutions executions counted so far at {@link #lastWalked()}'s group
     */
    CallSite next(int threshold, int lastSiteExecutions) {
        executions++;
        boolean mustWalk = executions <= EXACT_EXECUTIONS || siteChanged || lastSiteExecutions + 1 == threshold;
        if (!mustWalk && !budget.allowsWalk()) {
            return lastWalked;
        }
        long started = System.nanoTime();
        CallSite site = CallSiteLocator.locate();
        budget.walked(System.nanoTime() - started, !mustWalk);
        walks++;
        siteChanged = lastWalked != null && site != lastWalked;
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
