package com.sparkify.dwh.local.states;

import java.time.Duration;

/** How the executor waits: Wait states and the intervals between retries. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Real sleeps, each multiplied by {@code factor}; 0 does not sleep at all. */
    static Sleeper scaled(double factor) {
        if (factor < 0 || Double.isNaN(factor) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be a finite number >= 0: " + factor);
        }
        return duration -> {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (factor == 0 || duration.isZero() || duration.isNegative()) {
                return;
            }
            long nanos = (long) Math.min(Long.MAX_VALUE / 2.0, duration.toNanos() * factor);
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
            }
        };
    }

    /** Real sleeps. */
    static Sleeper realTime() {
        return scaled(1.0);
    }
}
