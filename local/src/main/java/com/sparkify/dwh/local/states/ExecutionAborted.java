package com.sparkify.dwh.local.states;

/** Thrown inside a branch or iteration that was stopped because a sibling failed or the execution ended. */
final class ExecutionAborted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExecutionAborted() {
        super("aborted", null, false, false);
    }
}
