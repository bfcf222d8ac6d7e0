package com.sparkify.dwh.store;

/** A read of a key that does not exist. */
public class ObjectNotFoundException extends RuntimeException {
    public ObjectNotFoundException(String message) {
        super(message);
    }
}
