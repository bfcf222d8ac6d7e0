package com.sparkify.dwh.local.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.store.ObjectStore;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.StatementState;
import com.sparkify.dwh.warehouse.WarehouseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class DuckDbWarehouseTest {

    /** Runs for hours unless cancelled: a sum over 10^12 generated rows. */
    static final String ENDLESS = "SELECT sum(i) FROM range(1000000000000) t(i)";

    static final Function<String, ObjectStore> NO_BUCKETS = bucket -> {
        throw new IllegalArgumentException("no bucket " + bucket + " in this test");
    };

    private DuckDbWarehouse warehouse;

    @BeforeEach
    void open() {
        warehouse = DuckDbWarehouse.open(null, NO_BUCKETS);
    }

    @AfterEach
    @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
    void close() {
        warehouse.close();
    }

    /** Polls until the statement is done; the class timeout bounds it. */
    static StatementDescription await(DuckDbWarehouse on, String id) throws InterruptedException {
        while (true) {
            StatementDescription description = on.describeStatement(id);
            if (description.state().isDone()) {
                return description;
            }
            Thread.sleep(2);
        }
    }

    private StatementDescription await(String id) throws InterruptedException {
        return await(warehouse, id);
    }

    private StatementDescription run(String sql) throws InterruptedException {
        StatementDescription done = await(warehouse.executeStatement(sql));
        assertThat(done.state()).as("%s: %s", sql, done.error()).isEqualTo(StatementState.FINISHED);
        return done;
    }

    private QueryResult query(String sql) throws InterruptedException {
        return warehouse.getStatementResult(run(sql).id());
    }

    private void awaitState(String id, StatementState state) throws InterruptedException {
        while (warehouse.stateOf(id) != state) {
            assertThat(warehouse.stateOf(id).isDone()).as("%s ended before reaching %s", id, state).isFalse();
            Thread.sleep(2);
        }
    }

    // ---- states ----

    @Test
    void aStatementGoesThroughTheStatesInOrderToFinished() throws InterruptedException {
        String id = warehouse.executeStatement("SELECT sum(i) AS total FROM range(20000000) t(i)");
        List<StatementState> seen = new ArrayList<>();
        StatementDescription description;
        do {
            description = warehouse.describeStatement(id);
            if (seen.isEmpty() || seen.get(seen.size() - 1) != description.state()) {
                seen.add(description.state());
            }
        } while (!description.state().isDone());
        assertThat(seen).last().isEqualTo(StatementState.FINISHED);
        assertThat(seen).isSortedAccordingTo(Enum::compareTo)
                .isSubsetOf(StatementState.SUBMITTED, StatementState.PICKED, StatementState.STARTED, StatementState.FINISHED);
        assertThat(description.id()).isEqualTo(id);
        assertThat(description.error()).isNull();
        assertThat(description.resultRows()).isEqualTo(1);
        assertThat(description.hasResultSet()).isTrue();
        assertThat(description.subStatements()).isEmpty();
        assertThat(description.durationNanos()).isPositive();
    }

    @Test
    void aStatementWaitingForAThreadIsSubmittedAndRunningOnesAreStarted() throws InterruptedException {
        List<String> busy = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            busy.add(warehouse.executeStatement(ENDLESS));
        }
        for (String id : busy) {
            awaitState(id, StatementState.STARTED);
        }
        String queued = warehouse.executeStatement("SELECT 1");
        try {
            assertThat(warehouse.describeStatement(queued).state()).isEqualTo(StatementState.SUBMITTED);
            warehouse.cancelStatement(queued);
            StatementDescription cancelled = warehouse.describeStatement(queued);
            assertThat(cancelled.state()).isEqualTo(StatementState.ABORTED);
            assertThat(cancelled.error()).contains("cancelled");
        } finally {
            busy.forEach(warehouse::cancelStatement);
        }
        for (String id : busy) {
            assertThat(await(id).state()).isEqualTo(StatementState.ABORTED);
        }
        assertThat(warehouse.describeStatement(queued).state()).isEqualTo(StatementState.ABORTED);
    }

    // ---- naps: how the local state machine waits ----

    private static final long AN_HOUR = TimeUnit.HOURS.toNanos(1);

    @Test
    void anHourLongNapEndsWhenAStatementFinishes() throws InterruptedException {
        warehouse.napUntilAStatementFinishes(0); // nothing finished yet: returns at once
        String id = warehouse.executeStatement(ENDLESS);
        awaitState(id, StatementState.STARTED);
        Thread canceller = new Thread(() -> warehouse.cancelStatement(id));
        canceller.start();

        warehouse.napUntilAStatementFinishes(AN_HOUR); // the class timeout fails the test if it sleeps on

        assertThat(warehouse.describeStatement(id).state()).isEqualTo(StatementState.ABORTED);
        canceller.join();
    }

    @Test
    void aFinishBeforeTheNapEndsItAtOnceButOnlyOnce() throws InterruptedException {
        run("SELECT 1");

        warehouse.napUntilAStatementFinishes(AN_HOUR); // the finish came before: no sleep at all
        long started = System.nanoTime();
        warehouse.napUntilAStatementFinishes(TimeUnit.MILLISECONDS.toNanos(200));

        // The same finish does not end a second nap: it lasts its whole time.
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(
                TimeUnit.MILLISECONDS.toNanos(200));
    }

    @Test
    void oneFinishWakesEveryThreadThatNaps() throws InterruptedException {
        CountDownLatch napping = new CountDownLatch(2);
        CountDownLatch woken = new CountDownLatch(2);
        String id = warehouse.executeStatement(ENDLESS);
        awaitState(id, StatementState.STARTED);
        for (int i = 0; i < 2; i++) {
            new Thread(() -> {
                try {
                    napping.countDown();
                    warehouse.napUntilAStatementFinishes(AN_HOUR);
                    woken.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).start();
        }
        napping.await();

        warehouse.cancelStatement(id);

        woken.await(); // the class timeout fails the test if either sleeps on
        assertThat(warehouse.describeStatement(id).state()).isEqualTo(StatementState.ABORTED);
    }

    // ---- cancel ----

    @Test
    void cancellingALongRunningStatementEndsItAborted() throws InterruptedException {
        String id = warehouse.executeStatement(ENDLESS);
        awaitState(id, StatementState.STARTED);
        warehouse.cancelStatement(id);
        StatementDescription aborted = await(id);
        assertThat(aborted.state()).isEqualTo(StatementState.ABORTED);
        assertThat(aborted.error()).isEqualTo("statement was cancelled");
        assertThat(aborted.resultRows()).isEqualTo(-1);
        assertThatThrownBy(() -> warehouse.getStatementResult(id))
                .isInstanceOf(WarehouseException.class).hasMessageContaining("ABORTED");
        // The warehouse still works afterwards.
        assertThat(query("SELECT 1 AS one").rows()).containsExactly(List.of(1L));
    }

    @Test
    void aCancelIsNeverLostWhateverMomentItComes() throws InterruptedException {
        // DuckDB drops an interrupt that arrives before its query executes (while it is being prepared,
        // say); the warehouse must not. Cancel at many moments around the start of the query.
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 60; round++) {
            String id = round % 2 == 0
                    ? warehouse.executeStatement(ENDLESS)
                    : warehouse.batchExecuteStatement(List.of("SELECT 1", ENDLESS));
            if (round % 6 != 0) {
                while (warehouse.stateOf(id) != StatementState.STARTED && !warehouse.stateOf(id).isDone()) {
                    Thread.onSpinWait();
                }
                long until = System.nanoTime() + random.nextInt(2_000_000);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
            warehouse.cancelStatement(id);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!warehouse.stateOf(id).isDone()) {
                assertThat(System.nanoTime()).as("round %d: the cancel was lost, the query still runs", round)
                        .isLessThan(deadline);
                Thread.sleep(2);
            }
            assertThat(warehouse.stateOf(id)).as("round %d", round).isEqualTo(StatementState.ABORTED);
        }
    }

    @Test
    void cancellingABatchRollsBackAndAbortsTheRest() throws InterruptedException {
        run("CREATE TABLE t (a INT)");
        String id = warehouse.batchExecuteStatement(List.of("INSERT INTO t VALUES (1)", ENDLESS, "INSERT INTO t VALUES (2)"));
        while (warehouse.describeStatement(id + ":2").state() != StatementState.STARTED) {
            assertThat(warehouse.stateOf(id).isDone()).isFalse();
            Thread.sleep(2);
        }
        warehouse.cancelStatement(id);
        StatementDescription aborted = await(id);
        assertThat(aborted.state()).isEqualTo(StatementState.ABORTED);
        assertThat(aborted.subStatements()).extracting(StatementDescription::state)
                .containsExactly(StatementState.FINISHED, StatementState.ABORTED, StatementState.ABORTED);
        assertThat(aborted.error()).isEqualTo("statement 2 of 3: statement was cancelled");
        assertThat(query("SELECT count(*) AS n FROM t").getLong(0, "n")).isZero();
    }

    @Test
    void cancellingAFinishedStatementLeavesItFinished() throws InterruptedException {
        String id = run("SELECT 42 AS answer").id();
        warehouse.cancelStatement(id);
        assertThat(warehouse.describeStatement(id).state()).isEqualTo(StatementState.FINISHED);
        assertThat(warehouse.getStatementResult(id).getLong(0, "answer")).isEqualTo(42);
    }

    // ---- batches ----

    @Test
    void aBatchIsOneTransaction() throws InterruptedException {
        run("CREATE TABLE t (a INT)");
        String id = warehouse.batchExecuteStatement(List.of(
                "INSERT INTO t VALUES (1)",
                "INSERT INTO t VALUES (2), (3)",
                "INSERT INTO missing_table VALUES (4)",
                "INSERT INTO t VALUES (5)"));
        StatementDescription failed = await(id);
        assertThat(failed.state()).isEqualTo(StatementState.FAILED);
        assertThat(failed.error()).startsWith("statement 3 of 4: Catalog Error: ").contains("missing_table");
        assertThat(failed.subStatements()).extracting(StatementDescription::state).containsExactly(
                StatementState.FINISHED, StatementState.FINISHED, StatementState.FAILED, StatementState.ABORTED);
        assertThat(failed.subStatements()).extracting(StatementDescription::id)
                .containsExactly(id + ":1", id + ":2", id + ":3", id + ":4");
        assertThat(failed.subStatement(3).error()).contains("missing_table");
        assertThat(failed.subStatement(1).error()).isNull();
        // The first two statements were rolled back with the third.
        assertThat(query("SELECT count(*) AS n FROM t").getLong(0, "n")).isZero();
    }

    @Test
    void leadingTempTablesAreStagedBeforeTheTransactionYetAFailureLeavesNothing() throws InterruptedException {
        // The leading CREATE TEMP TABLEs run before the batch's transaction (for speed); from outside, the
        // batch must still be all or nothing, and its temporary tables must not outlive it.
        run("CREATE TABLE t (a INT)");
        run("INSERT INTO t VALUES (1), (2)");
        String failing = warehouse.batchExecuteStatement(List.of(
                "CREATE TEMP TABLE staged AS SELECT a * 10 AS a FROM t",
                "-- a comment first\nCREATE TEMPORARY TABLE doubled AS SELECT a * 2 AS a FROM staged",
                "INSERT INTO t SELECT a FROM doubled",
                "INSERT INTO missing_table VALUES (4)"));
        StatementDescription failed = await(failing);
        assertThat(failed.state()).isEqualTo(StatementState.FAILED);
        assertThat(failed.subStatements()).extracting(StatementDescription::state).containsExactly(
                StatementState.FINISHED, StatementState.FINISHED, StatementState.FINISHED, StatementState.FAILED);
        assertThat(query("SELECT count(*) AS n FROM t").getLong(0, "n")).isEqualTo(2);

        String id = warehouse.batchExecuteStatement(List.of(
                "CREATE TEMP TABLE staged AS SELECT a * 10 AS a FROM t",
                "INSERT INTO t SELECT a FROM staged",
                "CREATE TEMP TABLE later AS SELECT count(*) AS n FROM t",
                "SELECT n FROM later"));
        assertThat(await(id).state()).isEqualTo(StatementState.FINISHED);
        // A temporary table after the first other statement is inside the transaction: it sees the insert.
        assertThat(warehouse.getStatementResult(id + ":4").getLong(0, "n")).isEqualTo(4);
        assertThat(query("SELECT sum(a) AS s FROM t").getLong(0, "s")).isEqualTo(1 + 2 + 10 + 20);
        // Each submission has its own connection: the temporary tables went with it.
        StatementDescription gone = await(warehouse.executeStatement("SELECT * FROM staged"));
        assertThat(gone.state()).isEqualTo(StatementState.FAILED);
        assertThat(gone.error()).contains("staged");
    }

    @Test
    void aConstraintViolationRollsBackTheWholeBatch() throws InterruptedException {
        run("CREATE TABLE users (user_id VARCHAR(4) NOT NULL SORTKEY) DISTSTYLE ALL");
        String id = warehouse.batchExecuteStatement(List.of(
                "DELETE FROM users",
                "INSERT INTO users VALUES ('u1')",
                "INSERT INTO users VALUES ('too long')"));
        StatementDescription failed = await(id);
        assertThat(failed.state()).isEqualTo(StatementState.FAILED);
        assertThat(failed.error()).startsWith("statement 3 of 3: ").contains("CHECK");
        assertThat(query("SELECT count(*) AS n FROM users").getLong(0, "n")).isZero();
    }

    @Test
    void aFinishedBatchCommitsAndDescribesEachStatement() throws InterruptedException {
        String id = warehouse.batchExecuteStatement(List.of(
                "CREATE TABLE t (a INT, b VARCHAR(8)) DISTSTYLE EVEN",
                "INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, 'z')",
                "DELETE FROM t WHERE a = 2",
                "SELECT a, b FROM t ORDER BY a"));
        StatementDescription done = await(id);
        assertThat(done.state()).isEqualTo(StatementState.FINISHED);
        assertThat(done.error()).isNull();
        assertThat(done.resultRows()).isEqualTo(-1);
        assertThat(done.hasResultSet()).isTrue();
        assertThat(done.subStatements()).extracting(StatementDescription::state).containsOnly(StatementState.FINISHED);
        assertThat(done.subStatements()).extracting(StatementDescription::resultRows).endsWith(3L, 1L, 2L);
        StatementDescription select = warehouse.describeStatement(id + ":4");
        assertThat(select.id()).isEqualTo(id + ":4");
        assertThat(select.hasResultSet()).isTrue();
        assertThat(select.resultRows()).isEqualTo(2);
        assertThat(warehouse.describeStatement(id + ":2").hasResultSet()).isFalse();
        assertThat(warehouse.getStatementResult(id + ":4").rows()).containsExactly(List.of(1L, "x"), List.of(3L, "z"));
        assertThatThrownBy(() -> warehouse.getStatementResult(id))
                .isInstanceOf(WarehouseException.class).hasMessageContaining(id + ":1");
        assertThatThrownBy(() -> warehouse.getStatementResult(id + ":2"))
                .isInstanceOf(WarehouseException.class).hasMessageContaining("no result set");
        assertThat(DuckDbWarehouse.subStatementIds(id, 2)).containsExactly(id + ":1", id + ":2");
        // Committed: seen from another submission.
        assertThat(query("SELECT count(*) AS n FROM t").getLong(0, "n")).isEqualTo(2);
    }

    @Test
    void anEmptyBatchIsRefused() {
        assertThatThrownBy(() -> warehouse.batchExecuteStatement(List.of()))
                .isInstanceOf(WarehouseException.class).hasMessageContaining("at least one");
    }

    @Test
    void theSqlFilesRunAsBatches() throws InterruptedException {
        SqlCatalog catalog = SqlCatalog.fromClasspath();
        for (String script : List.of("create_tables", "create_tables", "load_users", "load_songs",
                "load_songplays", "load_time")) {
            StatementDescription done = await(warehouse.batchExecuteStatement(catalog.render(script)));
            assertThat(done.state()).as("%s: %s", script, done.error()).isEqualTo(StatementState.FINISHED);
        }
        QueryResult checks = query(catalog.render("check_quality").get(0));
        assertThat(checks.columns()).containsExactly("check_name", "violations");
        assertThat(checks.rows()).allSatisfy(row -> assertThat(row.get(1)).isEqualTo(0L));
        QueryResult counts = query(catalog.render("table_counts").get(0));
        assertThat(counts.rows()).hasSize(7).allSatisfy(row -> assertThat(row.get(1)).isEqualTo(0L));
    }

    // ---- a failing single statement ----

    @Test
    void aFailingStatementIsFailedWithTheDatabaseError() throws InterruptedException {
        String id = warehouse.executeStatement("SELECT * FROM no_such_table");
        StatementDescription failed = await(id);
        assertThat(failed.state()).isEqualTo(StatementState.FAILED);
        assertThat(failed.error()).startsWith("Catalog Error: Table with name no_such_table does not exist")
                .doesNotContain("pending query");
        assertThat(failed.resultRows()).isEqualTo(-1);
        assertThatThrownBy(() -> warehouse.getStatementResult(id))
                .isInstanceOf(WarehouseException.class).hasMessageContaining("FAILED");
    }

    // ---- results ----

    @Test
    void resultsAreTypedAsTheDataApiTypesThem() throws InterruptedException {
        QueryResult result = query("""
                SELECT CAST(1 AS INTEGER) AS i, CAST(2 AS BIGINT) AS b, CAST(3 AS SMALLINT) AS s, CAST(4 AS TINYINT) AS t,
                       CAST(1.5 AS DOUBLE PRECISION) AS d, CAST(2.5 AS REAL) AS r, true AS yes, 'text' AS v,
                       TIMESTAMP '2018-11-01 21:01:46.796' AS ts, TIMESTAMP '2018-11-01 21:01:46' AS whole,
                       TIMESTAMP '2018-11-01 21:01:46.000123' AS micro, CAST(12.50 AS DECIMAL(10, 2)) AS dec,
                       DATE '2018-11-01' AS day, NULL AS nothing, count(*) AS n""");
        assertThat(result.columns()).containsExactly(
                "i", "b", "s", "t", "d", "r", "yes", "v", "ts", "whole", "micro", "dec", "day", "nothing", "n");
        assertThat(result.rows()).singleElement().isEqualTo(Arrays.asList(
                1L, 2L, 3L, 4L, 1.5, 2.5, true, "text",
                "2018-11-01 21:01:46.796", "2018-11-01 21:01:46", "2018-11-01 21:01:46.000123", "12.50",
                "2018-11-01", null, 1L));
    }

    @Test
    void timestampsLoadedIntoATableComeBackWithMilliseconds() throws InterruptedException {
        run("CREATE TABLE e (ts TIMESTAMP)");
        run("INSERT INTO e VALUES (TIMESTAMP '2018-11-01 21:01:46.796'), (TIMESTAMP '2018-11-30 00:00:00.100')");
        assertThat(query("SELECT ts FROM e ORDER BY ts").rows())
                .containsExactly(List.of("2018-11-01 21:01:46.796"), List.of("2018-11-30 00:00:00.1"));
    }

    @Test
    void resultRowsCountInsertedDeletedAndSelectedRows() throws InterruptedException {
        run("CREATE TABLE t (a INT)");
        StatementDescription inserted = run("INSERT INTO t SELECT * FROM range(5)");
        assertThat(inserted.resultRows()).isEqualTo(5);
        assertThat(inserted.hasResultSet()).isFalse();
        assertThatThrownBy(() -> warehouse.getStatementResult(inserted.id()))
                .isInstanceOf(WarehouseException.class).hasMessageContaining("no result set");
        assertThat(run("DELETE FROM t WHERE a < 2").resultRows()).isEqualTo(2);
        assertThat(run("UPDATE t SET a = a + 1").resultRows()).isEqualTo(3);
        StatementDescription selected = run("SELECT a FROM t ORDER BY a");
        assertThat(selected.resultRows()).isEqualTo(3);
        assertThat(selected.hasResultSet()).isTrue();
        assertThat(warehouse.getStatementResult(selected.id()).rows())
                .containsExactly(List.of(3L), List.of(4L), List.of(5L));
        assertThat(run("SELECT a FROM t WHERE a > 100").resultRows()).isZero();
    }

    @Test
    void integersDivideAsIntegers() throws InterruptedException {
        QueryResult result = query("SELECT 7/2 AS q, -7/2 AS negative, 7.0/2 AS decimal, CAST(7 AS DOUBLE PRECISION)/2 AS d");
        assertThat(result.getLong(0, "q")).isEqualTo(3);
        assertThat(result.getLong(0, "negative")).isEqualTo(-3);
        assertThat(Double.parseDouble(result.getString(0, "decimal"))).isEqualTo(3.5);
        assertThat(result.rows().get(0).get(3)).isEqualTo(3.5);
        // In a batch too: every submission has its own connection.
        String id = warehouse.batchExecuteStatement(List.of("SELECT 1", "SELECT 9/4 AS q"));
        assertThat(await(id).state()).isEqualTo(StatementState.FINISHED);
        assertThat(warehouse.getStatementResult(id + ":2").getLong(0, "q")).isEqualTo(2);
    }

    @Test
    void lastCopyFunctionsWithoutACopyReturnTheirDefaults() throws InterruptedException {
        QueryResult result = query("SELECT pg_last_copy_count() AS n, pg_last_copy_id() AS q");
        assertThat(result.rows()).containsExactly(List.of(0L, -1L));
    }

    @Test
    void identityColumnsWork() throws InterruptedException {
        run("CREATE TABLE t (id BIGINT IDENTITY(0, 1), v VARCHAR(4))");
        run("INSERT INTO t (v) VALUES ('a'), ('b')");
        assertThat(query("SELECT id FROM t ORDER BY id").rows()).containsExactly(List.of(0L), List.of(1L));
    }

    // ---- ids ----

    @Test
    void unknownIdsAreErrors() throws InterruptedException {
        String single = run("SELECT 1").id();
        String batch = await(warehouse.batchExecuteStatement(List.of("SELECT 1", "SELECT 2"))).id();
        for (String id : List.of("no-such-id", "no-such-id:1", "", batch + ":0", batch + ":3", batch + ":x",
                batch + ":-1", single + ":2")) {
            assertThatThrownBy(() -> warehouse.describeStatement(id)).as(id).isInstanceOf(WarehouseException.class);
            assertThatThrownBy(() -> warehouse.getStatementResult(id)).as(id).isInstanceOf(WarehouseException.class);
        }
        assertThatThrownBy(() -> warehouse.describeStatement("no-such-id"))
                .hasMessage("no statement with id no-such-id");
        assertThatThrownBy(() -> warehouse.describeStatement(batch + ":3")).hasMessageContaining("no sub-statement");
        assertThatThrownBy(() -> warehouse.cancelStatement("no-such-id")).isInstanceOf(WarehouseException.class);
        assertThat(warehouse.describeStatement(batch + ":2").state()).isEqualTo(StatementState.FINISHED);
    }

    @Test
    void idsAreUnique() {
        String a = warehouse.executeStatement("SELECT 1");
        String b = warehouse.executeStatement("SELECT 1");
        assertThat(a).isNotEqualTo(b).doesNotContain(":");
    }

    // ---- persistence ----

    @Test
    void theDatabaseFilePersistsAcrossOpenAndClose(@TempDir Path folder) throws InterruptedException {
        Path file = folder.resolve("sparkify.duckdb");
        try (DuckDbWarehouse first = DuckDbWarehouse.open(file, NO_BUCKETS)) {
            StatementDescription done = await(first, first.batchExecuteStatement(List.of(
                    "CREATE TABLE users (user_id VARCHAR(64) NOT NULL SORTKEY, level VARCHAR(16)) DISTSTYLE ALL",
                    "INSERT INTO users VALUES ('8', 'free'), ('15', 'paid')")));
            assertThat(done.state()).isEqualTo(StatementState.FINISHED);
        }
        assertThat(file).exists();
        try (DuckDbWarehouse second = DuckDbWarehouse.open(file, NO_BUCKETS)) {
            String id = second.executeStatement("SELECT user_id, level FROM users ORDER BY user_id");
            assertThat(await(second, id).state()).isEqualTo(StatementState.FINISHED);
            assertThat(second.getStatementResult(id).rows()).containsExactly(List.of("15", "paid"), List.of("8", "free"));
            // The length check survives too.
            String tooLong = second.executeStatement("INSERT INTO users VALUES ('8', '" + "x".repeat(17) + "')");
            assertThat(await(second, tooLong).state()).isEqualTo(StatementState.FAILED);
        }
    }

    @Test
    void anInMemoryWarehouseStartsEmpty() throws InterruptedException {
        run("CREATE TABLE t (a INT)");
        try (DuckDbWarehouse other = DuckDbWarehouse.open(null, NO_BUCKETS)) {
            StatementDescription done = await(other, other.executeStatement("SELECT * FROM t"));
            assertThat(done.state()).isEqualTo(StatementState.FAILED);
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsAnError(@TempDir Path folder) {
        assertThatThrownBy(() -> DuckDbWarehouse.open(folder, NO_BUCKETS))
                .isInstanceOf(WarehouseException.class)
                .hasMessageContaining("cannot open the local warehouse");
    }
}
