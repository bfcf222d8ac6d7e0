package com.sparkify.dwh.local.states;

/** Thrown by a {@link TaskInvoker} to fail the task with an error name and a cause. */
public class TaskFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final String cause;

    public TaskFailedException(String error, String cause) {
        super(error + (cause == null ? "" : ": " + cause));
        this.error = error == null ? "States.TaskFailed" : error;
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }
}
