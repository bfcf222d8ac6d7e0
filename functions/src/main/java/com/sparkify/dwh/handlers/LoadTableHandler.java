package com.sparkify.dwh.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.sparkify.dwh.pipeline.PipelineSteps;
import com.sparkify.dwh.pipeline.PipelineSteps.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Load one star-schema table from staging. */
public final class LoadTableHandler extends JsonHandler<StepRequest, StatementSubmitted> {

    private static final Logger LOG = LoggerFactory.getLogger(LoadTableHandler.class);

    private final PipelineSteps steps;

    public LoadTableHandler() {
        this(LambdaEnvironment.steps(), LambdaEnvironment.metrics());
    }

    public LoadTableHandler(PipelineSteps steps, PipelineMetrics metrics) {
        super(StepRequest.class, metrics);
        this.steps = steps;
    }

    @Override
    protected StatementSubmitted handle(StepRequest request, Context context) {
        Table table = Table.named(request.table());
        String id = steps.load(table, ClientTokens.of(request.runId(), "load_" + request.table(), request.attempt()));
        LOG.info("run {}: load {} submitted as {}", request.runId(), request.table(), id);
        return new StatementSubmitted(id);
    }
}
