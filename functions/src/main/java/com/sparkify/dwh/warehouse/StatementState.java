package com.sparkify.dwh.warehouse;

/** The Data API's statement states. */
public enum StatementState {
    SUBMITTED, PICKED, STARTED, FINISHED, FAILED, ABORTED;

    /** True once the statement can no longer change state. */
    public boolean isDone() {
        return this == FINISHED || this == FAILED || this == ABORTED;
    }
}
