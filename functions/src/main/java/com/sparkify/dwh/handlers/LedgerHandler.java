package com.sparkify.dwh.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.sparkify.dwh.pipeline.PipelineSteps;
import com.sparkify.dwh.run.RunPlanner;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger of loaded objects: "read" queries what is already loaded (the Plan step reads the result),
 * "record" records the run's planned objects as loaded, once their rows are in the star schema.
 */
public final class LedgerHandler extends JsonHandler<StepRequest, StatementSubmitted> {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerHandler.class);

    private final PipelineSteps steps;
    private final RunPlanner planner;
    private final Clock clock;

    public LedgerHandler() {
        this(LambdaEnvironment.steps(), LambdaEnvironment.planner(), LambdaEnvironment.metrics());
    }

    public LedgerHandler(PipelineSteps steps, RunPlanner planner, PipelineMetrics metrics) {
        this(steps, planner, metrics, Clock.systemUTC());
    }

    LedgerHandler(PipelineSteps steps, RunPlanner planner, PipelineMetrics metrics, Clock clock) {
        super(StepRequest.class, metrics);
        this.steps = steps;
        this.planner = planner;
        this.clock = clock;
    }

    @Override
    protected StatementSubmitted handle(StepRequest request, Context context) {
        String runId = request.requireRun("LedgerHandler").runId();
        String action = request.action() == null ? "" : request.action();
        String token = ClientTokens.of(runId, "ledger_" + action, request.attempt());
        String id = switch (action) {
            case "read" -> steps.readLedger(token);
            case "record" -> steps.recordLedger(runId, planner.ledgerFile(runId), clock.instant(), token);
            default -> throw new IllegalArgumentException("LedgerHandler: unknown action \"" + action
                    + "\"; expected read or record");
        };
        LOG.info("run {}: ledger {} submitted as {}", runId, action, id);
        return new StatementSubmitted(id);
    }
}
