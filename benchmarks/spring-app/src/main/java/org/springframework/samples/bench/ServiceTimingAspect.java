package org.springframework.samples.bench;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.stereotype.Component;

/**
 * An around advice on the services, as metrics and tracing add one: the service calls go through an AOP proxy
 * and its interceptor chain before the transaction's.
 */
@Aspect
@Component
public class ServiceTimingAspect {
    private volatile long slowestNanos;

    @Around("within(org.springframework.samples.bench..*) && @within(org.springframework.stereotype.Service)")
    public Object time(ProceedingJoinPoint call) throws Throwable {
        long start = System.nanoTime();
        try {
            return call.proceed();
        } finally {
            long elapsed = System.nanoTime() - start;
            if (elapsed > slowestNanos) {
                slowestNanos = elapsed;
            }
        }
    }

    public long slowestNanos() {
        return slowestNanos;
    }
}
