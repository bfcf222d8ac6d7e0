package com.sparkify.dwh.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.warehouse.QueryResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./sparkify report --warehouse redshift}: the same files of sql/ sent through the real Data API
 * client to a local stub, whose rows (in the Data API's encodings: longs, numeric text, dates as text,
 * NULLs) become the report's figures.
 */
@Timeout(120)
class ReportRedshiftTest {

    private static final String SECRET = "arn:aws:secretsmanager:us-west-2:123456789012:secret:rs-AbCdEf";

    @TempDir
    Path temp;

    private final Map<String, QueryResult> rows = new HashMap<>();
    private final Map<String, String> savedProperties = new HashMap<>();
    private final SqlCatalog catalog = SqlCatalog.fromClasspath();
    private DataApiStub stub;

    @BeforeEach
    void start() {
        stub = new DataApiStub(rows::get);
        // Fake credentials through the SDK's system-property provider, restored afterwards.
        for (String[] property : new String[][] {{"aws.accessKeyId", "AKIDFAKE"}, {"aws.secretAccessKey", "fake"}}) {
            savedProperties.put(property[0], System.getProperty(property[0]));
            System.setProperty(property[0], property[1]);
        }
        answer("report_summary", cols("plays", "users", "sessions", "unmatched_plays", "paid_plays", "first_play", "last_play"),
                row(1234L, 56L, 78L, "99", 400L, "2018-11-02 00:00:01.5", "2018-11-04 23:59:59"));
        answer("report_row_counts", cols("table_name", "row_count"), row("songplays", 1234L), row("users", 60L),
                row("songs", 70L), row("artists", 50L), row("time", 1200L));
        answer("report_plays_per_day", cols("play_date", "plays"), row("2018-11-02", 500L), row("2018-11-04", 734L));
        answer("report_plays_per_hour", cols("hour_of_day", "plays"), row(0L, 1000L), row(23L, 234L));
        answer("report_plays_per_weekday", cols("weekday", "plays"), row(5L, 1234L));
        answer("report_top_songs", cols("song_id", "title", "artist_name", "plays"),
                row("SOSTUB1", "Stub <Song> & \"One\"", "The Stubs", 40L), row("SOSTUB2", "\u00dcn\u00efc\u00f8d\u00e9", null, 30L));
        answer("report_top_artists", cols("artist_id", "artist_name", "plays"), row("ARSTUB", "The Stubs", 40L));
        answer("report_levels_per_day", cols("play_date", "level", "plays", "users"),
                row("2018-11-02", "free", 300L, 20L), row("2018-11-02", "paid", 200L, 10L), row("2018-11-04", "paid", 734L, 30L));
        answer("report_level_changes", cols("play_date", "upgrades", "downgrades"), row("2018-11-04", 3L, 1L));
        answer("report_session_lengths", cols("min_plays", "max_plays", "sessions", "plays"),
                row(1L, 1L, 10L, 10L), row(2L, 5L, 20L, 70L), row(6L, 10L, 30L, 240L), row(11L, 20L, 15L, 214L),
                row(21L, 50L, 5L, 150L), row(51L, 100L, 4L, 300L), row(101L, null, 2L, 250L));
        answer("report_unmatched_plays", cols("play_date", "plays", "unmatched_plays"),
                row("2018-11-02", 500L, 40L), row("2018-11-04", 734L, 59L));
        answer("report_ledger_exists", cols("ledger_tables"), row(1L));
        answer("report_load_history", cols("run_id", "loaded_at", "dataset", "objects", "bytes", "rows_loaded", "rows_rejected"),
                row("arn:aws:states:us-west-2:123456789012:execution:etl:nightly", "2018-12-01 03:09:00.123", "events", 3L,
                        "9000", 1300L, 2L),
                row("arn:aws:states:us-west-2:123456789012:execution:etl:nightly", "2018-12-01 03:09:00.123", "songs", 70L,
                        "21000", 70L, 0L));
    }

