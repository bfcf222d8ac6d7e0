package com.sparkify.dwh.handlers;

import com.sparkify.dwh.run.RunPlan;

/**
 * The input of a step that submits SQL, as the state machine passes it.
 *
 * @param run      the Plan step's output
 * @param dataset  for a stage step: "songs" or "events"
 * @param table    for a load step: "users", "songs" (songs and artists), "songplays" or "time"
 * @param action   for the lock ("init", "acquire", "release") and the ledger ("read", "record")
 * @param attempt  when the state machine entered the submitting state ($$.State.EnteredTime)
 */
public record StepRequest(RunPlan run, String dataset, String table, String action, String attempt) {

    String runId() {
        return run == null ? null : run.runId();
    }

    RunPlan requireRun(String handler) {
        if (run == null) {
            throw new IllegalArgumentException(handler + " needs the run plan in \"run\"");
        }
        return run;
    }
}
