package com.sparkify.dwh.local.states;

import java.time.Duration;

/**
 * What a Task invocation knows about where it runs.
 *
 * @param timeout the state's TimeoutSeconds (or TimeoutSecondsPath), null when none
 */
public record TaskContext(String executionName, String stateName, int retryCount, Duration timeout) {
}
