package com.sparkify.dwh.local.e2e;

import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A warehouse that makes chosen batches fail inside the real database: it appends a statement that
 * raises {@code error} to the first {@code times} batches whose SQL contains {@code marker}, so the
 * batch's transaction really rolls back, as a failing statement's would.
 */
final class FaultInjectingWarehouse implements Warehouse {

    private final Warehouse delegate;
    private final String marker;
    private final String error;
    private final AtomicInteger remaining;
    private final AtomicInteger injected = new AtomicInteger();

    FaultInjectingWarehouse(Warehouse delegate, String marker, String error, int times) {
        this.delegate = delegate;
        this.marker = marker;
        this.error = error;
        this.remaining = new AtomicInteger(times);
    }

    int injected() {
        return injected.get();
    }

    @Override
    public String batchExecuteStatement(List<String> sqls, String clientToken) {
        if (sqls.stream().anyMatch(sql -> sql.contains(marker)) && remaining.getAndDecrement() > 0) {
            injected.incrementAndGet();
            List<String> failing = new ArrayList<>(sqls);
            failing.add("SELECT error('" + error.replace("'", "''") + "')");
            return delegate.batchExecuteStatement(failing, clientToken);
        }
        return delegate.batchExecuteStatement(sqls, clientToken);
    }

    @Override
    public String executeStatement(String sql) {
        return delegate.executeStatement(sql);
    }

    @Override
    public StatementDescription describeStatement(String id) {
        return delegate.describeStatement(id);
    }

    @Override
    public QueryResult getStatementResult(String id) {
        return delegate.getStatementResult(id);
    }

    @Override
    public void cancelStatement(String id) {
        delegate.cancelStatement(id);
    }
}
