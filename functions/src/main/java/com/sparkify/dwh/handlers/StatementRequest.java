package com.sparkify.dwh.handlers;

/** Names a submitted statement: to check its status, to cancel it, or to evaluate its result. */
public record StatementRequest(String statementId) {

    String requireId(String handler) {
        if (statementId == null || statementId.isBlank()) {
            throw new IllegalArgumentException(handler + " needs \"statementId\"");
        }
        return statementId;
    }
}
