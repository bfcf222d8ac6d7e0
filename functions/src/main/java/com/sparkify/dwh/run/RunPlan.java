package com.sparkify.dwh.run;

/**
 * A planned run, the Plan step's output that every later step reads.
 *
 * @param trigger "schedule", "s3" or "manual"
 * @param reset   drop every table before creating them again (only when the input asked for it)
 */
public record RunPlan(String runId, String trigger, boolean reset, DatasetPlan songs, DatasetPlan events) {
}
