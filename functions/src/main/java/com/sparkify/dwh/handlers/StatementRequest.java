package com.sparkify.dwh.handlers;

/**
 * Names a submitted statement: to check its status, to cancel it, or to evaluate its result.
 *
 * @param submittedAt when the state machine started waiting for it (ISO-8601), for its age; may be null
 */
public record StatementRequest(String statementId, String submittedAt) {

    String requireId(String handler) {
        if (statementId == null || statementId.isBlank()) {
            throw new IllegalArgumentException(handler + " needs \"statementId\"");
        }
        return statementId;
    }
}
