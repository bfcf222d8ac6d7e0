package com.sparkify.dwh.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.run.DatasetPlan;
import com.sparkify.dwh.run.RunPlan;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.StatementState;
import com.sparkify.dwh.warehouse.Warehouse;
import com.sparkify.dwh.warehouse.WarehouseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockito.InOrder;

@Timeout(30)
class PipelineRunnerTest {

    static final CopySettings COPY = new CopySettings(
            "arn:aws:iam::123456789012:role/sparkify-redshift",
            "us-west-2",
            "s3://udacity-dend/log_json_path.json",
            10);
    static final RunPlan PLAN = new RunPlan("run-1", "manual", false,
            new DatasetPlan("s3://work/manifests/run-1/songs.manifest", 71, 20_000),
            new DatasetPlan("s3://work/manifests/run-1/events.manifest", 30, 3_000_000));

    private static final List<String> ORDER = List.of(
            "create_tables", "stage_songs", "stage_events", "load_users", "load_songs", "load_artists",
            "load_songplays", "load_time", "check_quality", "table_counts");

    private final SqlCatalog catalog = SqlCatalog.fromClasspath();
    private final FakeWarehouse warehouse = new FakeWarehouse(catalog, COPY, PLAN);
    private final List<String> heard = new ArrayList<>();
    private final RunListener listener = new RunListener() {
        @Override
        public void stepStarted(String step) {
            heard.add("started " + step);
        }

        @Override
        public void stepFinished(StepReport report) {
            heard.add("finished " + report.name());
        }
    };

    private PipelineRunner runner(Warehouse on) {
        StatementWaiter waiter = new StatementWaiter(on, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(20));
        return new PipelineRunner(on, catalog, new PipelineSteps(on, catalog, COPY), waiter, listener);
    }

    private RunReport run() {
        return runner(warehouse).run(PLAN);
    }

    private PipelineFailedException runFailing() {
        return catchThrowableOfType(PipelineFailedException.class, this::run);
    }

    // ---- order and groups ----

    @Test
    void submitsTheStepsInTheDocumentedOrder() {
        run();
        assertThat(warehouse.submitted()).containsExactlyElementsOf(ORDER);
    }

    @Test
    void submitsEachGroupTogetherAndTheNextGroupOnlyOnceItIsFinished() {
        run();
        List<List<String>> groups = List.of(
                List.of("create_tables"),
                List.of("stage_songs", "stage_events"),
                List.of("load_users", "load_songs", "load_artists"),
                List.of("load_songplays"),
                List.of("load_time"),
                List.of("check_quality"),
                List.of("table_counts"));
        for (int g = 0; g < groups.size(); g++) {
            List<String> group = groups.get(g);
            int lastSubmit = group.stream().mapToInt(s -> warehouse.indexOf("submit " + s)).max().orElseThrow();
            int firstFinish = group.stream().mapToInt(s -> warehouse.indexOf("finished " + s)).min().orElseThrow();
            int lastFinish = group.stream().mapToInt(s -> warehouse.indexOf("finished " + s)).max().orElseThrow();
            assertThat(lastSubmit).as("%s submitted together, before any of them finishes", group).isLessThan(firstFinish);
            if (g + 1 < groups.size()) {
                for (String nextStep : groups.get(g + 1)) {
                    assertThat(warehouse.indexOf("submit " + nextStep))
                            .as("%s submitted after %s finished", nextStep, group).isGreaterThan(lastFinish);
                }
            }
        }
    }

    @Test
    void stagesSongsWithAutoIgnorecaseAndEventsWithTheConfiguredFormat() {
        // The fake recognises each script by its exact text, rendered with these values.
        run();
        List<String> events = catalog.render("stage_events", Map.of("manifest", PLAN.events().manifest(),
                "iam_role", COPY.iamRole(), "region", "us-west-2",
                "json_format", "s3://udacity-dend/log_json_path.json", "max_errors", 10));
        assertThat(events.get(1)).contains("FROM 's3://work/manifests/run-1/events.manifest'").contains("MANIFEST")
                .contains("FORMAT AS JSON 's3://udacity-dend/log_json_path.json'").contains("MAXERROR 10");
        assertThat(warehouse.submitted()).contains("stage_events", "stage_songs");
    }

    @Test
    void tellsTheListenerAboutEveryStep() {
        run();
        assertThat(heard).containsExactly(
                "started create tables",
                "finished create tables",
                "started stage songs", "started stage events", "finished stage songs", "finished stage events",
                "started load users", "started load songs", "started load artists",
                "finished load users", "finished load songs", "finished load artists",
                "started load songplays", "finished load songplays",
                "started load time", "finished load time",
                "started check quality", "finished check quality");
    }

    // ---- reports ----

