package com.sparkify.dwh.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI as a user drives it: exit codes, the run report, query output. */
class SparkifyCliTest {

    static final String QUIRKS = "src/test/resources/fixtures/quirks";

    @TempDir
    Path temp;

    record Result(int exitCode, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SparkifyCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void runPrintsEveryStepAndTheRowCountOfEveryTable() {
        Path db = temp.resolve("cli.duckdb");
        Result result = cli("run", "--data", QUIRKS, "--db", db.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("create tables", "stage songs", "stage events", "load users",
                "load songs", "load songplays", "load time", "check quality", "lock acquire", "read ledger",
                "record ledger", "lock release");
        // Figures worked out by hand for the fixture (see fixtures/quirks-expected/README.md).
        assertThat(result.out()).containsPattern("songplays\\s+14\\n");
        assertThat(result.out()).containsPattern("users\\s+5\\n");
        assertThat(result.out()).containsPattern("stage events\\s+33\\s+0\\s");
        assertThat(result.out()).contains("Execution history of").containsPattern("ExecutionStarted")
                .containsPattern("TaskScheduled\\s+Plan").containsPattern("ExecutionSucceeded");
        assertThat(Files.exists(db)).isTrue();
    }

    @Test
    void aFailedRunExitsNonZeroWithAOneLineCause() throws Exception {
        Path data = temp.resolve("bad");
        Files.createDirectories(data.resolve("song_data/A/A/A"));
        Files.createDirectories(data.resolve("log_data/2018/11"));
        Files.writeString(data.resolve("song_data/A/A/A/TRAAAAA128F00000.json"),
                "{\"song_id\":\"SOAAAAA12A8C000000\",\"artist_id\":\"ARAAAAA1187B000000\",\"title\":\"T\"}");
        Files.writeString(data.resolve("log_data/2018/11/2018-11-01-events.json"), "not json at all\n",
                StandardCharsets.UTF_8);

        Result result = cli("run", "--data", data.toString(), "--db", temp.resolve("bad.duckdb").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("SNS message to").contains("ExecutionFailed");
        assertThat(result.err().strip()).doesNotContain("\n")
                .startsWith("sparkify run failed: Sparkify.StatementFailed:")
                .contains("log_data/2018/11/2018-11-01-events.json line 1");
    }

    @Test
    void runRefusesAMissingDataFolder() {
        Result result = cli("run", "--data", temp.resolve("nowhere").toString(), "--db", temp.resolve("x.duckdb").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no data folder");
    }

    @Test
    void queryPrintsATableOrJson() throws Exception {
        Path db = temp.resolve("q.duckdb");
        assertThat(cli("run", "--data", QUIRKS, "--db", db.toString()).exitCode()).isZero();

        Result table = cli("query", "--db", db.toString(),
                "SELECT level, COUNT(*) AS plays FROM songplays GROUP BY level ORDER BY level");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).containsPattern("level \\| plays").contains("(2 rows)");

        Result json = cli("query", "--db", db.toString(), "--json",
                "SELECT user_id, level FROM users WHERE user_id IS NOT NULL ORDER BY user_id");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(json.out());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).has("user_id")).isTrue();
        assertThat(rows.get(0).has("level")).isTrue();
    }

    @Test
    void ledgerShowsWhatEachRunLoaded() throws Exception {
        Path db = temp.resolve("ledger.duckdb");
        assertThat(cli("run", "--data", QUIRKS, "--db", db.toString(), "--history", "none").exitCode()).isZero();
        assertThat(cli("run", "--data", QUIRKS, "--db", db.toString(), "--history", "none").exitCode()).isZero();

        Result runs = cli("ledger", "--db", db.toString(), "--json");
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(runs.out());
        // One run loaded everything (11 song files, 3 log files); the second found nothing new.
        assertThat(rows).hasSize(2);
        JsonNode events = rows.get(0).get("dataset").asText().equals("events") ? rows.get(0) : rows.get(1);
        assertThat(events.get("objects").asLong()).isEqualTo(3);
        assertThat(events.get("rows_loaded").asLong()).isEqualTo(33);
        assertThat(events.get("rows_rejected").asLong()).isZero();

        Result objects = cli("ledger", "--db", db.toString(), "--objects");
        assertThat(objects.exitCode()).as(objects.err()).isZero();
        assertThat(objects.out()).contains("s3://sparkify-local/log_data/2018/11/2018-11-04-events.json")
                .contains("(14 rows)");
    }

    @Test
    void queryReportsSqlErrorsAndAMissingDatabase() throws Exception {
        Path db = temp.resolve("q.duckdb");
        assertThat(cli("run", "--data", QUIRKS, "--db", db.toString()).exitCode()).isZero();

        Result bad = cli("query", "--db", db.toString(), "SELECT nope FROM songplays");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("nope");

        Result missing = cli("query", "--db", temp.resolve("absent.duckdb").toString(), "SELECT 1");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("run ./sparkify run first");
    }
}
