package com.sparkify.dwh.warehouse;

import java.util.List;
import java.util.Locale;

/** Tells a failed statement that may succeed when simply run again from one that will not. */
public final class StatementErrors {

    /**
     * Redshift's serializable isolation violation (error 1023) and DuckDB's transaction conflicts (two
     * transactions updated the same row, or committed the same new key): running the loser again once
     * the winner committed succeeds.
     */
    private static final List<String> TRANSIENT = List.of(
            "1023", "serializable isolation violation", "write-write conflict", "conflict on tuple",
            "could not serialize access", "conflict on update", "transactioncontext error: conflict",
            "transactioncontext error: failed to commit");

    private StatementErrors() {
    }

    public static boolean isTransient(String error) {
        if (error == null) {
            return false;
        }
        String lower = error.toLowerCase(Locale.ROOT);
        return TRANSIENT.stream().anyMatch(lower::contains);
    }
}
