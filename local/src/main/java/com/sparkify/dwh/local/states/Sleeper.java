package com.sparkify.dwh.local.states;

import java.time.Duration;

/** How the executor waits: Wait states and the intervals between retries. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** A nap of at most some nanoseconds: a plain sleep, or one that something may end sooner. */
    @FunctionalInterface
    interface Nap {
        void take(long nanos) throws InterruptedException;
    }

    /** Real sleeps, each multiplied by {@code factor}; 0 does not sleep at all. */
    static Sleeper scaled(double factor) {
        return scaled(factor, nanos -> Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L)));
    }

    /** Each sleep multiplied by {@code factor}, taken as {@code nap}, which may end it sooner. */
    static Sleeper scaled(double factor, Nap nap) {
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
                nap.take(nanos);
            }
        };
    }

    /** Real sleeps. */
    static Sleeper realTime() {
        return scaled(1.0);
    }
}