    @AfterEach
    void stop() {
        stub.close();
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    private String[] report(Path out, String... target) {
        List<String> args = new ArrayList<>(List.of("report", "--warehouse", "redshift", "--region", "us-west-2",
                "--endpoint-url", stub.endpoint().toString(), "--out", out.toString()));
        args.addAll(Arrays.asList(target));
        return ReportFixture.cli(args.toArray(String[]::new));
    }

    @Test
    void theReportOfAClusterShowsTheRowsTheDataApiReturned() {
        Path out = temp.resolve("redshift.html");
        String[] result = report(out, "--cluster", "sparkify", "--database", "dev", "--secret-arn", SECRET);

        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1]).contains("Wrote " + out).contains("12 charts").contains("1,234 plays by 56 users");

        // The same files of sql/ as on DuckDB: the ledger first, then every figure in one batch.
        assertThat(stub.submissions).hasSize(2);
        assertThat(stub.submissions.get(0).operation()).isEqualTo("ExecuteStatement");
        assertThat(stub.submissions.get(0).sqls()).containsExactly(sql("report_ledger_exists"));
        assertThat(stub.submissions.get(1).operation()).isEqualTo("BatchExecuteStatement");
        List<String> batch = new ArrayList<>();
        ReportQueries.FIGURES.forEach(name -> batch.add(sql(name)));
        batch.add(sql("report_load_history"));
        assertThat(stub.submissions.get(1).sqls()).isEqualTo(batch);
        assertThat(stub.submissions).allSatisfy(submission -> {
            assertThat(submission.request().path("ClusterIdentifier").asText()).isEqualTo("sparkify");
            assertThat(submission.request().path("Database").asText()).isEqualTo("dev");
            assertThat(submission.request().path("SecretArn").asText()).isEqualTo(SECRET);
        });

