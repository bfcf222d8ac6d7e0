package com.sparkify.dwh.pipeline;

import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.Warehouse;
import java.time.Duration;

/**
 * Polls a statement until it is done, with a backoff from {@code firstPoll} up to {@code maxPoll}. In
 * AWS the state machine's Wait/Choice loop does this instead; this is for the local runner and the CLI.
 * A statement still running after {@code timeout} is cancelled and reported as failed.
 */
public final class StatementWaiter {

    private final Warehouse warehouse;
    private final Duration firstPoll;
    private final Duration maxPoll;
    private final Duration timeout;

    public StatementWaiter(Warehouse warehouse, Duration firstPoll, Duration maxPoll, Duration timeout) {
        this.warehouse = warehouse;
        this.firstPoll = firstPoll;
        this.maxPoll = maxPoll;
        this.timeout = timeout;
    }

    /** The statement's final description, FINISHED; anything else is a {@link StatementFailedException}. */
    public StatementDescription awaitFinished(String id, String what) {
        StatementDescription description = await(id, what);
        switch (description.state()) {
            case FINISHED:
                return description;
            case ABORTED:
                throw new StatementFailedException(what, description, what + " was aborted"
                        + (description.error() == null ? "" : ": " + description.error()));
            default:
                throw new StatementFailedException(what, description, what + " failed: " + description.error());
        }
    }

    /** The statement's description once it is done, whatever its state. */
    public StatementDescription await(String id, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pollNanos = firstPoll.toNanos();
        while (true) {
            StatementDescription description = warehouse.describeStatement(id);
            if (description.state().isDone()) {
                return description;
            }
            if (System.nanoTime() > deadline) {
                warehouse.cancelStatement(id);
                StatementDescription cancelled = warehouse.describeStatement(id);
                throw new StatementFailedException(what, cancelled,
                        what + " did not finish within " + timeout.toSeconds() + " s and was cancelled");
            }
            sleep(pollNanos);
            pollNanos = Math.min(maxPoll.toNanos(), pollNanos * 2);
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a statement", e);
        }
    }
}
