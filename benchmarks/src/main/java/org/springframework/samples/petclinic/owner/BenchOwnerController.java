package org.springframework.samples.petclinic.owner;

import java.util.function.Supplier;
import org.springframework.transaction.interceptor.BenchTransactionFrames;

/**
 * Application code under a vendor's name (as Spring's sample applications are): the call site that the
 * framework frames above it must not hide.
 */
public final class BenchOwnerController {
    private BenchOwnerController() {
    }

    public static <T> T showOwner(int frameworkFrames, Supplier<T> top) {
        return BenchTransactionFrames.invoke(frameworkFrames, top);
    }
}