    @Test
    void reportsRowsCopiedRejectedAndInserted() {
        RunReport report = run();
        assertThat(report.steps()).extracting(StepReport::name).containsExactly(
                "create tables", "stage songs", "stage events", "load users", "load songs", "load artists",
                "load songplays", "load time", "check quality");
        assertThat(report.step("create tables")).extracting(StepReport::rows, StepReport::rejected).containsExactly(-1L, -1L);
        assertThat(report.step("stage songs")).extracting(StepReport::rows, StepReport::rejected).containsExactly(71L, 0L);
        assertThat(report.step("stage events")).extracting(StepReport::rows, StepReport::rejected).containsExactly(8056L, 3L);
        assertThat(report.step("load users").rows()).isEqualTo(97);
        assertThat(report.step("load songs").rows()).isEqualTo(71);
        assertThat(report.step("load artists").rows()).isEqualTo(69);
        assertThat(report.step("load songplays").rows()).isEqualTo(6820);
        assertThat(report.step("load time").rows()).isEqualTo(6813);
        assertThat(report.step("load time").rejected()).isEqualTo(-1);
        assertThat(report.step("check quality").rows()).isZero();
        assertThat(report.steps()).allSatisfy(step -> assertThat(step.elapsed().isNegative()).isFalse());
        assertThat(report.elapsed()).isPositive();
    }

    @Test
    void readsCopyFiguresFromTheLastSubStatementOfTheStageBatch() {
        run();
        assertThat(warehouse.timeline).contains("result stage_songs:3", "result stage_events:3");
    }

    @Test
    void reportsTableCountsInTheirOrder() {
        RunReport report = run();
        assertThat(report.tableCounts()).containsExactly(
                Map.entry("staging_events", 8056L), Map.entry("songplays", 6820L), Map.entry("time", 6813L));
    }

    // ---- failures ----

    @Test
    void aFailedStatementStopsTheRunNamingTheStepAndTheWarehouseError() {
        String error = "ERROR: column \"title\" does not exist in staging_songs";
        warehouse.fail("load_songs", error);
        PipelineFailedException failure = runFailing();
        assertThat(failure).isNotNull();
        assertThat(failure.step()).isEqualTo("load songs");
        assertThat(failure.getMessage()).isEqualTo("load songs failed: " + error);
        assertThat(failure.getCause()).isInstanceOf(StatementFailedException.class);
        assertThat(((StatementFailedException) failure.getCause()).description().state()).isEqualTo(StatementState.FAILED);
    }

    @Test
    void noLaterStepIsSubmittedAfterAFailure() {
        warehouse.fail("load_songs", "boom");
        runFailing();
        // Its group was already submitted together; nothing after it is.
        assertThat(warehouse.submitted()).containsExactly(
                "create_tables", "stage_songs", "stage_events", "load_users", "load_songs", "load_artists");
    }

    @Test
    void theStepsThatFinishedAreInTheFailure() {
        warehouse.fail("load_songs", "boom");
        PipelineFailedException failure = runFailing();
        assertThat(failure.completed()).extracting(StepReport::name).containsExactly(
                "create tables", "stage songs", "stage events", "load users", "load artists");
        assertThat(heard).doesNotContain("finished load songs").doesNotContain("started load songplays");
    }

    @Test
    void aFailureInTheFirstStepStopsEverything() {
        warehouse.fail("create_tables", "permission denied for schema public");
        PipelineFailedException failure = runFailing();
        assertThat(failure.step()).isEqualTo("create tables");
        assertThat(failure.getMessage()).contains("permission denied for schema public");
        assertThat(failure.completed()).isEmpty();
        assertThat(warehouse.submitted()).containsExactly("create_tables");
    }

    @Test
    void aFailedCopyNamesTheStageStep() {
        warehouse.fail("stage_events", "Load into table 'staging_events' failed. Check 'stl_load_errors' system table for details.");
        PipelineFailedException failure = runFailing();
        assertThat(failure.step()).isEqualTo("stage events");
        assertThat(failure.getMessage()).contains("stl_load_errors");
        assertThat(failure.completed()).extracting(StepReport::name).containsExactly("create tables", "stage songs");
        assertThat(warehouse.submitted()).containsExactly("create_tables", "stage_songs", "stage_events");
    }

    @Test
    void anAbortedStatementFailsTheRun() {
        warehouse.plan("load_time").end = StatementState.ABORTED;
        warehouse.plan("load_time").error = "Query cancelled on user's request";
        PipelineFailedException failure = runFailing();
        assertThat(failure.step()).isEqualTo("load time");
        assertThat(failure.getMessage()).contains("Query cancelled on user's request");
        assertThat(warehouse.submitted()).doesNotContain("check_quality");
    }

    @Test
    void theFirstFailureOfAGroupIsReported() {
        warehouse.fail("load_artists", "artists broke");
        warehouse.fail("load_users", "users broke");
        PipelineFailedException failure = runFailing();
        assertThat(failure.step()).isEqualTo("load users");
        assertThat(failure.getMessage()).contains("users broke");
        assertThat(failure.completed()).extracting(StepReport::name).endsWith("load songs");
    }

    @Test
    void aSubmissionErrorFailsTheRunNamingTheStep() {
        warehouse.plan("load_songplays").submitError = new WarehouseException("ThrottlingException: Rate exceeded");
        PipelineFailedException failure = runFailing();
        assertThat(failure.step()).isEqualTo("load songplays");
        assertThat(failure.getMessage()).contains("ThrottlingException: Rate exceeded");
        assertThat(warehouse.submitted()).last().isEqualTo("load_songplays");
    }

