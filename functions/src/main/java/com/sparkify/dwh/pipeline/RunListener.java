package com.sparkify.dwh.pipeline;

/** Hears about a run's progress, to print it or log it. */
public interface RunListener {

    default void stepStarted(String step) {
    }

    default void stepFinished(StepReport report) {
    }

    RunListener NONE = new RunListener() {
    };
}
