package com.sparkify.dwh.pipeline;

import java.util.List;

/** A run that stopped: the step that failed, why, and what the steps before it did. */
public class PipelineFailedException extends RuntimeException {

    private final String step;
    private final List<StepReport> completed;

    public PipelineFailedException(String step, String cause, List<StepReport> completed, Throwable source) {
        super(step + " failed: " + cause, source);
        this.step = step;
        this.completed = List.copyOf(completed);
    }

    public String step() {
        return step;
    }

    public List<StepReport> completed() {
        return completed;
    }
}
