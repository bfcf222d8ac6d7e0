package com.sparkify.dwh.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failed statements the state machine runs again: conflicts between transactions, nothing else. */
class StatementErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "ERROR: 1023 Serializable isolation violation on table - 101441, transactions forming the cycle are: 2312, 2316",
        "statement 1 of 2: TransactionContext Error: Conflict on update!",
        "TransactionContext Error: Failed to commit: PRIMARY KEY or UNIQUE constraint violation: duplicate key \"etl\"",
        "TransactionContext Error: Catalog write-write conflict on alter with \"songplays\"",
        "ERROR: could not serialize access due to concurrent update",
    })
    void conflictsBetweenTransactionsAreTransient(String error) {
        assertThat(StatementErrors.isTransient(error)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "ERROR: relation \"staging_events\" does not exist",
        "Load into table 'staging_events' failed: more than MAXERROR 0 rows rejected",
        "Constraint Error: NOT NULL constraint failed: songplays.start_time",
        "ERROR: permission denied for relation users",
        "disk full on slice 3",
    })
    void everythingElseIsNot(String error) {
        assertThat(StatementErrors.isTransient(error)).isFalse();
    }
}
