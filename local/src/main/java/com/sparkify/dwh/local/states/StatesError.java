package com.sparkify.dwh.local.states;

/** An error a state reports at run time: an Error Name and a Cause, as the States Language defines them. */
final class StatesError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final String cause;
    private volatile boolean logged;

    StatesError(String error, String cause) {
        super(error + (cause == null ? "" : ": " + cause), null, false, false);
        this.error = error;
        this.cause = cause;
    }

    String error() {
        return error;
    }

    String errorCause() {
        return cause;
    }

    /** Marks the error as already recorded in the history (e.g. as TaskTimedOut). */
    StatesError logged() {
        logged = true;
        return this;
    }

    boolean isLogged() {
        return logged;
    }
}
