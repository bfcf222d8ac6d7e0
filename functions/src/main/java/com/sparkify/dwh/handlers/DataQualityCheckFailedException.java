package com.sparkify.dwh.handlers;

/** Data-quality checks found violating rows; the run fails with their names. */
public class DataQualityCheckFailedException extends RuntimeException {
    public DataQualityCheckFailedException(String message) {
        super(message);
    }
}
