package com.sparkify.dwh.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.sparkify.dwh.pipeline.PipelineSteps;
import com.sparkify.dwh.run.RunPlanner;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger of loaded objects: "read" queries what is already loaded (the Plan step reads the result),
 * "record" records the run's planned objects as loaded, once their rows are in the star schema.
 */
public final class LedgerHandler extends JsonHandler<StepRequest, StatementSubmitted> {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerHandler.class);

    private final PipelineSteps steps;
    /** Run id to the run's ledger file, which the Plan step wrote. */
    private final UnaryOperator<String> ledgerFile;
    private final Clock clock;

    public LedgerHandler() {
        // From the settings alone: this function never calls S3, so it builds no S3 client.
        this(LambdaEnvironment.steps(), LambdaEnvironment.ledgerFile(), LambdaEnvironment.metrics(),
                Clock.systemUTC());
    }

    public LedgerHandler(PipelineSteps steps, RunPlanner planner, PipelineMetrics metrics) {
        this(steps, planner, metrics, Clock.systemUTC());
    }

    LedgerHandler(PipelineSteps steps, RunPlanner planner, PipelineMetrics metrics, Clock clock) {
        this(steps, planner::ledgerFile, metrics, clock);
    }

    private LedgerHandler(PipelineSteps steps, UnaryOperator<String> ledgerFile, PipelineMetrics metrics,
                          Clock clock) {
        super(StepRequest.class, metrics);
        this.steps = steps;
        this.ledgerFile = ledgerFile;
        this.clock = clock;
    }

    @Override
    protected StatementSubmitted handle(StepRequest request, Context context) {
        String runId = request.requireRun("LedgerHandler").runId();
        String action = request.action() == null ? "" : request.action();
        String token = ClientTokens.of(runId, "ledger_" + action, request.attempt());
        String id = switch (action) {
            case "read" -> steps.readLedger(token);
            case "record" -> steps.recordLedger(runId, ledgerFile.apply(runId), clock.instant(), token);
            default -> throw new IllegalArgumentException("LedgerHandler: unknown action \"" + action
                    + "\"; expected read or record");
        };
        LOG.info("run {}: ledger {} submitted as {}", runId, action, id);
        return new StatementSubmitted(id);
    }
}
