package com.sparkify.dwh.local.copy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.dwh.local.duckdb.RedshiftDialect;
import com.sparkify.dwh.local.duckdb.RedshiftDialect.LastCopy;
import com.sparkify.dwh.local.store.FolderObjectStore;
import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.store.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast path of the local COPY ({@link NativeJsonLoad}: DuckDB's read_json and SQL) against the Java
 * path (JsonRecordSplitter, AutoRecordMapper, ValueConverter), which is the reference for Redshift's
 * behaviour. Every case runs the same COPY three times, each time on a fresh in-memory DuckDB:
 * <ul>
 *   <li>on the Java path, keeping the rows loaded, the row count, the lines scanned per file
 *       (stl_load_commits) and the rejected rows (stl_load_errors), or the failure;</li>
 *   <li>with the fast path on. When it loads, all of that must be equal: same rows, same count, same
 *       lines per file, and no row the Java path rejected. When it declines, the attempt is rolled back
 *       and must leave nothing; the batch then runs again on the Java path, as Execution does, and must
 *       end as the Java run did. The fast path runs twice: reading columns typed where the values allow
 *       (as the pipeline does), and reading every column as JSON; the two must decide alike.</li>
 * </ul>
 * That property is checked by {@link #compare} for every case. On top of it: realistic Sparkify input
 * must take the fast path (else the speed work is for nothing), input that the Java path rejects or
 * handles specially must make it decline, and the rows of small realistic files are written out by hand,
 * so that neither path is its own reference.
 */
class NativeJsonLoadTest {

    /** The bucket of the per-test files, a folder under {@link #buckets}. */
    private static final String BUCKET = "sparkify";
    /** The committed generated sample (data/sample), as its own bucket. */
    private static final String SAMPLE_BUCKET = "sample";
    /** The fixtures of this test (src/test/resources/copy/fastpath), as their own bucket. */
    private static final String FIXTURE_BUCKET = "fastpath";
    /** The quirks fixtures of the end-to-end tests (src/test/resources/fixtures/quirks). */
    private static final String QUIRKS_BUCKET = "quirks";

    private static final String AWS = " IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole' REGION 'us-west-2'";

    /** sql/stage_events.sql's options, MAXERROR high enough that the Java path shows what it rejects. */
    private static final String EVENT_OPTIONS = " FORMAT AS JSON 'auto ignorecase' TIMEFORMAT 'epochmillisecs'"
            + " EMPTYASNULL BLANKSASNULL MAXERROR 10 COMPUPDATE OFF STATUPDATE OFF";
    /** sql/stage_songs.sql's options. */
    private static final String SONG_OPTIONS = " FORMAT AS JSON 'auto ignorecase' EMPTYASNULL BLANKSASNULL MAXERROR 10"
            + " COMPUPDATE OFF STATUPDATE OFF";

    @TempDir
    Path buckets;

    // ================================================================ the comparison

    /**
     * What one COPY left behind, all of it independent of query ids and clocks, so that two runs compare
     * with equals.
     *
     * @param rows        the target table, every column, sorted (ORDER BY ALL)
     * @param rowsLoaded  CopyResult.rowsLoaded, -1 when the COPY failed
     * @param linesScanned stl_load_commits.lines_scanned summed per file, as the pipeline's ledger reads it
     * @param rejections  stl_load_errors as "key:line column code"
     * @param failure     the CopyException message when the COPY failed, else null
     */
    record Load(List<List<Object>> rows, long rowsLoaded, Map<String, Long> linesScanned, List<String> rejections,
                String failure) {
    }

    /**
     * Both runs of one COPY.
     *
     * @param java     the Java path on a fresh database
     * @param fast     the fast path's load, or null when it declined
     * @param declined why the fast path declined, or null when it loaded
     * @param columnsReadAsJson the columns the fast path could not read typed, null when it declined
     */
    record Comparison(Load java, Load fast, String declined, List<String> columnsReadAsJson) {
    }

    /**
     * Runs {@code copy} on the Java path and with the fast path, each into a fresh database holding the
     * table of {@code redshiftDdl}, and checks the property every case must have.
     */
    private Comparison compare(String redshiftDdl, String copy) throws SQLException {
        Load java;
        try (Warehouse warehouse = new Warehouse(redshiftDdl, true)) {
            java = warehouse.copy(copy, false);
        }
        Comparison typed = compareFast(redshiftDdl, copy, java, true);
        Comparison untyped = compareFast(redshiftDdl, copy, java, false);
        // Reading columns typed changes the cost, never the decision.
        assertThat(untyped.declined() == null).as("whether the fast path loads, reading every column as JSON (%s)"
                + " and reading columns typed where it can (%s)", untyped.declined(), typed.declined())
                .isEqualTo(typed.declined() == null);
        return typed;
    }

    /** The fast path's run, reading columns typed where it can or every column as JSON, against the Java run. */
    private Comparison compareFast(String redshiftDdl, String copy, Load java, boolean typedColumns)
            throws SQLException {
        try (Warehouse warehouse = new Warehouse(redshiftDdl, typedColumns)) {
            Load fast;
            try {
                fast = warehouse.copy(copy, true);
            } catch (FastPathDeclined declined) {
                // Rolled back: the declined attempt must leave no row, no commit record, no error record.
                assertThat(warehouse.rows()).as("rows left by the declined fast path").isEmpty();
                assertThat(warehouse.linesScanned()).as("stl_load_commits left by the declined fast path").isEmpty();
                assertThat(warehouse.rejections()).as("stl_load_errors left by the declined fast path").isEmpty();
                // Execution's replay: the same COPY on the Java path, in the same database, ends as on a fresh one.
                assertThat(warehouse.copy(copy, false)).as("the Java path after the fast path declined")
                        .isEqualTo(java);
                return new Comparison(java, null, declined.getMessage(), null);
            }
            // Loading is a promise that the Java path would have loaded every record, and the same values.
            assertThat(fast).as("The fast path loaded (columns typed where it can: %s). It must load exactly what"
                    + " the Java path loads, and the Java path must have rejected nothing (else the fast path should"
                    + " have declined).%nJava path: %s%nfast path: %s", typedColumns, java, fast).isEqualTo(java);
            return new Comparison(java, fast, null, warehouse.lastResult.columnsReadAsJson());
        }
    }

    private static void assertTookTheFastPath(Comparison comparison) {
        assertThat(comparison.declined()).as("the fast path must load this input, yet it declined").isNull();
    }

    /** Realistic input must not only take the fast path but read every column typed, its cheapest way. */
    private static void assertReadEveryColumnTyped(Comparison comparison) {
        assertTookTheFastPath(comparison);
        assertThat(comparison.columnsReadAsJson()).as("columns the fast path read as JSON, not typed").isEmpty();
    }

    private static void assertDeclined(Comparison comparison) {
        assertThat(comparison.fast()).as("the fast path must decline this input, yet it loaded").isNull();
    }

    /** A fresh in-memory warehouse with one table, created as the local warehouse creates Redshift DDL. */
    private final class Warehouse implements AutoCloseable {

        private final DuckDBConnection root;
        private final LoadErrorLog errorLog;
        private final CopyEmulator emulator;
        private String table;
        /** The result of the last COPY that finished. */
        CopyEmulator.CopyResult lastResult;

        Warehouse(String redshiftDdl, boolean typedColumns) throws SQLException {
            emulator = new CopyEmulator(NativeJsonLoadTest.this::bucket, typedColumns);
            root = DriverManager.getConnection("jdbc:duckdb:").unwrap(DuckDBConnection.class);
            try (Statement statement = root.createStatement()) {
                // The same translation as the warehouse's: VARCHAR(n) becomes a CHECK that describeTarget reads.
                for (String sql : RedshiftDialect.rewrite(redshiftDdl, LastCopy.NONE)) {
                    statement.execute(sql);
                }
            }
            errorLog = new LoadErrorLog(root);
        }

        /** The COPY in a transaction of its own, committed when it returns; FastPathDeclined after a rollback. */
        Load copy(String sql, boolean fastPath) throws SQLException {
            CopyCommand command = CopyParser.parse(sql);
            table = command.table();
            try (DuckDBConnection transaction = root.duplicate().unwrap(DuckDBConnection.class)) {
                transaction.setAutoCommit(false);
                try {
                    CopyEmulator.CopyResult result = emulator.execute(command, transaction, errorLog, fastPath);
                    lastResult = result;
                    if (fastPath && !result.fastPath()) {
                        // Declined before writing anything (the strict JSON check, a glob character, a
                        // repeated object): the Java path loaded instead. Seen here as a decline, so the
                        // same checks apply: nothing remains after a rollback, and the replay ends as the
                        // Java path does.
                        transaction.rollback();
                        throw new FastPathDeclined("the Java path loaded");
                    }
                    transaction.commit();
                    return new Load(rows(), result.rowsLoaded(), linesScanned(), rejections(), null);
                } catch (CopyException failed) {
                    transaction.rollback();
                    if (fastPath) {
                        // The fast path never fails a COPY: this is the Java path's failure, after a decline.
                        throw new FastPathDeclined("the Java path failed the COPY: " + failed.getMessage());
                    }
                    return new Load(rows(), -1, linesScanned(), rejections(),
                            failed.getMessage().replaceAll("query \\d+", "query #"));
                } catch (FastPathDeclined declined) {
                    transaction.rollback();
                    throw declined;
                }
            }
        }

        List<List<Object>> rows() throws SQLException {
            List<List<Object>> rows = new ArrayList<>();
            try (Statement statement = root.createStatement();
                 ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY ALL")) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        Object value = result.getObject(i);
                        row.add(value instanceof Timestamp ? result.getObject(i, LocalDateTime.class) : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }

        Map<String, Long> linesScanned() throws SQLException {
            Map<String, Long> perFile = new LinkedHashMap<>();
            try (Statement statement = root.createStatement();
                 ResultSet result = statement.executeQuery("SELECT filename, SUM(lines_scanned) FROM stl_load_commits"
                         + " GROUP BY filename ORDER BY filename")) {
                while (result.next()) {
                    perFile.put(result.getString(1), result.getLong(2));
                }
            }
            return perFile;
        }

        List<String> rejections() throws SQLException {
            List<String> rejections = new ArrayList<>();
            try (Statement statement = root.createStatement();
                 ResultSet result = statement.executeQuery("SELECT filename, line_number, colname, err_code"
                         + " FROM stl_load_errors ORDER BY filename, line_number, colname")) {
                while (result.next()) {
                    String column = result.getString(3) == null ? "" : result.getString(3).strip();
                    rejections.add(result.getString(1).replaceFirst("^s3://[^/]+/", "") + ":" + result.getLong(2)
                            + " " + column + " " + result.getInt(4));
                }
            }
            return rejections;
        }

        @Override
        public void close() throws SQLException {
            root.close();
        }
    }

    private ObjectStore bucket(String name) {
        return switch (name) {
            case SAMPLE_BUCKET -> new FolderObjectStore(Path.of("..", "data", "sample"));
            case FIXTURE_BUCKET -> new FolderObjectStore(resource("/copy/fastpath"));
            case QUIRKS_BUCKET -> new FolderObjectStore(resource("/fixtures/quirks"));
            default -> new FolderObjectStore(buckets.resolve(name));
        };
    }

    private static Path resource(String name) {
        try {
            return Path.of(NativeJsonLoadTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    // ================================================================ helpers for cases

    private void put(String key, String content) {
        put(key, content.getBytes(StandardCharsets.UTF_8));
    }

    private void put(String key, byte[] content) {
        Path file = buckets.resolve(BUCKET).resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines joined by newlines, with a final newline. */
    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static LocalDateTime at(String isoUtc) {
        return LocalDateTime.parse(isoUtc);
    }

    /** A CREATE TABLE of sql/create_tables.sql, as the pipeline runs it (the file is on the classpath). */
    private static String pipelineDdl(String table) {
        return SqlCatalog.fromClasspath().render("create_tables").stream()
                .filter(sql -> sql.contains("CREATE TABLE IF NOT EXISTS " + table + " ("))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + table + " in create_tables.sql"));
    }

    private static String copyEvents(String from) {
        return "COPY staging_events FROM '" + from + "'" + AWS + EVENT_OPTIONS;
    }

    private static String copySongs(String from) {
        return "COPY staging_songs FROM '" + from + "'" + AWS + SONG_OPTIONS;
    }

    // ================================================================ 1. clean events

    /** Log files as DATA.md describes the real ones: every one of them must take the fast path. */
    @Nested
    class CleanEvents {

        private final String ddl = pipelineDdl("staging_events");

        @Test
        void threeHandCheckedEventsLoadOnTheFastPathAsWrittenOutHere() throws SQLException {
            // events/three: two objects on one line (a NextSong, then a logged-out Login with userId ""), then a
            // pretty-printed event with a unicode escape, raw UTF-8, mis-encoded UTF-8 (Ã, an escaped U+0083, Âº) and a decimal
            // written 180.42730; no newline at the end of the file.
            Comparison comparison = compare(ddl, copyEvents("s3://fastpath/events/three/"));

            assertReadEveryColumnTyped(comparison);
            assertThat(comparison.fast().rowsLoaded()).isEqualTo(3);
            assertThat(comparison.fast().linesScanned())
                    .containsExactly(Map.entry("s3://fastpath/events/three/2018-11-01-events.json", 3L));
            // Columns in staging_events order: artist, auth, firstname, gender, iteminsession, lastname, length,
            // level, location, method, page, registration, sessionid, song, status, ts, useragent, userid.
            // Timestamps worked out with `date -u -d @<seconds>`; registration is the float in epoch ms.
            assertThat(comparison.fast().rows()).containsExactlyInAnyOrder(
                    row("Des'ree", "Logged In", "Kaylee", "F", 1, "Summers", 246.30812, "free",
                            "Phoenix-Mesa-Scottsdale, AZ", "PUT", "NextSong", 1540344794796.0, 139, "You Gotta Be", 200,
                            at("2018-11-01T21:01:46.796"),
                            "\"Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko)"
                                    + " Chrome/35.0.1916.153 Safari/537.36\"", "8"),
                    // EMPTYASNULL: the userId "" of a logged-out event is NULL, like its null names.
                    row(null, "Logged Out", null, null, 0, null, null, "paid", null, "PUT", "Login", null, 52, null, 307,
                            at("2018-11-03T01:04:33.796"), null, null),
                    // The mis-encoded title loads as written, not repaired: T, U+00C3, U+0083, U+00C2, U+00BA.
                    row("Beyonc\u00e9", "Logged In", "Jayden", "M", 3, "N\u00fa\u00f1ez", 180.4273, "paid",
                            "New Orleans-Metairie, LA", "PUT", "NextSong", 1540919166796.0, 700,
                            "T\u00c3\u0083\u00c2\u00ba", 200, at("2018-11-01T20:57:10.796"),
                            "\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko)"
                                    + " Chrome/36.0.1985.143 Safari/537.36\"", "101"));
        }

        @Test
        void aDayOfEventsNewlineDelimitedAndPrettyPrintedTakesTheFastPath() throws SQLException {
            // events/day: 17 events one per line (all 13 page kinds, level changes, logged-out events, escaped
            // quotes and slashes, mis-encodings written as unicode escapes, no final newline) and 5 pretty-printed ones, some
            // starting on the line where the previous one ends ("}{" and "} {"), one with CRLF line ends.
            Comparison comparison = compare(ddl, copyEvents("s3://fastpath/events/"));

            assertReadEveryColumnTyped(comparison);
            assertThat(comparison.fast().rowsLoaded()).isEqualTo(3 + 17 + 5);
            assertThat(comparison.fast().linesScanned().values()).containsExactly(17L, 5L, 3L);
            // Spot checks that do not come from either path: escapes decoded once, "" nulled.
            assertThat(comparison.fast().rows()).contains(
                    row("Mat\u00c3\u0083\u00c2\u00adas Dam\u00e1sio", "Logged In", "Tegan", "F", 36, "Levine", 259.23873,
                            "free", "Portland-South Portland, ME", "PUT", "NextSong", 1540794356796.0, 602,
                            "Loucos De Lisboa \"ao vivo\" / remix", 200, at("2018-11-12T08:30:36.796"),
                            "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; WOW64; Trident/6.0)", "80"),
                    row(null, "Logged Out", null, null, 4, null, null, "free", null, "PUT", "Login", null, 172, null, 307,
                            at("2018-11-13T00:13:19.796"), null, null));
        }

        @Test
        void theCommittedSampleThroughAManifestTakesTheFastPath() throws SQLException, IOException {
            // data/sample: 30 generated log files, loaded as the pipeline loads them, through a manifest.
            put("manifests/events.manifest", manifest(Path.of("..", "data", "sample"), "log_data/"));

            Comparison comparison = compare(ddl, "COPY staging_events FROM 's3://sparkify/manifests/events.manifest'"
                    + AWS + " MANIFEST" + EVENT_OPTIONS);

            assertReadEveryColumnTyped(comparison);
            assertThat(comparison.fast().linesScanned()).hasSize(30);
            assertThat(comparison.fast().rowsLoaded()).isGreaterThan(1000);
        }

        @Test
        void theEndToEndQuirksFixturesLoadTheSameWhicheverPath() throws SQLException {
            // fixtures/quirks is built to hold every DATA.md quirk, maybe rows to reject: only the property.
            compare(ddl, copyEvents("s3://quirks/log_data/"));
        }
    }

    /** A manifest listing, as mandatory, every file under {@code prefix} of the sample bucket. */
    private static String manifest(Path bucketRoot, String prefix) throws IOException {
        List<String> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(bucketRoot.resolve(prefix))) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> entries.add(
                    "{\"url\": \"s3://" + SAMPLE_BUCKET + "/" + bucketRoot.relativize(file).toString().replace('\\', '/')
                            + "\", \"mandatory\": true}"));
        }
        return "{\"entries\": [\n" + String.join(",\n", entries) + "\n]}\n";
    }

    // ================================================================ 2. clean songs

    /** Song files as DATA.md describes the real ones: every one of them must take the fast path. */
    @Nested
    class CleanSongs {

        private final String ddl = pipelineDdl("staging_songs");

        @Test
        void threeHandCheckedSongsLoadOnTheFastPathAsWrittenOutHere() throws SQLException {
            // songs/three: a pretty-printed song with its keys in alphabetical order, null latitude/longitude, ""
            // location and year 0; a file holding two songs, the first with numbers where text is expected
            // ("artist_location": 27, "artist_name": 112), the second repeating the first file's song_id.
            Comparison comparison = compare(ddl, copySongs("s3://fastpath/songs/three/"));

            assertReadEveryColumnTyped(comparison);
            assertThat(comparison.fast().rowsLoaded()).isEqualTo(3);
            assertThat(comparison.fast().linesScanned()).containsExactly(
                    Map.entry("s3://fastpath/songs/three/A/A/B/TRAABJL12903CDCF1A.json", 1L),
                    Map.entry("s3://fastpath/songs/three/A/B/C/TRABCEI128F424C983.json", 2L));
            // num_songs, artist_id, artist_latitude, artist_longitude, artist_location, artist_name, song_id,
            // title, duration, year.
            assertThat(comparison.fast().rows()).containsExactlyInAnyOrder(
                    // EMPTYASNULL: "" location is NULL.
                    row(1, "ARJIE2Y1187B994AB7", null, null, null, "Line Renaud", "SOUPIRU12A6D4FA1E1",
                            "Der Kleine Dompfaff", 152.92036, 0),
                    // JSON integers into text load as their digits.
                    row(1, "ARNF6401187FB57032", 40.79086, -73.96644, "27", "112", "SOLLHMX12AB01846DC", "Only You",
                            238.54975, 1996),
                    row(1, "ARJIE2Y1187B994AB7", 48.85692, 2.34121, "Paris, France", "Line Renaud", "SOUPIRU12A6D4FA1E1",
                            "\u00c9toile des neiges \"live\" & more", 171.57179, 1949));
        }

        @Test
        void moreSongsWithAccentsMisEncodingsAndCjkTakeTheFastPath() throws SQLException {
            Comparison comparison = compare(ddl, copySongs("s3://fastpath/songs/"));

            assertReadEveryColumnTyped(comparison);
            assertThat(comparison.fast().rowsLoaded()).isEqualTo(3 + 4);
            assertThat(comparison.fast().rows()).contains(
                    row(1, "ARH4Z031187FB3A8F1", null, null, "G\u00f6teborg, Sweden",
                            "Jos\u00c3\u0083\u00c2\u00a9 Gonz\u00c3\u0083\u00c2\u00a1lez", "SOZCTXZ12AB0182364",
                            "T\u00c3\u0083\u00c2\u00ba", 180.4273, 2003),
                    row(1, "AR8IEZO1187B99055E", 35.53074, 139.70207, "Kawasaki, Japan", "\u5742\u672c\u4e5d",
                            "SOINLJW12A8C13314C", "\u4e0a\u3092\u5411\u3044\u3066\u6b69\u3053\u3046", 185.05098, 1961));
        }

        @Test
        void theCommittedSampleThroughAManifestTakesTheFastPath() throws SQLException, IOException {
            put("manifests/songs.manifest", manifest(Path.of("..", "data", "sample"), "song_data/"));

            Comparison comparison = compare(ddl, "COPY staging_songs FROM 's3://sparkify/manifests/songs.manifest'"
                    + AWS + " MANIFEST" + SONG_OPTIONS);

            assertReadEveryColumnTyped(comparison);
            assertThat(comparison.fast().linesScanned()).hasSize(300);
        }

        @Test
        void theEndToEndQuirksFixturesLoadTheSameWhicheverPath() throws SQLException {
            compare(ddl, copySongs("s3://quirks/song_data/"));
        }
    }

    // ================================================================ 3. what the fast path must decline

    /**
     * A small table with a column of each type the fast path converts, none of them NOT NULL (so that a
     * bad record is never caught by a NOT NULL check by chance). Columns lower-case, keys camelCase.
     */
    private static final String PLAYS = """
            CREATE TABLE plays (
                sessionid     INTEGER,
                iteminsession SMALLINT,
                userid        VARCHAR(8),
                artist        VARCHAR(64),
                length        DOUBLE PRECISION,
                ts            TIMESTAMP
            )""";

    private static final String COPY_PLAYS = "COPY plays FROM 's3://sparkify/plays/'" + AWS + EVENT_OPTIONS;

    /** A good record for PLAYS. */
    private static String play(int sessionId) {
        return "{\"sessionId\": " + sessionId + ", \"itemInSession\": 0, \"userId\": \"8\", \"artist\": \"Des'ree\","
                + " \"length\": 246.30812, \"ts\": 1541106106796}";
    }

    /** The row of {@link #play}. */
    private static List<Object> playRow(int sessionId) {
        return row(sessionId, (short) 0, "8", "Des'ree", 246.30812, at("2018-11-01T21:01:46.796"));
    }

    /** Two good records around one bad one, in plays/p.json; the bad one is line 2. */
    private Comparison playsAround(String bad) throws SQLException {
        put("plays/p.json", lines(play(1), bad, play(3)));
        return compare(PLAYS, COPY_PLAYS);
    }

    /** Malformed input and records that are not objects: the Java path rejects them, the fast path declines. */
    @Nested
    class NotAnObject {

        @Test
        void aMissingClosingBrace() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2, \"artist\": \"x\"");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2  1216");
            assertThat(comparison.java().rows()).containsExactly(playRow(1), playRow(3));
        }

        @Test
        void aRootArray() throws SQLException {
            Comparison comparison = playsAround("[{\"sessionId\": 2}]");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2  1216");
        }

        @Test
        void aScalarString() throws SQLException {
            Comparison comparison = playsAround("\"str\"");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2  1216");
        }

        @Test
        void aScalarNumber() throws SQLException {
            Comparison comparison = playsAround("42");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2  1216");
        }

        @Test
        void aNullRecord() throws SQLException {
            // "The JSON data structure is made up of a set of objects or arrays": a bare null is neither. Between
            // two objects DuckDB's reader fails on it; see the next two cases for where it does not.
            Comparison comparison = playsAround("null");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2  1216");
        }

        @Test
        void aNullRecordAloneInAFile() throws SQLException {
            // Alone in its file (or last in it), DuckDB's read_json takes a bare null for a record whose keys are
            // all missing: a row of NULLs, which plays (no NOT NULL column) accepts.
            put("plays/p.json", lines(play(1)));
            put("plays/q.json", lines("null"));

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/q.json:1  1216");
        }

        @Test
        void aNullRecordAtTheEndOfAFile() throws SQLException {
            put("plays/p.json", lines(play(1), play(2), "null"));

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:3  1216");
        }

        @Test
        void anEmptyObjectIsARowOfNullsWhicheverPath() throws SQLException {
            Comparison comparison = playsAround("{}");

            assertTookTheFastPath(comparison);
            assertThat(comparison.fast().rows()).contains(row(null, null, null, null, null, null));
        }

        @Test
        void strayTextBetweenObjects() throws SQLException {
            put("plays/p.json", lines(play(1) + " oops " + play(2), play(3)));

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:1  1216");
            assertThat(comparison.java().rows()).containsExactly(playRow(1), playRow(2), playRow(3));
        }

        @Test
        void aCommaBetweenObjects() throws SQLException {
            put("plays/p.json", play(1) + ",\n" + play(2) + "\n");

            assertDeclined(compare(PLAYS, COPY_PLAYS));
        }

        @Test
        void aTrailingCommaInAnObject() throws SQLException {
            // Not JSON (RFC 8259; Redshift: "the pairs are separated by commas"). DuckDB's reader allows it.
            Comparison comparison = playsAround("{\"sessionId\": 2, \"artist\": \"x\",}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2  1216");
        }

        @Test
        void aTrailingCommaInANestedArrayOfAnIgnoredKey() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2, \"tags\": [1, 2,]}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2  1216");
        }

        @Test
        void aLineBreakInsideAString() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2, \"artist\": \"Des'\nree\"}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).isNotEmpty();
        }

        @Test
        void bytesThatAreNotUtf8() throws SQLException {
            byte[] latin1 = ("{\"sessionId\": 2, \"artist\": \"Jos\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1);
            byte[] good1 = (play(1) + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] good3 = ("\n" + play(3) + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] file = new byte[good1.length + latin1.length + good3.length];
            System.arraycopy(good1, 0, file, 0, good1.length);
            System.arraycopy(latin1, 0, file, good1.length, latin1.length);
            System.arraycopy(good3, 0, file, good1.length + latin1.length, good3.length);
            put("plays/p.json", file);

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2  1216");
        }

        @Test
        void aFormFeedBetweenObjects() throws SQLException {
            // JSON white space is space, tab, line feed and carriage return (RFC 8259); the Java path rejects the
            // form feed as a character outside any object. DuckDB's reader skips it.
            put("plays/p.json", play(1) + "\f" + play(2) + "\n");

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:1  1216");
        }

        @Test
        void anObjectLargerThan4Mb() throws SQLException {
            // "The maximum size of a JSON object in Amazon Redshift is 4 MB, which applies before any shredding
            // or parsing" (Using COPY to load data into SUPER columns). The Java path fails the COPY.
            String head = "{\"sessionId\": 2, \"padding\": \"";
            String tail = "\"}";
            int size = JsonRecordSplitter.MAX_RECORD_BYTES + 1;
            Comparison comparison = playsAround(head + "x".repeat(size - head.length() - tail.length()) + tail);

            assertDeclined(comparison);
            assertThat(comparison.java().failure()).contains("4 MB");
        }

        @Test
        void anObjectOfExactly4MbLoadsTheSameWhicheverPath() throws SQLException {
            String head = "{\"sessionId\": 2, \"padding\": \"";
            String tail = "\"}";
            int size = JsonRecordSplitter.MAX_RECORD_BYTES;
            Comparison comparison = playsAround(head + "x".repeat(size - head.length() - tail.length()) + tail);

            assertThat(comparison.java().rowsLoaded()).isEqualTo(3);
        }

        @Test
        void aNestedObjectWhoseBraceStartsALine() throws SQLException {
            // Valid JSON, but its nested object opens in the first column of a line, which the Java path's
            // splitter takes for the start of a new record after a missing brace (JsonRecordSplitter's recovery
            // rule). Whatever is right, both paths must agree: declining is the fast path's way to agree.
            Comparison comparison = playsAround("{\"sessionId\": 2, \"extra\":\n{\"a\": 1}}");

            assertThat(comparison.java().rejections()).isNotEmpty();
            assertDeclined(comparison);
        }
    }

    /** Keys: duplicates, spellings, and JSON 'auto' (case-sensitive) against 'auto ignorecase'. */
    @Nested
    class Keys {

        private static final String USERS = "CREATE TABLE users (userid VARCHAR(8), firstname VARCHAR(32), level VARCHAR(8))";

        /** The users/ files copied into USERS with JSON {@code format} ('auto' or 'auto ignorecase'). */
        private Comparison copyUsers(String format) throws SQLException {
            return compare(USERS, "COPY users FROM 's3://sparkify/users/'" + AWS + " FORMAT AS JSON '" + format + "'");
        }

        @Test
        void aDuplicateKeyDeclinesAndTheJavaPathTakesTheFirst() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2, \"artist\": \"first\", \"artist\": \"second\"}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).isEmpty();
            assertThat(comparison.java().rows()).contains(row(2, null, null, "first", null, null));
        }

        @Test
        void aDuplicateKeyOfAColumnNotLoadedLoadsTheSameWhicheverPath() throws SQLException {
            // DuckDB's reader refuses duplicates among the keys it is asked for only; the Java path skips keys it
            // does not map. Either way nothing is rejected and the row is the same.
            Comparison comparison = playsAround("{\"sessionId\": 2, \"bogus\": 1, \"bogus\": 2}");

            assertThat(comparison.java().rejections()).isEmpty();
            assertThat(comparison.java().rows()).contains(row(2, null, null, null, null, null));
        }

        @Test
        void aKeyWrittenWithEscapesIsTheKeyItSpells() throws SQLException {
            Comparison comparison = playsAround("{\"session\\u0049d\": 2, \"\\u0061rtist\": \"x\"}");

            assertThat(comparison.java().rows()).contains(row(2, null, null, "x", null, null));
        }

        @Test
        void oneColumnsKeySpelledTwoWaysInDifferentRecordsDeclinesUnderIgnorecase() throws SQLException {
            put("users/u.json", lines(
                    "{\"userId\": \"39\", \"firstName\": \"Walter\", \"level\": \"free\"}",
                    "{\"userId\": \"8\", \"FIRSTNAME\": \"Kaylee\", \"level\": \"paid\"}"));

            Comparison comparison = copyUsers("auto ignorecase");

            assertDeclined(comparison);
            assertThat(comparison.java().rows()).containsExactlyInAnyOrder(
                    row("39", "Walter", "free"), row("8", "Kaylee", "paid"));
        }

        @Test
        void oneColumnsKeySpelledTwoWaysInDifferentFilesDeclinesUnderIgnorecase() throws SQLException {
            put("users/a.json", lines("{\"userId\": \"39\", \"firstName\": \"Walter\", \"level\": \"free\"}"));
            put("users/b.json", lines("{\"userid\": \"8\", \"firstName\": \"Kaylee\", \"level\": \"paid\"}"));

            Comparison comparison = copyUsers("auto ignorecase");

            assertDeclined(comparison);
            assertThat(comparison.java().rows()).containsExactlyInAnyOrder(
                    row("39", "Walter", "free"), row("8", "Kaylee", "paid"));
        }

        @Test
        void oneSpellingPerColumnWhateverItsCaseTakesTheFastPathUnderIgnorecase() throws SQLException {
            put("users/u.json", lines(
                    "{\"USERID\": \"39\", \"FirstName\": \"Walter\", \"LEVEL\": \"free\", \"Bogus\": 1}",
                    "{\"LEVEL\": \"paid\", \"USERID\": \"8\", \"FirstName\": \"Kaylee\"}"));

            Comparison comparison = copyUsers("auto ignorecase");

            assertTookTheFastPath(comparison);
            assertThat(comparison.fast().rows()).containsExactlyInAnyOrder(
                    row("39", "Walter", "free"), row("8", "Kaylee", "paid"));
        }

        @Test
        void autoIsCaseSensitiveOnBothPaths() throws SQLException {
            // "With this option, matching is case-sensitive": camelCase keys fill nothing; only "level",
            // spelled as its column, loads.
            put("users/u.json", lines(
                    "{\"userId\": \"39\", \"firstName\": \"Walter\", \"level\": \"free\"}",
                    "{\"userId\": \"8\", \"firstName\": \"Kaylee\", \"level\": \"paid\"}"));

            Comparison comparison = copyUsers("auto");

            assertTookTheFastPath(comparison);
            assertThat(comparison.fast().rows()).containsExactlyInAnyOrder(
                    row(null, null, "free"), row(null, null, "paid"));
        }

        @Test
        void autoWithTheSameKeyInTwoCasesInOneRecord() throws SQLException {
            put("users/u.json", lines("{\"level\": \"free\", \"LEVEL\": \"paid\", \"userid\": \"39\"}"));

            Comparison comparison = copyUsers("auto");

            assertThat(comparison.java().rows()).containsExactly(row("39", null, "free"));
        }
    }

    /** Values the Java path rejects, or converts in a way the fast path does not reproduce. */
    @Nested
    class Values {

        @Test
        void aDecimalNumberIntoTextLoadsItsLiteralOnTheJavaPath() throws SQLException {
            // DuckDB would give the double back re-printed (1.50 as 1.5): the fast path leaves it to the Java path.
            Comparison comparison = playsAround("{\"sessionId\": 2, \"userId\": 1.50}");

            assertDeclined(comparison);
            assertThat(comparison.java().rows()).contains(row(2, null, "1.50", null, null, null));
        }

        @Test
        void anObjectIntoTextLoadsItsJsonTextOnTheJavaPath() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2, \"artist\": {\"a\": [1, 2], \"b\": null}}");

            assertDeclined(comparison);
            assertThat(comparison.java().rows()).contains(row(2, null, null, "{\"a\": [1, 2], \"b\": null}", null, null));
        }

        @Test
        void anArrayIntoText() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2, \"artist\": [1, \"two\"]}");

            assertDeclined(comparison);
            assertThat(comparison.java().rows()).contains(row(2, null, null, "[1, \"two\"]", null, null));
        }

        @Test
        void textLongerThanItsVarcharIsRejected() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2, \"userId\": \"123456789\"}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2 userid 1204");
        }

        @Test
        void theLengthIsInBytesNotCharacters() throws SQLException {
            // Five characters, ten UTF-8 bytes, into VARCHAR(8).
            Comparison comparison = playsAround("{\"sessionId\": 2, \"userId\": \"\u00e9\u00e9\u00e9\u00e9\u00e9\"}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2 userid 1204");
        }

        @Test
        void textOfExactlyItsVarcharLengthTakesTheFastPath() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2, \"userId\": \"\u00e9\u00e9\u00e9\u00e9\"}");

            assertTookTheFastPath(comparison);
            assertThat(comparison.fast().rows()).contains(row(2, null, "\u00e9\u00e9\u00e9\u00e9", null, null, null));
        }

        @Test
        void aNumericStringWithSpacesLoadsStrippedOnTheJavaPath() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": \" 12 \"}");

            assertDeclined(comparison);
            assertThat(comparison.java().rows()).contains(row(12, null, null, null, null, null));
        }

        @Test
        void anIntegerOutOfRangeForInteger() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2147483648}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2 sessionid 1204");
        }

        @Test
        void aNumericStringOutOfRangeForInteger() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": \"-2147483649\"}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2 sessionid 1204");
        }

        @Test
        void anIntegerOutOfRangeForSmallint() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2, \"itemInSession\": 32768}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2 iteminsession 1204");
        }

        @Test
        void anIntegerBeyondBigintIntoText() throws SQLException {
            // Above 2^64 DuckDB keeps the number as a double: the fast path cannot know its digits.
            Comparison comparison = playsAround("{\"sessionId\": 2, \"artist\": 123456789012345678901234567890}");

            assertDeclined(comparison);
            assertThat(comparison.java().rows()).contains(row(2, null, null, "123456789012345678901234567890", null, null));
        }

        @Test
        void aDecimalIntoAnIntegerColumnIsRejected() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2.0}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2 sessionid 1207");
        }

        @Test
        void aBooleanIntoAnIntegerColumnIsRejected() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": true}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2 sessionid 1207");
        }

        @Test
        void tsAsAStringLoadsOnTheJavaPath() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2, \"ts\": \"1541106106796\"}");

            assertDeclined(comparison);
            assertThat(comparison.java().rows()).contains(row(2, null, null, null, null, at("2018-11-01T21:01:46.796")));
        }

        @Test
        void tsAsADecimalKeepsItsMicrosecondsOnTheJavaPath() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2, \"ts\": 1541106106796.5}");

            assertDeclined(comparison);
            assertThat(comparison.java().rows()).contains(row(2, null, null, null, null, at("2018-11-01T21:01:46.796500")));
        }

        @Test
        void tsAsANonNumericStringIsRejected() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2, \"ts\": \"2018-11-01 21:01:46\"}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2 ts 1206");
        }

        @Test
        void aNumberIntoADoubleFromAStringThatIsNotANumberIsRejected() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2, \"length\": \"long\"}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2 length 1208");
        }

        @Test
        void nanIsNotJson() throws SQLException {
            // JSON numbers have no NaN (RFC 8259, and Redshift's own list of JSON values); DuckDB's reader accepts
            // it as a double, and would load NaN into length.
            Comparison comparison = playsAround("{\"sessionId\": 2, \"length\": NaN}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2  1216");
        }

        @Test
        void infinityIsNotJson() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2, \"length\": -Infinity}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2  1216");
        }

        @Test
        void aNumberTooLargeForADoubleIsRejected() throws SQLException {
            // 1e400 overflows DOUBLE PRECISION: the Java path rejects it; DuckDB casts it to Infinity.
            Comparison comparison = playsAround("{\"sessionId\": 2, \"length\": 1e400}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2 length 1204");
        }

        @Test
        void aNumericStringTooLargeForADoubleIsRejected() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2, \"length\": \"1e400\"}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("plays/p.json:2 length 1204");
        }
    }

    /** NOT NULL columns: a record without a value for one is rejected (1213), so the fast path declines. */
    @Nested
    class NotNull {

        private static final String STRICT = """
                CREATE TABLE strict_plays (
                    sessionid INTEGER NOT NULL,
                    userid    VARCHAR(8) NOT NULL,
                    ts        TIMESTAMP NOT NULL
                )""";

        private Comparison strictAround(String bad) throws SQLException {
            put("strict/s.json", lines(
                    "{\"sessionId\": 1, \"userId\": \"8\", \"ts\": 1541106106796}",
                    bad,
                    "{\"sessionId\": 3, \"userId\": \"8\", \"ts\": 1541106106796}"));
            return compare(STRICT, "COPY strict_plays FROM 's3://sparkify/strict/'" + AWS + EVENT_OPTIONS);
        }

        @Test
        void aMissingKey() throws SQLException {
            Comparison comparison = strictAround("{\"userId\": \"8\", \"ts\": 1541106106796}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("strict/s.json:2 sessionid 1213");
        }

        @Test
        void aJsonNull() throws SQLException {
            Comparison comparison = strictAround("{\"sessionId\": 2, \"userId\": \"8\", \"ts\": null}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("strict/s.json:2 ts 1213");
        }

        @Test
        void anEmptyStringNulledByEmptyasnull() throws SQLException {
            Comparison comparison = strictAround("{\"sessionId\": 2, \"userId\": \"\", \"ts\": 1541106106796}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("strict/s.json:2 userid 1213");
        }

        @Test
        void aBlankStringIntoANumberIsNullSoRejected() throws SQLException {
            Comparison comparison = strictAround("{\"sessionId\": \"  \", \"userId\": \"8\", \"ts\": 1541106106796}");

            assertDeclined(comparison);
            assertThat(comparison.java().rejections()).containsExactly("strict/s.json:2 sessionid 1213");
        }

        @Test
        void allPresentTakesTheFastPath() throws SQLException {
            assertTookTheFastPath(strictAround("{\"sessionId\": 2, \"userId\": \"8\", \"ts\": 0}"));
        }
    }

    // ================================================================ 4. blanks and empties

    /**
     * "" and white space, in text and in numbers, under each combination of EMPTYASNULL and BLANKSASNULL.
     * Expected values from the COPY documentation: "Empty strings for other data types, such as INT, are
     * always loaded with NULL"; EMPTYASNULL nulls "" in text, BLANKSASNULL nulls text of white space only.
     */
    @Nested
    class BlanksAndEmpties {

        private static final String TABLE = """
                CREATE TABLE blanks (
                    id     INTEGER,
                    label  VARCHAR(16),
                    amount INTEGER,
                    ratio  DOUBLE PRECISION,
                    seen   TIMESTAMP
                )""";

        static Stream<Arguments> options() {
            // options, then the expected label of "" , " ", "\t \n" (JSON escapes), " x "
            return Stream.of(
                    Arguments.of("", "", " ", "\t \n", " x "),
                    Arguments.of(" EMPTYASNULL", null, " ", "\t \n", " x "),
                    Arguments.of(" BLANKSASNULL", "", null, null, " x "),
                    Arguments.of(" EMPTYASNULL BLANKSASNULL", null, null, null, " x "));
        }

        @ParameterizedTest(name = "[{index}] options:{0}")
        @MethodSource("options")
        void loadTheSameWhicheverPath(String options, String empty, String space, String whitespace, String padded)
                throws SQLException {
            put("blanks/b.json", lines(
                    "{\"id\": 1, \"label\": \"\", \"amount\": \"\", \"ratio\": \"\", \"seen\": \"\"}",
                    "{\"id\": 2, \"label\": \" \", \"amount\": \" \", \"ratio\": \" \", \"seen\": \" \"}",
                    "{\"id\": 3, \"label\": \"\\t \\n\", \"amount\": \"\\t\", \"ratio\": \"\\r\\n\", \"seen\": \"\\t\"}",
                    "{\"id\": 4, \"label\": \" x \", \"amount\": 7, \"ratio\": 0.5, \"seen\": 0}"));

            Comparison comparison = compare(TABLE, "COPY blanks FROM 's3://sparkify/blanks/'" + AWS
                    + " FORMAT AS JSON 'auto' TIMEFORMAT 'epochmillisecs'" + options);

            // Both paths: numbers and timestamps from blank strings are NULL whatever the options.
            assertThat(comparison.java().rows()).containsExactlyInAnyOrder(
                    row(1, empty, null, null, null),
                    row(2, space, null, null, null),
                    row(3, whitespace, null, null, null),
                    row(4, padded, 7, 0.5, at("1970-01-01T00:00")));
        }

        @Test
        void theRealisticCaseTakesTheFastPath() throws SQLException {
            // The pipeline's options and the pipeline's blanks: userId "" of logged-out events.
            put("blanks/b.json", lines(
                    "{\"id\": 1, \"label\": \"\"}",
                    "{\"id\": 2, \"label\": \"   \"}",
                    "{\"id\": 3, \"label\": null, \"amount\": \"\", \"ratio\": \" \"}"));

            Comparison comparison = compare(TABLE, "COPY blanks FROM 's3://sparkify/blanks/'" + AWS
                    + " FORMAT AS JSON 'auto' EMPTYASNULL BLANKSASNULL");

            assertTookTheFastPath(comparison);
            assertThat(comparison.fast().rows()).containsExactly(
                    row(1, null, null, null, null), row(2, null, null, null, null), row(3, null, null, null, null));
        }

        @Test
        void blankTextTooLongForItsColumnIsRejectedEvenWhenItWouldBeNulled() throws SQLException {
            // 20 spaces into VARCHAR(16): the Java path checks the length of text it keeps only, so with
            // BLANKSASNULL this loads NULL; the fast path declines on the length whatever the options.
            put("blanks/b.json", lines("{\"id\": 1, \"label\": \"" + " ".repeat(20) + "\"}"));

            Comparison comparison = compare(TABLE, "COPY blanks FROM 's3://sparkify/blanks/'" + AWS
                    + " FORMAT AS JSON 'auto' BLANKSASNULL MAXERROR 5");

            assertThat(comparison.java().rows()).containsExactly(row(1, null, null, null, null));
        }
    }

    // ================================================================ numbers and text at the edges

    /** Conversions both paths do, at their edges: if the fast path loads, it must load what the Java path does. */
    @Nested
    class Conversions {

        @Test
        void integersBooleansAndNumericStringsTheFastPathConverts() throws SQLException {
            // A JSON integer and a boolean into text keep their literal; numeric strings fill numbers; "+5" and
            // leading zeros are plain integers; an integer fills a double; whole epoch millis fill ts.
            Comparison comparison = playsAround("{\"sessionId\": \"+5\", \"itemInSession\": \"007\", \"userId\": true,"
                    + " \"artist\": -9223372036854775808, \"length\": 200, \"ts\": -1}");

            assertTookTheFastPath(comparison);
            assertThat(comparison.fast().rows()).contains(
                    row(5, (short) 7, "true", "-9223372036854775808", 200.0, at("1969-12-31T23:59:59.999")));
            // Strings into numbers, a boolean and a 20-character integer into text: those columns are read as
            // JSON; a whole number into a double and epoch millis are still read typed.
            assertThat(comparison.columnsReadAsJson()).containsExactly("sessionid", "iteminsession", "userid", "artist");
        }

        @Test
        void doublesHardToRoundWrittenAsNumbersAreReadTyped() throws SQLException {
            // DuckDB's own number parsing (typed DOUBLE) against Java's, on values at the edges of rounding.
            put("plays/p.json", HARD_DOUBLES + lines(
                    "{\"sessionId\": 6, \"length\": 1e-400}",
                    "{\"sessionId\": 7, \"length\": -0.0}",
                    "{\"sessionId\": 8, \"length\": 123456789012345678}"));

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertReadEveryColumnTyped(comparison);
            assertThat(comparison.fast().rows()).extracting(row -> row.get(4))
                    .containsExactly((Object[]) hardDoublesAnd(0.0, 0.0, 123456789012345678.0));
            // -0.0 loads as 0.0 on both paths: the Java path reads numbers as BigDecimal, which has no -0.
        }

        @Test
        void minusZeroIntoTextKeepsItsLiteral() throws SQLException {
            // A number into text loads "its literal digits" (ValueConverter): -0 is "-0". DuckDB reads -0 as the
            // integer 0, so the fast path would load "0".
            Comparison comparison = playsAround("{\"sessionId\": 2, \"artist\": -0}");

            assertThat(comparison.java().rows()).contains(row(2, null, null, "-0", null, null));
        }

        /** Lengths at the edges of rounding, as sessions 1 to 5, and the doubles they are. */
        private static final String HARD_DOUBLES = lines(
                "{\"sessionId\": 1, \"length\": 2.2250738585072011e-308}",
                "{\"sessionId\": 2, \"length\": 4.9406564584124654e-324}",
                "{\"sessionId\": 3, \"length\": 1.7976931348623157e308}",
                "{\"sessionId\": 4, \"length\": 9007199254740993}",
                "{\"sessionId\": 5, \"length\": 0.1000000000000000055511151231257827}");
        private static final Double[] HARD_DOUBLES_READ = {
                Double.parseDouble("2.2250738585072011e-308"), Double.MIN_VALUE, Double.MAX_VALUE, 9007199254740992.0, 0.1};

        private static Double[] hardDoublesAnd(Double... more) {
            return Stream.concat(Arrays.stream(HARD_DOUBLES_READ), Arrays.stream(more)).toArray(Double[]::new);
        }

        @Test
        void doublesHardToRoundLoadTheSameWhicheverPath() throws SQLException {
            put("plays/p.json", HARD_DOUBLES + lines(
                    "{\"sessionId\": 6, \"length\": \"9007199254740993.0000000001\"}",
                    "{\"sessionId\": 7, \"length\": 1e-400}"));

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertThat(comparison.java().rows()).extracting(row -> row.get(4))
                    .containsExactly((Object[]) hardDoublesAnd(9007199254740994.0, 0.0));
        }

        @Test
        void epochSecondsLoadTheSameWhicheverPath() throws SQLException {
            put("plays/p.json", lines("{\"sessionId\": 1, \"ts\": 1541106106}", "{\"sessionId\": 2, \"ts\": -86400}"));

            Comparison comparison = compare(PLAYS, "COPY plays FROM 's3://sparkify/plays/'" + AWS
                    + " FORMAT AS JSON 'auto ignorecase' TIMEFORMAT 'epochsecs'");

            assertTookTheFastPath(comparison);
            assertThat(comparison.fast().rows()).extracting(row -> row.get(5))
                    .containsExactly(at("2018-11-01T21:01:46"), at("1969-12-31T00:00"));
        }

        @Test
        void epochMillisecondsFarFromNow() throws SQLException {
            // Just inside the range the fast path converts (|ms| < Long.MAX_VALUE / 1000 / 2), both ways.
            put("plays/p.json", lines("{\"sessionId\": 1, \"ts\": 4611686018427386}",
                    "{\"sessionId\": 2, \"ts\": -4611686018427386}"));

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertThat(comparison.java().rows()).hasSize(2);
        }

        @Test
        void deeplyNestedValueOfAnIgnoredKey() throws SQLException {
            // Jackson refuses nesting deeper than its StreamReadConstraints allow (1000 at most), so the Java path
            // rejects the record; whatever Redshift does, the fast path must then decline.
            String deep = "[".repeat(2000) + "]".repeat(2000);
            Comparison comparison = playsAround("{\"sessionId\": 2, \"tags\": " + deep + "}");

            assertThat(comparison.java().rowsLoaded()).isPositive();
        }

        @Test
        void aNumberWrittenWithMoreThanAThousandDigits() throws SQLException {
            // Jackson's StreamReadConstraints cap a number at 1000 characters: the Java path rejects the record.
            String tiny = "0." + "0".repeat(1100) + "1";
            Comparison comparison = playsAround("{\"sessionId\": 2, \"length\": " + tiny + "}");

            assertThat(comparison.java().rowsLoaded()).isPositive();
        }

        @Test
        void unicodeEscapesAndANulCharacter() throws SQLException {
            Comparison comparison = playsAround("{\"sessionId\": 2, \"artist\": \"a\\u0000b \\ud83c\\udfb5 \\/\\\\\"}");

            assertThat(comparison.java().rows()).contains(row(2, null, null, "a\u0000b \ud83c\udfb5 /\\", null, null));
        }

        @Test
        void aByteOrderMarkAtTheStartOfAFile() throws SQLException {
            put("plays/p.json", "\ufeff" + lines(play(1), play(2)));

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertThat(comparison.java().rows()).containsExactly(playRow(1), playRow(2));
        }

        @Test
        void emptyAndBlankFilesCountZeroLinesOnBothPaths() throws SQLException {
            put("plays/a.json", "");
            put("plays/b.json", " \n\t\r\n");
            put("plays/c.json", lines(play(1)));

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertTookTheFastPath(comparison);
            assertThat(comparison.fast().linesScanned()).containsExactly(
                    Map.entry("s3://sparkify/plays/a.json", 0L),
                    Map.entry("s3://sparkify/plays/b.json", 0L),
                    Map.entry("s3://sparkify/plays/c.json", 1L));
        }

        @Test
        void aFileListedTwiceInAManifestIsLoadedTwice() throws SQLException {
            put("plays/p.json", lines(play(1), play(2)));
            put("manifests/plays.manifest", "{\"entries\": ["
                    + "{\"url\": \"s3://sparkify/plays/p.json\", \"mandatory\": true},"
                    + "{\"url\": \"s3://sparkify/plays/p.json\", \"mandatory\": true}]}");

            Comparison comparison = compare(PLAYS, "COPY plays FROM 's3://sparkify/manifests/plays.manifest'" + AWS
                    + " MANIFEST" + EVENT_OPTIONS);

            assertThat(comparison.java().rows()).containsExactly(playRow(1), playRow(1), playRow(2), playRow(2));
            assertThat(comparison.java().linesScanned()).containsExactly(Map.entry("s3://sparkify/plays/p.json", 4L));
        }

        @Test
        void realColumnsRoundOnceFromTheDecimalWritten() throws SQLException {
            // 1 + 2^-24 is exactly half way between the floats 1 and 1 + 2^-23: rounding the decimal to REAL once
            // (half to even) gives 1.0, as Float.parseFloat does. The Java path goes through a double, which holds
            // it exactly, then to float: 1.0. DuckDB reads the number as a double and prints it back shortest,
            // 1.0000000596046448, which is above half way and rounds up to 1.0000001.
            put("readings/r.json", lines("{\"v\": 1.000000059604644775390625}"));

            Comparison comparison = compare("CREATE TABLE readings (v REAL)", "COPY readings FROM 's3://sparkify/readings/'"
                    + AWS + " FORMAT AS JSON 'auto'");

            assertThat(Float.parseFloat("1.000000059604644775390625")).isEqualTo(1.0f);
            assertThat(comparison.java().rows()).containsExactly(row(1.0f));
        }
    }

    // ================================================================ file names and compression

    /** Keys as the fast path hands them to DuckDB: as file paths, which its reader may read otherwise. */
    @Nested
    class FileNames {

        @Test
        void keysWithAQuoteAndSpaces() throws SQLException {
            put("plays/it's a log.json", lines(play(1)));

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertTookTheFastPath(comparison);
            assertThat(comparison.fast().rows()).containsExactly(playRow(1));
        }

        @Test
        void aKeyWithGlobCharactersNextToAKeyItsPatternMatches() throws SQLException {
            // S3 keys may hold [ ] * ?: a key is a name, never a pattern. DuckDB expands file names as globs, so
            // plays/p[1].json could read plays/p1.json instead.
            put("plays/p[1].json", lines(play(100)));
            put("plays/p1.json", lines(play(1)));

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertThat(comparison.java().rows()).containsExactly(playRow(1), playRow(100));
        }

        @Test
        void aKeyWithAStar() throws SQLException {
            put("plays/p*.json", lines(play(100)));
            put("plays/p2.json", lines(play(2)));

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertThat(comparison.java().rows()).containsExactly(playRow(2), playRow(100));
        }

        @Test
        void aGzipFileWithoutTheGzipOption() throws SQLException, IOException {
            // Without GZIP (which the local COPY does not take) Redshift reads the bytes as they are: not JSON. DuckDB
            // decompresses files named .gz on its own.
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                gzip.write(lines(play(1), play(2)).getBytes(StandardCharsets.UTF_8));
            }
            put("plays/p.json.gz", bytes.toByteArray());

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertThat(comparison.java().rows()).isEmpty();
        }
    }

    // ================================================================ small files read as one

    /** Small files go to DuckDB joined in one file (SmallFileBundle); the rows and counts per file stay. */
    @Nested
    class SmallFiles {

        @Test
        void smallAndLargeFilesTogetherKeepTheirRecordsPerFile() throws SQLException {
            // p1 is over the bundle's limit and read on its own; p2 (no final newline, two objects on one line)
            // and p3 (pretty-printed) are joined.
            List<String> many = new ArrayList<>();
            for (int i = 0; i < SmallFileBundle.SMALL / 100; i++) {
                many.add(play(1000 + i));
            }
            put("plays/p1.json", lines(many.toArray(String[]::new)));
            put("plays/p2.json", play(2) + play(3));
            put("plays/p3.json", "\n" + play(4).replace(", ", ",\n  ") + "\n\n");

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertReadEveryColumnTyped(comparison);
            assertThat(comparison.fast().rowsLoaded()).isEqualTo(many.size() + 3);
            assertThat(comparison.fast().linesScanned()).containsExactly(
                    Map.entry("s3://sparkify/plays/p1.json", (long) many.size()),
                    Map.entry("s3://sparkify/plays/p2.json", 2L), Map.entry("s3://sparkify/plays/p3.json", 1L));
            assertThat(comparison.fast().rows()).contains(playRow(2), playRow(3), playRow(4), playRow(1000));
        }

        @Test
        void aSmallFileWithAByteOrderMarkIsReadOnItsOwn() throws SQLException {
            // DuckDB skips a byte-order mark only at the start of a file: in the bundle it would be stray bytes.
            byte[] mark = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] record = lines(play(1)).getBytes(StandardCharsets.UTF_8);
            byte[] marked = Arrays.copyOf(mark, mark.length + record.length);
            System.arraycopy(record, 0, marked, mark.length, record.length);
            put("plays/p0.json", lines(play(0)));
            put("plays/p1.json", marked);
            put("plays/p2.json", lines(play(2)));

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertTookTheFastPath(comparison);
            assertThat(comparison.java().rows()).containsExactly(playRow(0), playRow(1), playRow(2));
        }

        @Test
        void emptyAndBlankSmallFilesAddNoRecords() throws SQLException {
            put("plays/p1.json", "");
            put("plays/p2.json", " \n\t\n");
            put("plays/p3.json", lines(play(3)));

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertTookTheFastPath(comparison);
            assertThat(comparison.fast().rows()).containsExactly(playRow(3));
            assertThat(comparison.fast().linesScanned()).containsExactly(Map.entry("s3://sparkify/plays/p1.json", 0L),
                    Map.entry("s3://sparkify/plays/p2.json", 0L), Map.entry("s3://sparkify/plays/p3.json", 1L));
        }
    }

    /** Files with an object per line, which DuckDB reads line by line ('newline_delimited'). */
    @Nested
    class NewlineDelimited {

        /** A play whose artist is {@code artist}, written into JSON as it is (escapes included). */
        private static String playBy(int sessionId, String artistJson) {
            return "{\"sessionId\":" + sessionId + ",\"itemInSession\":0,\"userId\":\"8\",\"artist\":" + artistJson
                    + ",\"length\":246.30812,\"ts\":1541106106796}";
        }

        @Test
        void lineBreaksOtherThanALineFeedAndEscapedOnesStayInsideTheirRecord() throws SQLException {
            // NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR raw; LF and CR escaped; braces inside strings. Each in a
            // file over the bundle's limit (read on its own) and in small files (read in the bundle).
            String[] artists = {"\"a\u0085b\"", "\"a\u2028b\"", "\"a\u2029b\"", "\"a\\nb\"", "\"a\\r\\nb\"",
                    "\"a\\u000ab\"", "\"}{\"", "\"\\\"}\\n{\\\"\""};
            List<String> large = new ArrayList<>();
            for (int i = 0; large.size() * 100 < SmallFileBundle.SMALL; i++) {
                large.add(playBy(1000 + i, artists[i % artists.length]));
            }
            put("plays/large.json", lines(large.toArray(String[]::new)));
            for (int i = 0; i < artists.length; i++) {
                put("plays/small-" + i + ".json", playBy(i, artists[i]) + (i % 2 == 0 ? "\n" : ""));
            }

            Comparison comparison = compare(PLAYS, COPY_PLAYS);

            assertReadEveryColumnTyped(comparison);
            assertThat(comparison.fast().rowsLoaded()).isEqualTo(large.size() + artists.length);
            assertThat(comparison.fast().rows()).contains(
                    row(0, (short) 0, "8", "a\u0085b", 246.30812, at("2018-11-01T21:01:46.796")),
                    row(1, (short) 0, "8", "a\u2028b", 246.30812, at("2018-11-01T21:01:46.796")),
                    row(4, (short) 0, "8", "a\r\nb", 246.30812, at("2018-11-01T21:01:46.796")),
                    row(7, (short) 0, "8", "\"}\n{\"", 246.30812, at("2018-11-01T21:01:46.796")),
                    row(1003, (short) 0, "8", "a\nb", 246.30812, at("2018-11-01T21:01:46.796")));
        }
    }
}
