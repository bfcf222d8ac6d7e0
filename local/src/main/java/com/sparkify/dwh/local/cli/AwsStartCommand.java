package com.sparkify.dwh.local.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.dwh.local.aws.ExecutionStarter;
import com.sparkify.dwh.local.aws.SfnCallException;
import com.sparkify.dwh.local.states.Sleeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.sfn.SfnClient;

/** {@code ./sparkify aws start}: StartExecution of the deployed state machine; prints the execution's ARN. */
@Command(name = "start", description = "Starts a run of the deployed state machine and prints its execution ARN"
        + " (alone on the first line, for scripts); with --watch, follows it to its end like aws watch.")
public final class AwsStartCommand implements Callable<Integer> {

    static final String DEFAULT_INPUT = "{\"mode\":\"full\"}";

    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Mixin
    WatchOptions watchOptions;

    // "${NAME}" is picocli's lookup of a system property, then an environment variable, of that name.
    @Option(names = "--state-machine-arn", paramLabel = "ARN", defaultValue = "${SPARKIFY_STATE_MACHINE_ARN}",
            description = "The deployed state machine (the stack's EtlStateMachineArn output)."
                    + " Default: $SPARKIFY_STATE_MACHINE_ARN.")
    String stateMachineArn;

    @Option(names = "--input", paramLabel = "FILE",
            description = "The execution's input, sent as written: a manual full/reset/backfill input or an"
                    + " events/ file. Default: " + DEFAULT_INPUT + ".")
    Path input;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The execution's name (unique per state machine for 90 days). Default: one Step Functions picks.")
    String name;

    @Option(names = "--watch", description = "Follow the execution to its end, as aws watch does.")
    boolean watch;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (stateMachineArn == null || stateMachineArn.isBlank()) {
            err.println("sparkify aws start: no state machine: give --state-machine-arn ARN or set"
                    + " SPARKIFY_STATE_MACHINE_ARN (the EtlStateMachineArn output of the deployed stack)");
            return 2;
        }
        String problem = watch ? watchOptions.problem() : null;
        String document = problem == null ? inputDocument() : null;
        if (problem != null || document == null) {
            if (problem != null) {
                err.println("sparkify aws start: " + problem);
            }
            return 2;
        }
        SfnClient client;
        try {
            client = aws.client(stateMachineArn);
        } catch (IllegalArgumentException noRegion) {
            err.println("sparkify aws start: " + noRegion.getMessage());
            return 2;
        }
        try (SfnClient sfn = client) {
            String executionArn = new ExecutionStarter(sfn).start(stateMachineArn, document, name);
            out.println(executionArn);
            out.flush();
            return watch ? new ExecutionWatch("start", watchOptions, Sleeper.realTime(), out, err)
                    .follow(sfn, executionArn) : 0;
        } catch (SfnCallException e) {
            err.println("sparkify aws start: " + e.getMessage());
            return 1;
        }
    }

    /** The input file exactly as written, once it is known to be JSON; null (and a message) if not. */
    private String inputDocument() {
        if (input == null) {
            return DEFAULT_INPUT;
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            String text = Files.readString(input, StandardCharsets.UTF_8);
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
            if (text.isBlank()) {
                err.println("sparkify aws start: --input " + input + " is empty");
                return null;
            }
            return text;
        } catch (IOException e) {
            err.println("sparkify aws start: --input " + input + " is not a readable JSON file: "
                    + SparkifyCli.oneLine(e));
            return null;
        }
    }
}
