package org.springframework.samples.bench;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An around advice on the services that logs slow calls, as metrics and tracing add one: every service call goes
 * through an AOP proxy and this interceptor before the transaction's, as in real applications.
 */
@Aspect
@Component
public class ServiceTimingAspect {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceTimingAspect.class);
    private static final long SLOW_NANOS = 1_000_000_000L;

    @Around("within(org.springframework.samples.bench..*) && @within(org.springframework.stereotype.Service)")
    public Object time(ProceedingJoinPoint call) throws Throwable {
        long start = System.nanoTime();
        try {
            return call.proceed();
        } finally {
            long elapsed = System.nanoTime() - start;
            if (elapsed > SLOW_NANOS) {
                LOG.warn("slow service call {}: {} ms", call.getSignature().toShortString(), elapsed / 1_000_000);
            }
        }
    }
}
