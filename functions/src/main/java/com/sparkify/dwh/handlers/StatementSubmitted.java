package com.sparkify.dwh.handlers;

/** A step's statement was submitted; the state machine polls it by this id. */
public record StatementSubmitted(String statementId) {
}
