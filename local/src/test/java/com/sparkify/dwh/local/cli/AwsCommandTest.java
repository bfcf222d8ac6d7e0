package com.sparkify.dwh.local.cli;

import static com.sparkify.dwh.local.aws.SfnStub.ABORTED_ARN;
import static com.sparkify.dwh.local.aws.SfnStub.FAILED_ARN;
import static com.sparkify.dwh.local.aws.SfnStub.STATE_MACHINE_ARN;
import static com.sparkify.dwh.local.aws.SfnStub.SUCCEEDED_ARN;
import static com.sparkify.dwh.local.aws.SfnStub.call;
import static com.sparkify.dwh.local.aws.SfnStub.error;
import static com.sparkify.dwh.local.aws.SfnStub.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.dwh.local.aws.SfnStub;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** ./sparkify aws start|watch as a user drives them, against a stubbed Step Functions (the real SDK client). */
class AwsCommandTest {

    private static final String ENV = "SPARKIFY_STATE_MACHINE_ARN";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SfnStub stub = new SfnStub();

    @TempDir
    Path temp;

    record Result(int exitCode, String out, String err) {
    }

    /** The default credentials chain reads these system properties first: no AWS account needed. */
    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "secret");
    }

    @AfterAll
    static void forgetCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @AfterEach
    void stop() {
        stub.close();
        System.clearProperty(ENV);
    }

    private Result aws(String... args) {
        List<String> all = new ArrayList<>(List.of("aws"));
        all.addAll(List.of(args));
        if (args.length > 0 && !args[0].startsWith("-")) {
            all.addAll(List.of("--region", "us-west-2", "--endpoint-url", stub.endpoint()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SparkifyCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private JsonNode startRequest() throws Exception {
        var requests = stub.requests("StartExecution");
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Content-Type")).startsWith("application/x-amz-json-1.0");
        return MAPPER.readTree(requests.get(0).getBodyAsString());
    }

    @Test
    void startSendsTheInputFileExactlyAndPrintsTheExecutionArn() throws Exception {
        stub.stub(call("StartExecution").willReturn(ok("start-execution.json")));
        // An events/ file as is: pretty-printed, with its own spacing and key order.
        Path input = temp.resolve("s3-object-created-log.json");
        Files.copy(Path.of("../events/s3-object-created-log.json"), input);

        Result result = aws("start", "--state-machine-arn", STATE_MACHINE_ARN, "--input", input.toString(),
                "--name", "replay-2018-11-12");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(SUCCEEDED_ARN + System.lineSeparator());
        JsonNode body = startRequest();
        assertThat(body.path("stateMachineArn").asText()).isEqualTo(STATE_MACHINE_ARN);
        assertThat(body.path("name").asText()).isEqualTo("replay-2018-11-12");
        assertThat(body.path("input").asText()).isEqualTo(Files.readString(input));
    }

    @Test
    void startWithoutInputRunsAFullLoadAndLetsStepFunctionsNameIt() throws Exception {
        stub.stub(call("StartExecution").willReturn(ok("start-execution.json")));

        Result result = aws("start", "--state-machine-arn", STATE_MACHINE_ARN);

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode body = startRequest();
        assertThat(body.path("input").asText()).isEqualTo("{\"mode\":\"full\"}");
        assertThat(body.has("name")).isFalse();
    }

    @Test
    void startTakesTheStateMachineFromSparkifyStateMachineArn() throws Exception {
        stub.stub(call("StartExecution").willReturn(ok("start-execution.json")));
        // picocli's ${SPARKIFY_STATE_MACHINE_ARN} reads a system property of that name before the environment.
        System.setProperty(ENV, STATE_MACHINE_ARN);

        Result result = aws("start", "--input", "../events/manual-backfill.json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode body = startRequest();
        assertThat(body.path("stateMachineArn").asText()).isEqualTo(STATE_MACHINE_ARN);
        assertThat(body.path("input").asText()).isEqualTo(Files.readString(Path.of("../events/manual-backfill.json")));
    }

    @Test
    void startWithoutAStateMachineSaysHowToGiveOne() {
        assumeTrue(System.getenv(ENV) == null, ENV + " is set in this environment");

        Result result = aws("start");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("sparkify aws start: no state machine: give --state-machine-arn ARN"
                + " or set SPARKIFY_STATE_MACHINE_ARN (the EtlStateMachineArn output of the deployed stack)");
        assertThat(stub.requests("StartExecution")).isEmpty();
    }

    @Test
    void startRefusesAnInputThatIsNotJsonBeforeCallingAnything() throws Exception {
        Path input = temp.resolve("broken.json");
        Files.writeString(input, "{\"mode\": \"full\"} trailing words");

        Result result = aws("start", "--state-machine-arn", STATE_MACHINE_ARN, "--input", input.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("sparkify aws start: --input " + input + " is not a readable JSON file");
        assertThat(result.err().strip()).doesNotContain("\n");
        assertThat(stub.requests("StartExecution")).isEmpty();
    }

    @Test
    void aValidationErrorFromStepFunctionsIsOneClearLine() {
        stub.stub(call("StartExecution").willReturn(error(400, "error-validation.json")));

        Result result = aws("start", "--state-machine-arn", STATE_MACHINE_ARN, "--name",
                "a-run-name-that-goes-on-and-on-and-on-far-past-the-eighty-characters-step-functions-allows");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).doesNotContain("\n").startsWith(
                "sparkify aws start: StartExecution: ValidationException: 1 validation error detected: Value"
                        + " 'a-run-name-that-goes-on")
                .endsWith("Member must have length less than or equal to 80");
        assertThat(stub.requests("StartExecution")).hasSize(1); // not worth retrying
    }

    @Test
    void throttlingThatOutlastsTheSdkRetriesIsOneClearLine() {
        stub.stub(call("StartExecution").willReturn(error(400, "error-throttling.json")));

        Result result = aws("start", "--state-machine-arn", STATE_MACHINE_ARN);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("sparkify aws start: StartExecution: ThrottlingException: Rate exceeded");
        assertThat(stub.requests("StartExecution").size()).isGreaterThan(1);
    }

    @Test
    void watchFollowsTheRunPageByPageAndPrintsTheStepsHistoryAndOutcome() {
        stub.stubSucceededRun();

        Result result = aws("watch", "--execution-arn", SUCCEEDED_ARN, "--poll-seconds", "0.01");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        String out = result.out();
        assertThat(out).startsWith("Following " + SUCCEEDED_ARN + " (polling every 0.01 s)");
        String live = out.substring(0, out.indexOf("Steps:"));
        assertThat(count(live, "^\\s+[0-9.]+\\s+TaskScheduled\\b")).isEqualTo(24); // each event once
        assertThat(live).containsPattern("0\\.000\\s+ExecutionStarted\\s+backfill-2018-11-05")
                .containsPattern("TaskScheduled\\s+Plan\\s+arn:aws:states:::lambda:invoke PlanRunFunction")
                .containsPattern("ExecutionSucceeded\\s*\\n");
        // The local run's table: figures from the Lambda payloads, seconds from the history's timestamps.
        assertThat(out).containsPattern("step\\s+rows\\s+rejected\\s+seconds")
                .containsPattern("create tables\\s+-\\s+-\\s+5\\.\\d\\d")
                .containsPattern("stage songs\\s+14896\\s+0\\s+15\\.\\d\\d")
                .containsPattern("stage events\\s+8056\\s+3\\s+10\\.\\d\\d")
                .containsPattern("load users\\s+97\\s+-\\s")
                .containsPattern("load songplays\\s+6820\\s+-\\s+10\\.\\d\\d")
                .containsPattern("check quality\\s+-\\s+-\\s");
        assertThat(out).contains("Execution history of backfill-2018-11-05 (344 events):")
                .containsPattern("Succeeded in \\d+\\.\\d\\d s\\.\\s*$");
    }

    @Test
    void startWithWatchFollowsTheExecutionItStarted() {
        stub.stub(call("StartExecution").willReturn(ok("start-execution.json")));
        stub.stubSucceededRun();

        Result result = aws("start", "--state-machine-arn", STATE_MACHINE_ARN, "--watch", "--poll-seconds", "0.01",
                "--history", "none");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith(SUCCEEDED_ARN + System.lineSeparator() + "Following " + SUCCEEDED_ARN)
                .contains("stage events", "Succeeded in").doesNotContain("Execution history of");
        assertThat(stub.requests("DescribeExecution")).hasSize(2);
    }

    @Test
    void aFailedExecutionExitsOneWithItsCauseInOneLine() {
        stub.stubStopped("failed-describe.json", "failed-history.json");

        Result result = aws("watch", "--execution-arn", FAILED_ARN, "--poll-seconds", "0.01");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("sparkify aws watch: execution manual-full-2026-11-27 FAILED:"
                + " com.sparkify.dwh.handlers.DataQualityCheckFailedException: data-quality checks failed:"
                + " songplays_missing_user");
        assertThat(result.out()).containsPattern("TaskFailed\\s+EvaluateQualityChecks\\s+com.sparkify.dwh.handlers"
                        + ".DataQualityCheckFailedException: data-quality checks failed: songplays_missing_user")
                .containsPattern("load time\\s+6813\\s")
                .contains("Execution history of manual-full-2026-11-27 (343 events):")
                .doesNotContain("Succeeded in");
    }

    @Test
    void anAbortedExecutionTakesItsCauseFromTheHistory() {
        stub.stubStopped("aborted-describe.json", "aborted-history.json");

        Result result = aws("watch", "--execution-arn", ABORTED_ARN);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("sparkify aws watch: execution wrong-input ABORTED: Operator.Stopped:"
                + " stopped from the console: reset was not meant for production");
    }

    @Test
    void losingTheHistoryMidWatchSaysTheExecutionGoesOn() {
        stub.stub(call("DescribeExecution").willReturn(ok("succeeded-describe-running.json")));
        stub.stub(call("GetExecutionHistory").atPriority(5).willReturn(ok("succeeded-history-page-1.json")));
        stub.stub(call("GetExecutionHistory").atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(SfnStub.PAGE_2_TOKEN))
                .willReturn(error(400, "error-throttling.json")));

        Result result = aws("watch", "--execution-arn", SUCCEEDED_ARN);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("sparkify aws watch: GetExecutionHistory: ThrottlingException: Rate"
                + " exceeded (the execution goes on; follow it again with ./sparkify aws watch --execution-arn "
                + SUCCEEDED_ARN + ")");
        assertThat(count(result.out(), "^\\s+[0-9.]+\\s+\\w+")).isEqualTo(100); // page 1 was printed
    }

    @Test
    void watchNeedsAnExecutionArnAndSanePollSeconds() {
        Result missing = aws("watch");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--execution-arn=ARN'");

        Result zero = aws("watch", "--execution-arn", SUCCEEDED_ARN, "--poll-seconds", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err().strip()).isEqualTo("sparkify aws watch: --poll-seconds must be a positive number, not 0.0");
        assertThat(stub.requests("DescribeExecution")).isEmpty();
    }

    @Test
    void awsAloneAsksForASubcommandAndEachSubcommandHasHelp() {
        Result result = aws();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required subcommand").contains("start", "watch");
        Result help = aws("watch", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: sparkify aws watch").contains("--execution-arn=ARN", "--poll-seconds=N");
        assertThat(stub.requests("DescribeExecution")).isEmpty();
    }

    private static long count(String text, String regex) {
        return Pattern.compile(regex, Pattern.MULTILINE).matcher(text).results().count();
    }
}