    @Test
    void aNonZeroCheckFailsTheRunWithTheCheckNames() {
        warehouse.checks(Map.of("songplays_duplicate_key", 2L, "time_parts_mismatch", 5L));
        PipelineFailedException failure = runFailing();
        assertThat(failure.step()).isEqualTo("check quality");
        assertThat(failure.getMessage()).isEqualTo("check quality failed: data-quality checks failed: "
                + "songplays_duplicate_key (2 rows), time_parts_mismatch (5 rows)");
        assertThat(failure.getMessage()).doesNotContain("songplays_null_key");
        assertThat(failure.completed()).hasSize(8);
        assertThat(warehouse.submitted()).doesNotContain("table_counts");
    }

    @Test
    void aFailedCheckQueryFailsTheRun() {
        warehouse.fail("check_quality", "relation \"time\" does not exist");
        PipelineFailedException failure = runFailing();
        assertThat(failure.step()).isEqualTo("check quality");
        assertThat(failure.getMessage()).contains("relation \"time\" does not exist");
    }

    @Test
    void aFailedCountQueryFailsTheRunAsAStep() {
        warehouse.fail("table_counts", "out of memory");
        PipelineFailedException failure = runFailing();
        assertThat(failure).isNotNull();
        assertThat(failure.step()).isEqualTo("count rows");
        assertThat(failure.getMessage()).contains("out of memory");
        assertThat(failure.completed()).hasSize(9);
    }

    @Test
    void aStatementPastItsTimeoutIsCancelledAndFailsTheRun() {
        warehouse.plan("load_songplays").polls = Integer.MAX_VALUE;
        StatementWaiter waiter = new StatementWaiter(warehouse, Duration.ofMillis(1), Duration.ofMillis(2),
                Duration.ofMillis(200));
        PipelineRunner runner = new PipelineRunner(warehouse, catalog,
                new PipelineSteps(warehouse, catalog, COPY), waiter, RunListener.NONE);
        PipelineFailedException failure = catchThrowableOfType(PipelineFailedException.class, () -> runner.run(PLAN));
        assertThat(failure.step()).isEqualTo("load songplays");
        assertThat(failure.getMessage()).contains("was cancelled");
        assertThat(warehouse.timeline).contains("cancel load_songplays");
        assertThat(warehouse.submitted()).doesNotContain("load_time");
    }

    // ---- the same with a Mockito mock ----

    @Test
    void withAMockWarehouseAFailureStopsTheRun() {
        Warehouse mock = mock(Warehouse.class);
        when(mock.batchExecuteStatement(anyList(), any())).thenReturn("b1", "b2", "b3", "b4", "b5", "b6");
        StatementDescription finished = batchDone("x", StatementState.FINISHED, null);
        when(mock.describeStatement(anyString())).thenAnswer(call -> {
            String id = call.getArgument(0);
            return id.equals("b2") ? batchDone(id, StatementState.FAILED, "COPY failed: no such bucket")
                    : batchDone(id, StatementState.FINISHED, null);
        });
        when(mock.getStatementResult(any())).thenReturn(FakeWarehouse.copyFigures(1, 0));
        PipelineFailedException failure = catchThrowableOfType(PipelineFailedException.class,
                () -> runner(mock).run(PLAN));
        assertThat(failure.step()).isEqualTo("stage songs");
        assertThat(failure.getMessage()).isEqualTo("stage songs failed: COPY failed: no such bucket");
        verify(mock, times(3)).batchExecuteStatement(anyList(), any());
        verify(mock, never()).executeStatement(anyString());
        InOrder order = inOrder(mock);
        order.verify(mock).batchExecuteStatement(catalog.render("create_tables"), null);
        order.verify(mock).describeStatement("b1");
        order.verify(mock, times(2)).batchExecuteStatement(anyList(), any());
        assertThat(finished.state()).isEqualTo(StatementState.FINISHED);
    }

    private static StatementDescription batchDone(String id, StatementState state, String error) {
        List<StatementDescription> subs = List.of(
                new StatementDescription(id + ":1", StatementState.FINISHED, null, 0, false, 0, List.of()),
                new StatementDescription(id + ":2", state, error, state == StatementState.FINISHED ? 5 : -1, false, 0, List.of()),
                new StatementDescription(id + ":3", state == StatementState.FINISHED ? state : StatementState.ABORTED,
                        null, 1, true, 0, List.of()));
        return new StatementDescription(id, state, error, -1, true, 0, subs);
    }

    @Test
    void runReportLooksUpStepsByName() {
        RunReport report = new RunReport(List.of(StepReport.of("a", Duration.ZERO)), Map.of(), Duration.ZERO);
        assertThat(report.step("a").rows()).isEqualTo(-1);
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> report.step("b")))
                .hasMessageContaining("no step b");
        assertThat(new QueryResult(List.of("n"), List.of(List.of(" 42 "))).getLong(0, "n")).isEqualTo(42);
    }
}
