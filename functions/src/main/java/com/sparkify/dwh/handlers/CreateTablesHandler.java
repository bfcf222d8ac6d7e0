package com.sparkify.dwh.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.sparkify.dwh.pipeline.PipelineSteps;
import com.sparkify.dwh.run.RunPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Create tables: submits create_tables.sql, after drop_tables.sql when the run asks for a reset. */
public final class CreateTablesHandler extends JsonHandler<StepRequest, StatementSubmitted> {

    private static final Logger LOG = LoggerFactory.getLogger(CreateTablesHandler.class);

    private final PipelineSteps steps;

    public CreateTablesHandler() {
        this(LambdaEnvironment.steps(), LambdaEnvironment.metrics());
    }

    public CreateTablesHandler(PipelineSteps steps, PipelineMetrics metrics) {
        super(StepRequest.class, metrics);
        this.steps = steps;
    }

    @Override
    protected StatementSubmitted handle(StepRequest request, Context context) {
        RunPlan run = request.requireRun("CreateTablesHandler");
        String id = steps.createTables(run.reset(),
                ClientTokens.of(run.runId(), run.reset() ? "reset_tables" : "create_tables", request.attempt()));
        LOG.info("run {}: create tables{} submitted as {}", run.runId(), run.reset() ? " (after dropping them)" : "", id);
        return new StatementSubmitted(id);
    }
}
