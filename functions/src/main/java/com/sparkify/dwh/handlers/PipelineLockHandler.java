package com.sparkify.dwh.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.sparkify.dwh.pipeline.PipelineSteps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline lock, which makes overlapping executions run one after the other: "init" creates it if
 * missing, "acquire" takes it for the run (the statement's result says whether it did; the state
 * machine waits and asks again while another run holds it), "release" gives it back.
 */
public final class PipelineLockHandler extends JsonHandler<StepRequest, StatementSubmitted> {

    /** A lock taken longer ago than this belongs to a run that died: the next run may take it over. */
    static final Duration STALE_AFTER = Duration.ofHours(12);

    private static final Logger LOG = LoggerFactory.getLogger(PipelineLockHandler.class);

    private final PipelineSteps steps;
    private final Clock clock;

    public PipelineLockHandler() {
        this(LambdaEnvironment.steps(), LambdaEnvironment.metrics());
    }

    public PipelineLockHandler(PipelineSteps steps, PipelineMetrics metrics) {
        this(steps, metrics, Clock.systemUTC());
    }

    PipelineLockHandler(PipelineSteps steps, PipelineMetrics metrics, Clock clock) {
        super(StepRequest.class, metrics);
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    protected StatementSubmitted handle(StepRequest request, Context context) {
        String runId = request.requireRun("PipelineLockHandler").runId();
        String action = request.action() == null ? "" : request.action();
        String token = ClientTokens.of(runId, "lock_" + action, request.attempt());
        String id = switch (action) {
            case "init" -> steps.initLock(token);
            case "acquire" -> {
                Instant now = clock.instant();
                yield steps.acquireLock(runId, now, now.minus(STALE_AFTER), token);
            }
            case "release" -> steps.releaseLock(runId, token);
            default -> throw new IllegalArgumentException("PipelineLockHandler: unknown action \"" + action
                    + "\"; expected init, acquire or release");
        };
        LOG.info("run {}: lock {} submitted as {}", runId, action, id);
        return new StatementSubmitted(id);
    }
}
