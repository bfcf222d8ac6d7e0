package com.sparkify.dwh.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.sparkify.dwh.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Cancel a statement that ran past the state machine's patience; it ends ABORTED. */
public final class CancelStatementHandler extends JsonHandler<StatementRequest, StatementSubmitted> {

    private static final Logger LOG = LoggerFactory.getLogger(CancelStatementHandler.class);

    private final Warehouse warehouse;

    public CancelStatementHandler() {
        this(LambdaEnvironment.warehouse(), LambdaEnvironment.metrics());
    }

    public CancelStatementHandler(Warehouse warehouse, PipelineMetrics metrics) {
        super(StatementRequest.class, metrics);
        this.warehouse = warehouse;
    }

    @Override
    protected StatementSubmitted handle(StatementRequest request, Context context) {
        String id = request.requireId("CancelStatementHandler");
        warehouse.cancelStatement(id);
        LOG.warn("statement {} ran too long and was cancelled", id);
        metrics().count("StatementsCancelled", 1);
        return new StatementSubmitted(id);
    }
}
