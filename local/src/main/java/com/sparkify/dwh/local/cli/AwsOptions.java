package com.sparkify.dwh.local.cli;

import com.sparkify.dwh.local.aws.SfnClients;
import java.net.URI;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Where {@code ./sparkify aws} finds Step Functions: options shared by its subcommands. */
final class AwsOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--region", paramLabel = "R",
            description = "AWS region. Default: the default chain (AWS_REGION, the profile), else the ARN's region.")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Call Step Functions at this URL instead of the region's endpoint (LocalStack, a stub).")
    URI endpoint;

    /** @throws IllegalArgumentException when no region can be found */
    SfnClient client(String arn) {
        return SfnClients.create(region, endpoint, arn);
    }
}
