package com.sparkify.dwh.local.states;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The outcome of one execution.
 *
 * @param status SUCCEEDED or FAILED
 * @param output the execution's output when it succeeded, null when it failed
 * @param error the error name when it failed, else null
 * @param cause the cause when it failed (may be null), else null
 * @param history every event, ordered by id
 */
public record ExecutionResult(String status, JsonNode output, String error, String cause, List<HistoryEvent> history) {

    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    public ExecutionResult {
        history = List.copyOf(history);
    }

    public boolean succeeded() {
        return SUCCEEDED.equals(status);
    }
}
