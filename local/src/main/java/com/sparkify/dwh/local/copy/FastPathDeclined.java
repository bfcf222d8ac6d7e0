package com.sparkify.dwh.local.copy;

/**
 * The fast path of the local COPY met input only the Java path loads as Redshift does, after it had
 * started writing in the caller's transaction. The caller rolls back and runs the batch again with the
 * fast path off; nothing of the declined attempt remains.
 */
public final class FastPathDeclined extends RuntimeException {

    FastPathDeclined(String reason) {
        super("the fast path of the local COPY declined: " + reason, null, false, false);
    }
}
