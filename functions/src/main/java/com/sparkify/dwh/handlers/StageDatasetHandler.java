package com.sparkify.dwh.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.sparkify.dwh.pipeline.PipelineSteps;
import com.sparkify.dwh.pipeline.PipelineSteps.Dataset;
import com.sparkify.dwh.run.DatasetPlan;
import com.sparkify.dwh.run.RunPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stage one dataset: COPY the objects of the run's manifest into its staging table. */
public final class StageDatasetHandler extends JsonHandler<StepRequest, StatementSubmitted> {

    private static final Logger LOG = LoggerFactory.getLogger(StageDatasetHandler.class);

    private final PipelineSteps steps;

    public StageDatasetHandler() {
        this(LambdaEnvironment.steps(), LambdaEnvironment.metrics());
    }

    public StageDatasetHandler(PipelineSteps steps, PipelineMetrics metrics) {
        super(StepRequest.class, metrics);
        this.steps = steps;
    }

    @Override
    protected StatementSubmitted handle(StepRequest request, Context context) {
        RunPlan run = request.requireRun("StageDatasetHandler");
        Dataset dataset = Dataset.named(request.dataset());
        DatasetPlan plan = dataset == Dataset.SONGS ? run.songs() : run.events();
        String id = steps.stage(dataset, plan, ClientTokens.of(run.runId(), "stage_" + request.dataset(), request.attempt()));
        LOG.info("run {}: stage {} ({} objects) submitted as {}", run.runId(), request.dataset(), plan.objects(), id);
        return new StatementSubmitted(id);
    }
}
