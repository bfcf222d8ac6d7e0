package com.sparkify.dwh.local.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Step Functions on a WireMock server (dynamic port): the awsJson 1.0 protocol, one POST to "/" per call
 * with the operation in X-Amz-Target, answered from the fixtures in src/test/resources/aws/.
 */
public final class SfnStub implements AutoCloseable {

    public static final String STATE_MACHINE_ARN =
            "arn:aws:states:us-west-2:123456789012:stateMachine:EtlStateMachine-Xq3LmZ8pT2aB";
    public static final String SUCCEEDED_ARN =
            "arn:aws:states:us-west-2:123456789012:execution:EtlStateMachine-Xq3LmZ8pT2aB:backfill-2018-11-05";
    public static final String FAILED_ARN =
            "arn:aws:states:us-west-2:123456789012:execution:EtlStateMachine-Xq3LmZ8pT2aB:manual-full-2026-11-27";
    public static final String ABORTED_ARN =
            "arn:aws:states:us-west-2:123456789012:execution:EtlStateMachine-Xq3LmZ8pT2aB:wrong-input";
    /** The nextToken of succeeded-history-page-1.json. */
    public static final String PAGE_2_TOKEN = "AAAAKgAAAAIAAAAAAAAAAdLuFVNRYl5x";

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

    public SfnStub() {
        server.start();
    }

    public String endpoint() {
        return "http://localhost:" + server.port();
    }

    /** The real client, as SfnClients builds it but with test credentials; {@code retries} false for one attempt. */
    public SfnClient client(boolean retries) {
        return SfnClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> {
                    if (!retries) {
                        o.retryStrategy(AwsRetryStrategy.doNotRetry());
                    }
                })
                .build();
    }

    public static MappingBuilder call(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions." + operation));
    }

    public static ResponseDefinitionBuilder ok(String fixture) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody(fixture(fixture));
    }

    public static ResponseDefinitionBuilder error(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody(fixture(fixture));
    }

    public void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    /**
     * The run that succeeds, as a poll-by-poll story: DescribeExecution says RUNNING once, then SUCCEEDED;
     * the history's first page ends with a nextToken; its second page holds 60 events the first time it
     * is read and all 244 after that, as the execution adds them.
     */
    public void stubSucceededRun() {
        stub(call("DescribeExecution").inScenario("status").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok("succeeded-describe-running.json")).willSetStateTo("finished"));
        stub(call("DescribeExecution").inScenario("status").whenScenarioStateIs("finished")
                .willReturn(ok("succeeded-describe.json")));
        stub(call("GetExecutionHistory").atPriority(5).willReturn(ok("succeeded-history-page-1.json")));
        stub(call("GetExecutionHistory").atPriority(1).withRequestBody(matchingJsonPath("$.nextToken", equalTo(PAGE_2_TOKEN)))
                .inScenario("page 2").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok("succeeded-history-page-2-running.json")).willSetStateTo("complete"));
        stub(call("GetExecutionHistory").atPriority(1).withRequestBody(matchingJsonPath("$.nextToken", equalTo(PAGE_2_TOKEN)))
                .inScenario("page 2").whenScenarioStateIs("complete")
                .willReturn(ok("succeeded-history-page-2.json")));
    }

    /** An execution that has already stopped: one describe, one page of history. */
    public void stubStopped(String describeFixture, String historyFixture) {
        stub(call("DescribeExecution").willReturn(ok(describeFixture)));
        stub(call("GetExecutionHistory").willReturn(ok(historyFixture)));
    }

    public List<LoggedRequest> requests(String operation) {
        return server.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSStepFunctions." + operation)));
    }

    public static String fixture(String name) {
        try (InputStream in = SfnStub.class.getResourceAsStream("/aws/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture aws/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
