package com.sparkify.dwh.local.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.sparkify.dwh.local.aws.SfnStub.PAGE_2_TOKEN;
import static com.sparkify.dwh.local.aws.SfnStub.SUCCEEDED_ARN;
import static com.sparkify.dwh.local.aws.SfnStub.call;
import static com.sparkify.dwh.local.aws.SfnStub.error;
import static com.sparkify.dwh.local.aws.SfnStub.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** The follower against the real SDK client and a stubbed Step Functions: paging, polling, errors. */
class ExecutionFollowerTest {

    private final SfnStub stub = new SfnStub();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<HistoryEvent> heard = new ArrayList<>();

    @AfterEach
    void stop() {
        stub.close();
    }

    private FollowedExecution follow(SfnClient sfn, String arn) throws InterruptedException {
        return new ExecutionFollower(sfn, sleeps::add, Duration.ofSeconds(5)).follow(arn, heard::add);
    }

    @Test
    void followsARunningExecutionPageByPageUntilItSucceeds() throws Exception {
        stub.stubSucceededRun();

        FollowedExecution execution;
        try (SfnClient sfn = stub.client(false)) {
            execution = follow(sfn, SUCCEEDED_ARN);
        }

        assertThat(execution.succeeded()).isTrue();
        assertThat(execution.description().name()).isEqualTo("backfill-2018-11-05");
        // Every event once, in order, though page 2 was read twice and grew in between.
        long[] ids = LongStream.rangeClosed(1, 344).toArray();
        assertThat(heard).extracting(HistoryEvent::id).containsExactly(LongStream.of(ids).boxed().toArray(Long[]::new));
        assertThat(execution.history()).isEqualTo(heard);
        assertThat(heard.get(heard.size() - 1).typeAsString()).isEqualTo("ExecutionSucceeded");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5)); // one poll while RUNNING
        assertThat(stub.requests("DescribeExecution")).hasSize(2);
        // Page 1 once; then the growing last page by its token, once per poll: never the whole history again.
        List<JsonNode> historyCalls = new ArrayList<>();
        for (var request : stub.requests("GetExecutionHistory")) {
            historyCalls.add(new ObjectMapper().readTree(request.getBodyAsString()));
        }
        assertThat(historyCalls).extracting(body -> body.path("nextToken").asText(null))
                .containsExactly(null, PAGE_2_TOKEN, PAGE_2_TOKEN);
        assertThat(historyCalls).allSatisfy(body -> {
            assertThat(body.path("executionArn").asText()).isEqualTo(SUCCEEDED_ARN);
            assertThat(body.path("maxResults").asInt()).isEqualTo(1000);
            assertThat(body.path("includeExecutionData").asBoolean()).isTrue();
        });
    }

    @Test
    void hearsEachEventAsSoonAsItsPageIsRead() throws Exception {
        stub.stubSucceededRun();
        List<Integer> heardWhenSleeping = new ArrayList<>();

        try (SfnClient sfn = stub.client(false)) {
            new ExecutionFollower(sfn, d -> heardWhenSleeping.add(heard.size()), Duration.ofMillis(10))
                    .follow(SUCCEEDED_ARN, heard::add);
        }

        assertThat(heardWhenSleeping).containsExactly(160); // page 1 and the 60 events page 2 held then
        assertThat(heard).hasSize(344);
    }

    @Test
    void startsAgainFromTheFirstPageWhenTheSavedTokenHasExpired() throws Exception {
        stub.stubSucceededRun();
        // The second read of page 2 finds its token expired: the follower reads from the start again.
        stub.stub(call("GetExecutionHistory").atPriority(1)
                .withRequestBody(matchingJsonPath("$.nextToken", equalTo(PAGE_2_TOKEN)))
                .inScenario("page 2").whenScenarioStateIs("complete")
                .willReturn(error(400, "error-invalid-token.json")).willSetStateTo("renewed"));
        stub.stub(call("GetExecutionHistory").atPriority(1)
                .withRequestBody(matchingJsonPath("$.nextToken", equalTo(PAGE_2_TOKEN)))
                .inScenario("page 2").whenScenarioStateIs("renewed")
                .willReturn(ok("succeeded-history-page-2.json")));

        try (SfnClient sfn = stub.client(false)) {
            follow(sfn, SUCCEEDED_ARN);
        }

        assertThat(heard).extracting(HistoryEvent::id).doesNotHaveDuplicates().hasSize(344);
        assertThat(stub.requests("GetExecutionHistory")).hasSize(5); // p1, p2, p2 (expired), p1, p2
    }

    @Test
    void anExecutionThatHasStoppedIsReadOnceWithoutWaiting() throws Exception {
        stub.stubStopped("failed-describe.json", "failed-history.json");

        FollowedExecution execution;
        try (SfnClient sfn = stub.client(false)) {
            execution = follow(sfn, SfnStub.FAILED_ARN);
        }

        assertThat(execution.succeeded()).isFalse();
        assertThat(execution.description().statusAsString()).isEqualTo("FAILED");
        assertThat(execution.description().error()).isEqualTo("com.sparkify.dwh.handlers.DataQualityCheckFailedException");
        assertThat(heard).hasSize(343);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aThrottledCallIsOneLineNamingTheOperationAfterTheSdkRetried() {
        stub.stub(call("DescribeExecution").willReturn(error(400, "error-throttling.json")));

        try (SfnClient sfn = stub.client(true)) {
            assertThatThrownBy(() -> follow(sfn, SUCCEEDED_ARN))
                    .isInstanceOf(SfnCallException.class)
                    .hasMessage("DescribeExecution: ThrottlingException: Rate exceeded");
        }
        assertThat(stub.requests("DescribeExecution")).hasSizeGreaterThan(1); // the SDK's own retries came first
    }

    @Test
    void aRejectedHistoryReadNamesItsOperation() {
        stub.stub(call("DescribeExecution").willReturn(ok("succeeded-describe-running.json")));
        stub.stub(call("GetExecutionHistory").willReturn(error(400, "error-validation.json")));

        try (SfnClient sfn = stub.client(false)) {
            assertThatThrownBy(() -> follow(sfn, SUCCEEDED_ARN))
                    .isInstanceOf(SfnCallException.class)
                    .hasMessageStartingWith("GetExecutionHistory: ValidationException: 1 validation error detected");
        }
    }
}
