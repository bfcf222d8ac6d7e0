package com.sparkify.dwh.sql;

/** A value that cannot be put into SQL safely, or has no value at all. */
public class UnsafeSqlValueException extends IllegalArgumentException {
    public UnsafeSqlValueException(String message) {
        super(message);
    }
}
