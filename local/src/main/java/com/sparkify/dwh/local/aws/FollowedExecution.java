package com.sparkify.dwh.local.aws;

import java.util.List;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * An execution followed until it stopped.
 *
 * @param description the last DescribeExecution: final status, error and cause, start and stop dates
 * @param history     every event of its history, in id order, each once
 */
public record FollowedExecution(DescribeExecutionResponse description, List<HistoryEvent> history) {

    public FollowedExecution {
        history = List.copyOf(history);
    }

    public boolean succeeded() {
        return description.status() == ExecutionStatus.SUCCEEDED;
    }
}
