package com.sparkify.dwh.local.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./sparkify aws}: the deployed pipeline, through the Step Functions API. Not runnable itself, so
 * picocli answers a bare {@code aws} with "Missing required subcommand" and the usage.
 */
@Command(name = "aws",
        description = "Operates the deployed pipeline (the stack's EtlStateMachine) with the Step Functions API:"
                + " start a run with any input, follow a run to its end. Credentials and region come from the"
                + " default AWS chain (AWS_PROFILE, AWS_REGION, ...).",
        subcommands = {AwsStartCommand.class, AwsWatchCommand.class})
public final class AwsCommand {

    // "help aws start" stops at "aws" (picocli's help command looks one level down): --help works at every level.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
