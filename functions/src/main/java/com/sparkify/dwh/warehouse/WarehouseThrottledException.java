package com.sparkify.dwh.warehouse;

/**
 * A call the warehouse refused for now (throttling, too many active statements, a server error that
 * outlasted the client's own retries): the same call may succeed later, so callers retry with backoff.
 */
public class WarehouseThrottledException extends WarehouseException {
    public WarehouseThrottledException(String message, Throwable cause) {
        super(message, cause);
    }
}
