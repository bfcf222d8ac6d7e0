package com.sparkify.dwh.warehouse;

/** An id the warehouse does not know (or no longer keeps: the Data API keeps statements 24 hours). */
public class StatementNotFoundException extends WarehouseException {
    public StatementNotFoundException(String message) {
        super(message);
    }

    public StatementNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
