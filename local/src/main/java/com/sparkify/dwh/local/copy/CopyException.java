package com.sparkify.dwh.local.copy;

/** A COPY that cannot run or that failed; the message says which object, line or option. */
public class CopyException extends RuntimeException {
    public CopyException(String message) {
        super(message);
    }

    public CopyException(String message, Throwable cause) {
        super(message, cause);
    }
}
