package com.sparkify.dwh.local.states;

import java.util.HashSet;
import java.util.Set;

/**
 * Cancellation for a group of concurrently running branches or iterations (and, at the root, for the
 * execution). Cancelling a scope cancels its descendants and interrupts the threads registered with it,
 * so blocked sleeps, waits and task invocations stop.
 */
final class Scope {
    private final Scope parent;
    private final Set<Thread> threads = new HashSet<>();
    private volatile boolean cancelled;

    Scope(Scope parent) {
        this.parent = parent;
    }

    Scope child() {
        return new Scope(this);
    }

    boolean isCancelled() {
        return cancelled || (parent != null && parent.isCancelled());
    }

    void check() {
        if (isCancelled()) {
            throw new ExecutionAborted();
        }
    }

    void cancel() {
        cancelled = true;
        synchronized (threads) {
            threads.forEach(Thread::interrupt);
        }
    }

    void register(Thread thread) {
        synchronized (threads) {
            threads.add(thread);
            if (cancelled) {
                thread.interrupt();
            }
        }
    }

    /** Unregisters the thread and clears an interrupt that was meant for this scope's work. */
    void unregister(Thread thread) {
        synchronized (threads) {
            threads.remove(thread);
            if (thread == Thread.currentThread()) {
                Thread.interrupted();
            }
        }
    }
}
