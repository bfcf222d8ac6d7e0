package com.sparkify.dwh.handlers;

import java.util.List;
import java.util.Map;

/**
 * A statement's state for the state machine's Choice: {@code done} once it can no longer change,
 * {@code retryable} when it failed in a way that running it again may fix (a serialization conflict),
 * and, once FINISHED, the rows of its last result set (at most {@value CheckStatementHandler#MAX_ROWS}).
 *
 * @param error      never null when FAILED or ABORTED: the Fail state that reports it needs a string
 * @param ageSeconds seconds since the state machine started waiting for it (-1 when not given): the
 *                   state machine cancels a statement that runs too long by this, not by counting polls,
 *                   so its patience does not depend on how long each Wait lasts
 */
public record StatementStatus(String statementId, String status, boolean done, String error, boolean retryable,
                              long resultRows, List<Map<String, Object>> result, long ageSeconds) {
}
