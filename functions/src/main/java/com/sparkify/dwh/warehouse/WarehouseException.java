package com.sparkify.dwh.warehouse;

/** A warehouse call that could not be made (not a statement that failed: that is a FAILED state). */
public class WarehouseException extends RuntimeException {
    public WarehouseException(String message) {
        super(message);
    }

    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
