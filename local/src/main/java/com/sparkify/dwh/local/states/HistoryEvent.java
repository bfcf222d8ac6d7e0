package com.sparkify.dwh.local.states;

import java.time.Instant;

/**
 * One event of an execution's history, named as Step Functions names them (ExecutionStarted,
 * TaskStateEntered, TaskScheduled, TaskFailed, MapIterationStarted, ...).
 *
 * @param stateName the state the event belongs to, null for execution events
 * @param details short human text: the Resource for TaskScheduled, error and cause for failures
 */
public record HistoryEvent(long id, Instant timestamp, String type, String stateName, String details) {
}