        String page = ReportFixture.read(out);
        JsonNode figures = ReportFixture.figuresOf(page);
        assertThat(figures.path("source").asText()).isEqualTo("Redshift cluster sparkify database dev");
        JsonNode summary = figures.path("summary");
        assertThat(List.of(summary.path("plays").asLong(), summary.path("users").asLong(), summary.path("sessions").asLong(),
                summary.path("unmatchedPlays").asLong(), summary.path("paidPlays").asLong()))
                .containsExactly(1234L, 56L, 78L, 99L, 400L);
        assertThat(summary.path("firstPlay").asText()).isEqualTo("2018-11-02 00:00:01.5");
        assertThat(pairs(figures.path("rowCounts"), "table", "rows")).containsExactly(
                "songplays=1234", "users=60", "songs=70", "artists=50", "time=1200");
        // The day no play fell on is there, with nothing.
        assertThat(pairs(figures.path("playsPerDay"), "day", "plays"))
                .containsExactly("2018-11-02=500", "2018-11-03=0", "2018-11-04=734");
        assertThat(figures.path("playsPerHour").get(0).path("plays").asLong()).isEqualTo(1000);
        assertThat(figures.path("playsPerHour").get(23).path("plays").asLong()).isEqualTo(234);
        assertThat(figures.path("playsPerHour").get(12).path("plays").asLong()).isZero();
        assertThat(figures.path("playsPerWeekday").get(5).path("name").asText()).isEqualTo("Friday");
        assertThat(figures.path("playsPerWeekday").get(5).path("plays").asLong()).isEqualTo(1234);
        assertThat(figures.path("topSongs").get(0).path("title").asText()).isEqualTo("Stub <Song> & \"One\"");
        assertThat(figures.path("topSongs").get(1).path("title").asText()).isEqualTo("\u00dcn\u00efc\u00f8d\u00e9");
        assertThat(figures.path("topSongs").get(1).path("artist").isNull()).isTrue();
        assertThat(figures.path("topArtists").get(0).path("name").asText()).isEqualTo("The Stubs");
        JsonNode levels = figures.path("levelsPerDay");
        assertThat(levels.path("levels").toString()).isEqualTo("[\"free\",\"paid\"]");
        assertThat(levels.path("days").toString()).isEqualTo("[{\"day\":\"2018-11-02\",\"plays\":[300,200],\"users\":[20,10]},"
                + "{\"day\":\"2018-11-03\",\"plays\":[0,0],\"users\":[0,0]},{\"day\":\"2018-11-04\",\"plays\":[0,734],\"users\":[0,30]}]");
        assertThat(figures.path("levelChanges").get(2).path("upgrades").asLong()).isEqualTo(3);
        assertThat(figures.path("levelChanges").get(2).path("downgrades").asLong()).isEqualTo(1);
        assertThat(pairs(figures.path("sessionLengths"), "label", "sessions"))
                .containsExactly("1=10", "2\u20135=20", "6\u201310=30", "11\u201320=15", "21\u201350=5", "51\u2013100=4", "101+=2");
        assertThat(pairs(figures.path("unmatchedPerDay"), "day", "unmatchedPlays"))
                .containsExactly("2018-11-02=40", "2018-11-03=0", "2018-11-04=59");
        JsonNode runs = figures.path("loadHistory").path("runs");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).path("runId").asText()).endsWith(":execution:etl:nightly");
        assertThat(runs.get(0).path("bytes").asLong()).isEqualTo(9000);
        assertThat(runs.get(0).path("rowsRejected").asLong()).isEqualTo(2);
        // And shown: the tables under the charts, escaped.
        assertThat(page).contains("<td>Stub &lt;Song&gt; &amp; &quot;One&quot;</td>").contains("id=\"chart-load-history\"");
    }

    @Test
    void aWorkgroupWithoutALedgerGetsAReportWithNoHistory() {
        answer("report_ledger_exists", cols("ledger_tables"), row(0L));
        Path out = temp.resolve("workgroup.html");

        String[] result = report(out, "--workgroup", "sparkify-wg", "--database", "analytics");

        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1]).contains("11 charts").contains("no load history yet");
        assertThat(stub.submissions.get(1).sqls()).hasSize(ReportQueries.FIGURES.size())
                .noneMatch(sql -> sql.contains("load_ledger"));
        assertThat(stub.submissions).allSatisfy(submission -> {
            assertThat(submission.request().path("WorkgroupName").asText()).isEqualTo("sparkify-wg");
            assertThat(submission.request().path("Database").asText()).isEqualTo("analytics");
            assertThat(submission.request().has("ClusterIdentifier")).isFalse();
        });
        String page = ReportFixture.read(out);
        assertThat(ReportFixture.figuresOf(page).path("loadHistory").path("ledgerExists").asBoolean()).isFalse();
        assertThat(page).contains("No load history yet").doesNotContain("id=\"chart-load-history\"");
    }

    @Test
    void aFailedQueryFailsTheReportWithItsErrorAndWritesNothing() {
        stub.failBatchesWith("ERROR: relation \"songplays\" does not exist");
        Path out = temp.resolve("failed.html");

        String[] result = report(out, "--cluster", "sparkify", "--db-user", "analyst");

        assertThat(result[0]).isEqualTo("1");
        assertThat(result[2]).contains("relation \"songplays\" does not exist").contains("./sparkify run");
        assertThat(out).doesNotExist();
        assertThat(stub.submissions.get(0).request().path("DbUser").asText()).isEqualTo("analyst");
    }

    @Test
    void redshiftOptionsThatCannotConnectAreRefusedBeforeAnyCall() {
        Path out = temp.resolve("refused.html");
        assertThat(report(out)[2]).contains("exactly one of --cluster and --workgroup");
        assertThat(report(out, "--cluster", "c", "--workgroup", "w")[2]).contains("exactly one of --cluster and --workgroup");
        assertThat(report(out, "--workgroup", "w", "--db-user", "u")[2]).contains("--db-user is for a provisioned cluster");
        assertThat(report(out, "--cluster", "c", "--db-user", "u", "--secret-arn", SECRET)[2])
                .contains("either --secret-arn or --db-user");
        String[] noRegion = ReportFixture.cli("report", "--warehouse", "redshift", "--cluster", "c", "--out", out.toString());
        assertThat(noRegion[0]).isEqualTo("2");
        assertThat(noRegion[2]).contains("needs --region");
        assertThat(stub.submissions).isEmpty();
        assertThat(out).doesNotExist();
    }

    private String sql(String name) {
        List<String> statements = catalog.render(name, ReportQueries.params(ReportQueries.DEFAULT_TOP));
        assertThat(statements).hasSize(1);
        return statements.get(0);
    }

    @SafeVarargs
    private void answer(String name, List<String> columns, List<Object>... values) {
        rows.put(sql(name), new QueryResult(columns, List.of(values)));
    }

    private static List<String> cols(String... names) {
        return List.of(names);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static List<String> pairs(JsonNode array, String key, String value) {
        List<String> pairs = new ArrayList<>();
        array.forEach(node -> pairs.add(node.path(key).asText() + "=" + node.path(value).asText()));
        return pairs;
    }
}
