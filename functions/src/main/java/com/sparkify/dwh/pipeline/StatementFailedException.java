package com.sparkify.dwh.pipeline;

import com.sparkify.dwh.warehouse.StatementDescription;

/** A statement that ended FAILED or ABORTED, or ran past its timeout. */
public class StatementFailedException extends RuntimeException {

    private final String what;
    private final transient StatementDescription description;

    public StatementFailedException(String what, StatementDescription description, String message) {
        super(message);
        this.what = what;
        this.description = description;
    }

    public String what() {
        return what;
    }

    public StatementDescription description() {
        return description;
    }
}
