package com.sparkify.dwh.local.cli;

import com.sparkify.dwh.local.states.Sleeper;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.sfn.SfnClient;

/** {@code ./sparkify aws watch}: follows a deployed execution to its end and reports it like a local run. */
@Command(name = "watch", description = "Follows an execution of the deployed state machine: prints its history"
        + " events as they arrive, then each step's rows, rejected rows and seconds, and the whole history."
        + " Exit code 0 when it succeeded, 1 (with the cause) when it failed, timed out or was aborted.")
public final class AwsWatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Mixin
    WatchOptions watchOptions;

    @Option(names = "--execution-arn", paramLabel = "ARN", required = true,
            description = "The execution to follow (what aws start prints).")
    String executionArn;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = watchOptions.problem();
        if (problem != null) {
            err.println("sparkify aws watch: " + problem);
            return 2;
        }
        SfnClient client;
        try {
            client = aws.client(executionArn);
        } catch (IllegalArgumentException noRegion) {
            err.println("sparkify aws watch: " + noRegion.getMessage());
            return 2;
        }
        try (SfnClient sfn = client) {
            return new ExecutionWatch("watch", watchOptions, Sleeper.realTime(), out, err).follow(sfn, executionArn);
        }
    }
}
