package dev.nplusone.internal.scope;

import dev.nplusone.internal.sql.BoundedCache;
import java.util.List;

/**
 * Tells application frames from framework frames, by class name: the {@link FrameworkFrames} table, or, when
 * {@code nplusone.applicationPackages} is set, those packages alone (every frame outside them is skipped).
 * Answers are cached per class name, so a walk pays one hash lookup per frame, not a scan of the table.
 */
final class FrameClassifier {
    /** What {@link #classify} returns for an application frame; framework frames give their bits (>= 0). */
    static final int APPLICATION = -1;

    private final List<String> applicationPackages;
    private final BoundedCache<String, Integer> byClassName = new BoundedCache<>(16_384);

    FrameClassifier(List<String> applicationPackages) {
        this.applicationPackages = applicationPackages;
    }

    List<String> applicationPackages() {
        return applicationPackages;
    }

    int classify(String className) {
        // Framework bits are small, so the boxed answers are the JDK's cached Integers: no allocation.
        return byClassName.get(className, this::classifyUncached);
    }

    private int classifyUncached(String className) {
        int frameworks = FrameworkFrames.classify(className);
        if (applicationPackages.isEmpty()) {
            return frameworks;
        }
        for (String applicationPackage : applicationPackages) {
            if (className.startsWith(applicationPackage)) {
                return APPLICATION;
            }
        }
        return Math.max(frameworks, 0);
    }
}
