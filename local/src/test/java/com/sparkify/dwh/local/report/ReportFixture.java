package com.sparkify.dwh.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.dwh.local.LocalPipeline;
import com.sparkify.dwh.local.cli.SparkifyCli;
import com.sparkify.dwh.local.generate.DataGenerator;
import com.sparkify.dwh.local.generate.GeneratorOptions;
import com.sparkify.dwh.local.runtime.LocalStateMachine;
import com.sparkify.dwh.local.runtime.StepTracker;
import com.sparkify.dwh.local.states.ExecutionListener;
import com.sparkify.dwh.local.states.ExecutionResult;
import com.sparkify.dwh.local.states.Sleeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Generated data loaded by the real state machine into a DuckDB file, with hostile text put into the
 * most played songs and artist, and the report written from it by the CLI: once per test JVM, shared by
 * the report's tests. Two more databases are made from it: one without the ledger, one with an empty
 * star schema.
 */
final class ReportFixture {

    /** A title that would run script if it reached the page unescaped. */
    static final String SCRIPT_TITLE = "</script><script>alert(1)</script>";
    /** Quotes, an ampersand, markup, non-ASCII, an emoji (a surrogate pair) and mis-encoded UTF-8. */
    static final String QUOTED_TITLE = "Don't \"stop\" & <b>go</b> \u2014 \u00dcn\u00efc\u00f8d\u00e9 \uD83C\uDFB5 \u00c3\u00a9\u00c3\u00a8";
    static final String HOSTILE_ARTIST = "<img src=x onerror=alert(2)> & Sons \"Ltd\" \u2028";

    private static ReportFixture shared;

    final Path folder;
    final DuckDbFile db;
    final Path html;
    final String cliOutput;
    final Path noLedgerHtml;
    final Path emptyHtml;

    private ReportFixture(Path folder) throws IOException {
        this.folder = folder;
        Path data = folder.resolve("data");
        new DataGenerator(new GeneratorOptions(60, 150, 3_000, 7)).generate(data);
        Path file = folder.resolve("report.duckdb");
        try (LocalPipeline pipeline = LocalPipeline.open(file, data, LocalPipeline.copySettings(null, 0))) {
            LocalStateMachine.Run run = pipeline.runStateMachine(
                    new ObjectMapper().createObjectNode().put("mode", "full"), Sleeper.scaled(0),
                    ExecutionListener.NONE, new StepTracker(step -> { }));
            assertThat(run.result().status()).as(run.result().cause()).isEqualTo(ExecutionResult.SUCCEEDED);
        }
        db = new DuckDbFile(file);
        List<List<Object>> topSongs = db.select("SELECT song_id FROM songplays WHERE song_id IS NOT NULL"
                + " GROUP BY song_id ORDER BY COUNT(*) DESC, song_id LIMIT 2");
        db.execute("UPDATE songs SET title = ? WHERE song_id = ?", SCRIPT_TITLE, topSongs.get(0).get(0));
        db.execute("UPDATE songs SET title = ? WHERE song_id = ?", QUOTED_TITLE, topSongs.get(1).get(0));
        Object topArtist = db.select("SELECT artist_id FROM songplays WHERE artist_id IS NOT NULL"
                + " GROUP BY artist_id ORDER BY COUNT(*) DESC, artist_id LIMIT 1").get(0).get(0);
        db.execute("UPDATE artists SET name = ? WHERE artist_id = ?", HOSTILE_ARTIST, topArtist);
        db.checkpoint();

        html = folder.resolve("report.html");
        String[] result = cli("report", "--db", file.toString(), "--out", html.toString());
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        cliOutput = result[1];

        DuckDbFile noLedger = copy(file, "no-ledger.duckdb");
        noLedger.execute("DROP TABLE load_ledger");
        noLedger.checkpoint();
        noLedgerHtml = folder.resolve("no-ledger.html");
        result = cli("report", "--db", noLedger.path().toString(), "--out", noLedgerHtml.toString());
        assertThat(result[0]).as(result[2]).isEqualTo("0");

        DuckDbFile empty = copy(file, "empty.duckdb");
        for (String table : List.of("songplays", "users", "songs", "artists", "time", "load_ledger")) {
            empty.execute("DELETE FROM " + table);
        }
        empty.checkpoint();
        emptyHtml = folder.resolve("empty.html");
        result = cli("report", "--db", empty.path().toString(), "--out", emptyHtml.toString());
        assertThat(result[0]).as(result[2]).isEqualTo("0");
    }

    static synchronized ReportFixture get() {
        if (shared == null) {
            try {
                Path folder = Path.of("target", "report-test").toAbsolutePath();
                deleteFolder(folder);
                Files.createDirectories(folder);
                shared = new ReportFixture(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    String page() {
        return read(html);
    }

    JsonNode figures() {
        return figuresOf(page());
    }

    /** The JSON the page embeds (the figures its charts are drawn from). */
    static JsonNode figuresOf(String page) {
        String open = "<script type=\"application/json\" id=\"" + ReportPage.DATA_ELEMENT + "\">";
        int start = page.indexOf(open);
        assertThat(start).as("the page embeds its figures").isPositive();
        int end = page.indexOf("</script>", start);
        try {
            return new ObjectMapper().readTree(page.substring(start + open.length(), end));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the CLI in-process: exit code, stdout, stderr. */
    static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SparkifyCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private DuckDbFile copy(Path file, String name) throws IOException {
        Path target = folder.resolve(name);
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        return new DuckDbFile(target);
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
