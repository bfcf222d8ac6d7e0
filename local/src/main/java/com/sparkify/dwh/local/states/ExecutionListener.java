package com.sparkify.dwh.local.states;

/**
 * Hears history events as they happen. Called from whichever thread produced the event (Parallel
 * and Map run branches concurrently), one call at a time, in id order: delivery holds the history's lock,
 * so a listener should be quick and must not wait for the execution. An exception it throws is ignored.
 */
@FunctionalInterface
public interface ExecutionListener {
    void onEvent(HistoryEvent event);

    ExecutionListener NONE = e -> { };
}
