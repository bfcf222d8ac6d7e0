package com.sparkify.dwh.warehouse;

import java.util.List;
import java.util.Objects;

/**
 * A statement's state as DescribeStatement reports it.
 *
 * @param resultRows rows returned by a query, or rows affected by DML and loaded by COPY; -1 when the
 *                   statement reports neither (DDL) or has not finished
 * @param subStatements for a batch, one description per statement in submission order; empty otherwise
 */
public record StatementDescription(
        String id,
        StatementState state,
        String error,
        long resultRows,
        boolean hasResultSet,
        long durationNanos,
        List<StatementDescription> subStatements) {

    public StatementDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        subStatements = List.copyOf(subStatements);
    }

    /** The sub-statement at a 1-based position, as the Data API numbers them. */
    public StatementDescription subStatement(int position) {
        if (position < 1 || position > subStatements.size()) {
            throw new IllegalArgumentException("statement " + id + " has no sub-statement " + position
                    + " (it has " + subStatements.size() + ")");
        }
        return subStatements.get(position - 1);
    }
}
