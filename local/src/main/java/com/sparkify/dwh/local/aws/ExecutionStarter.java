package com.sparkify.dwh.local.aws;

import software.amazon.awssdk.services.sfn.SfnClient;

/** StartExecution of the deployed state machine with any input: a manual run, a backfill, a replayed event. */
public final class ExecutionStarter {

    private final SfnClient sfn;

    public ExecutionStarter(SfnClient sfn) {
        this.sfn = sfn;
    }

    /**
     * @param input the execution's input, sent exactly as given (already checked to be JSON)
     * @param name  the execution's name, or null to let Step Functions pick one
     * @return the new execution's ARN
     */
    public String start(String stateMachineArn, String input, String name) {
        return SfnCallException.call("StartExecution", () -> sfn.startExecution(request -> request
                .stateMachineArn(stateMachineArn).input(input).name(name))).executionArn();
    }
}
