package com.sparkify.dwh.handlers;

import static com.sparkify.dwh.handlers.HandlerTesting.HEX_64;
import static com.sparkify.dwh.handlers.HandlerTesting.MAPPER;
import static com.sparkify.dwh.handlers.HandlerTesting.SQL;
import static com.sparkify.dwh.handlers.HandlerTesting.assertSubmittedOutput;
import static com.sparkify.dwh.handlers.HandlerTesting.batches;
import static com.sparkify.dwh.handlers.HandlerTesting.invoke;
import static com.sparkify.dwh.handlers.HandlerTesting.json;
import static com.sparkify.dwh.handlers.HandlerTesting.lambdaEvent;
import static com.sparkify.dwh.handlers.HandlerTesting.onlyBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparkify.dwh.handlers.HandlerTesting.Batch;
import com.sparkify.dwh.warehouse.Warehouse;
import com.sparkify.dwh.warehouse.WarehouseThrottledException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineLockHandlerTest {

    /** Nanoseconds the SQL cannot hold: the literal keeps microseconds, truncated. */
    private static final Instant NOW = Instant.parse("2018-12-01T03:00:05.123456789Z");

    private final Warehouse warehouse = HandlerTesting.warehouse();
    private final PipelineLockHandler handler = new PipelineLockHandler(HandlerTesting.steps(warehouse),
            PipelineMetrics.NONE, Clock.fixed(NOW, ZoneOffset.UTC));

    private static ObjectNode input(String action) {
        ObjectNode input = json(lambdaEvent("pipeline-lock-acquire.json"));
        return action == null ? (ObjectNode) input.without("action") : input.put("action", action);
    }

    /** The text of the string literals of a statement, in order. */
    /** A clock that moves on a second each time it is read. */
    private static final class TickingClock extends Clock {
        private Instant next;

        TickingClock(Instant start) {
            this.next = start;
        }

        @Override
        public Instant instant() {
            Instant now = next;
            next = next.plusSeconds(1);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void fixtureAcquiresTheLockForTheRunNowTakingOverALockOlderThanTwelveHours() {
        assertSubmittedOutput(invoke(handler, lambdaEvent("pipeline-lock-acquire.json")));

        Batch batch = onlyBatch(warehouse);
        assertThat(batch.sqls()).isEqualTo(SQL.render("acquire_lock", Map.of("run_id", "sam-local-run",
                "now", "2018-12-01 03:00:05.123456", "stale_before", "2018-11-30 15:00:05.123456")));
        assertThat(batch.sqls()).hasSize(2);
        // SET run_id, acquired_at = now ... WHERE lock_name, run_id = the run, acquired_at < stale_before
        assertThat(HandlerTesting.literals(batch.sqls().get(0))).containsExactly("sam-local-run", "2018-12-01 03:00:05.123456", "etl",
                "sam-local-run", "2018-11-30 15:00:05.123456");
        assertThat(batch.sqls().get(0)).contains("acquired_at < CAST('2018-11-30 15:00:05.123456' AS TIMESTAMP)");
        // the last statement says whether this run holds it, which the state machine's Choice reads
        assertThat(batch.sqls().get(1)).startsWith("SELECT CASE WHEN run_id = 'sam-local-run' THEN 1 ELSE 0 END AS acquired");
        assertThat(batch.clientToken()).matches(HEX_64);
    }

    @Test
    void nowAndStaleBeforeComeFromOneReadingOfTheClock() {
        PipelineLockHandler ticking = new PipelineLockHandler(HandlerTesting.steps(warehouse), PipelineMetrics.NONE,
                new TickingClock(Instant.parse("2018-12-01T11:59:59.999999Z")));

        invoke(ticking, input("acquire"));

        // exactly 12 hours apart, across midnight; a second reading would have given 2018-12-01 00:00:00.999999
        assertThat(HandlerTesting.literals(onlyBatch(warehouse).sqls().get(0))).containsExactly("sam-local-run",
                "2018-12-01 11:59:59.999999", "etl", "sam-local-run", "2018-11-30 23:59:59.999999");
        assertThat(PipelineLockHandler.STALE_AFTER).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void initCreatesTheLockTableAndRowIfMissing() {
        assertSubmittedOutput(invoke(handler, input("init")));

        Batch batch = onlyBatch(warehouse);
        assertThat(batch.sqls()).isEqualTo(SQL.render("init_lock")).hasSize(2);
        assertThat(batch.sqls().get(0)).startsWith("CREATE TABLE IF NOT EXISTS pipeline_lock (");
        assertThat(batch.sqls().get(1)).startsWith("INSERT INTO pipeline_lock (lock_name, run_id, acquired_at)");
        assertThat(String.join("\n", batch.sqls())).doesNotContain("sam-local-run");
        assertThat(batch.clientToken()).matches(HEX_64);
    }

    @Test
    void fixtureReleasesTheLockOnlyIfTheRunHoldsIt() {
        assertSubmittedOutput(invoke(handler, lambdaEvent("pipeline-lock-release.json")));

        Batch batch = onlyBatch(warehouse);
        assertThat(batch.sqls()).isEqualTo(SQL.render("release_lock", Map.of("run_id", "sam-local-run")));
        assertThat(batch.sqls()).hasSize(1);
        assertThat(batch.sqls().get(0)).startsWith("UPDATE pipeline_lock\nSET run_id = NULL, acquired_at = NULL\n");
        assertThat(HandlerTesting.literals(batch.sqls().get(0))).containsExactly("etl", "sam-local-run");
    }

    @Test
    void releaseAfterAFailureBeforeThePlanHasOnlyTheRunId() {
        // ReleaseLockAfterFailure passes $.run as it is then: {runId, reset} when the run failed before Plan
        ObjectNode input = input("release");

        invoke(handler, input);

        assertThat(onlyBatch(warehouse).sqls()).isEqualTo(SQL.render("release_lock", Map.of("run_id", "sam-local-run")));
    }

    @Test
    void eachActionAndAttemptHasItsOwnTokenAndALambdaRetryTheSame() {
        invoke(handler, input("init"));
        invoke(handler, input("acquire"));
        invoke(handler, input("release"));
        invoke(handler, input("acquire"));                                              // Lambda retried: same statement
        invoke(handler, input("acquire").put("attempt", "2018-12-01T03:00:21.000Z"));   // asking again after WaitForLock
        ObjectNode otherRun = input("acquire");
        ((ObjectNode) otherRun.get("run")).put("runId", "another-run");
        invoke(handler, otherRun);

        List<String> tokens = batches(warehouse).stream().map(Batch::clientToken).toList();
        assertThat(tokens).hasSize(6).allMatch(token -> token.matches(HEX_64));
        assertThat(tokens.subList(0, 3)).doesNotHaveDuplicates();
        assertThat(tokens.get(3)).isEqualTo(tokens.get(1));
        assertThat(List.of(tokens.get(0), tokens.get(1), tokens.get(2), tokens.get(4), tokens.get(5)))
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Acquire", "ACQUIRE", " acquire", "lock", "take", "read", "record", "create_tables",
        "acquire; DROP TABLE pipeline_lock", "../sql/drop_tables"})
    void unknownActionIsRefusedWithoutSubmitting(String action) {
        assertThatThrownBy(() -> invoke(handler, input(action)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PipelineLockHandler: unknown action \"" + action + "\"; expected init, acquire or release");
        verifyNoInteractions(warehouse);
    }

    @Test
    void missingActionIsRefused() {
        assertThatThrownBy(() -> invoke(handler, input(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown action \"\"");
        verifyNoInteractions(warehouse);
    }

    @Test
    void missingRunIsRefused() {
        assertThatThrownBy(() -> invoke(handler, "{\"action\": \"acquire\"}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PipelineLockHandler needs the run plan in \"run\"");
        verifyNoInteractions(warehouse);
    }

    @ParameterizedTest
    @ValueSource(strings = {"acquire", "release"})
    void aRunWithoutARunIdIsRefusedClearlyWithoutSubmitting(String action) {
        ObjectNode input = MAPPER.createObjectNode().put("action", action).put("attempt", "2018-12-01T03:00:01.000Z");
        input.putObject("run").put("reset", false);

        assertThatThrownBy(() -> invoke(handler, input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{run_id}}");
        verifyNoInteractions(warehouse);
    }

    @Test
    void throttlingPropagatesUnchanged() {
        WarehouseThrottledException throttled = new WarehouseThrottledException("ThrottlingException", null);
        HandlerTesting.stubThrottled(warehouse, throttled);

        assertThatThrownBy(() -> invoke(handler, lambdaEvent("pipeline-lock-acquire.json"))).isSameAs(throttled);
    }
}
