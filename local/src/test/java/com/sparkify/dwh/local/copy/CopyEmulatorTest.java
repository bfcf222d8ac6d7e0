package com.sparkify.dwh.local.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

import com.sparkify.dwh.local.duckdb.DuckDbWarehouse;
import com.sparkify.dwh.local.store.FolderObjectStore;
import com.sparkify.dwh.store.ObjectStore;
import com.sparkify.dwh.store.ObjectSummary;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.StatementState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * COPY end to end: Redshift DDL and COPY statements submitted to an in-memory {@link DuckDbWarehouse},
 * data files in a folder standing in for the bucket, results read back with SELECTs through the same
 * Data-API-shaped port. Expected values come from the Redshift COPY documentation (quoted where it
 * matters) and from hand-counting the fixture files.
 */
class CopyEmulatorTest {

    private static final String BUCKET = "sparkify";

    private static final String EVENTS_DDL = """
            CREATE TABLE staging_events (
                artist        VARCHAR(256),
                firstname     VARCHAR(50),
                iteminsession INTEGER,
                length        DOUBLE PRECISION,
                sessionid     INTEGER,
                ts            TIMESTAMP,
                userid        INTEGER
            ) DISTSTYLE EVEN""";

    @TempDir
    Path bucketsRoot;

    /** Buckets that are not plain folders, by name. */
    private final Map<String, ObjectStore> specialBuckets = new HashMap<>();

    private DuckDbWarehouse warehouse;

    @BeforeEach
    void openWarehouse() {
        warehouse = DuckDbWarehouse.open(null, bucket -> specialBuckets.containsKey(bucket)
                ? specialBuckets.get(bucket) : new FolderObjectStore(bucketsRoot.resolve(bucket)));
    }

    @AfterEach
    void closeWarehouse() {
        warehouse.close();
    }

    // ---------------------------------------------------------------- helpers

    private void put(String key, String content) {
        put(BUCKET, key, content);
    }

    private void put(String bucket, String key, String content) {
        put(bucket, key, content.getBytes(StandardCharsets.UTF_8));
    }

    private void put(String bucket, String key, byte[] content) {
        Path file = bucketsRoot.resolve(bucket).resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StatementDescription await(String id) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            StatementDescription description = warehouse.describeStatement(id);
            if (description.state().isDone()) {
                return description;
            }
            if (System.nanoTime() > deadline) {
                fail("statement " + id + " still " + description.state() + " after 60 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Runs one statement and insists it finishes; returns its description. */
    private StatementDescription ok(String sql) {
        StatementDescription description = await(warehouse.executeStatement(sql));
        assertThat(description.state()).as("%s\nfailed with: %s", sql, description.error())
                .isEqualTo(StatementState.FINISHED);
        return description;
    }

    /** Runs one statement and insists it fails; returns the error message. */
    private String fails(String sql) {
        StatementDescription description = await(warehouse.executeStatement(sql));
        assertThat(description.state()).as("%s should fail", sql).isEqualTo(StatementState.FAILED);
        assertThat(description.error()).isNotBlank();
        return description.error();
    }

    private StatementDescription batch(String... sqls) {
        return await(warehouse.batchExecuteStatement(List.of(sqls)));
    }

    private QueryResult query(String sql) {
        String id = warehouse.executeStatement(sql);
        StatementDescription description = await(id);
        assertThat(description.state()).as("%s\nfailed with: %s", sql, description.error())
                .isEqualTo(StatementState.FINISHED);
        return warehouse.getStatementResult(id);
    }

    private List<List<Object>> rows(String sql) {
        return query(sql).rows();
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private long count(String table) {
        return query("SELECT COUNT(*) AS n FROM " + table).getLong(0, "n");
    }

    /** stl_load_errors as Redshift shows it, char columns trimmed of their padding. */
    private List<LoadErrorRow> loadErrors() {
        QueryResult result = query("SELECT query, filename, line_number, colname, type, col_length, raw_line,"
                + " raw_field_value, err_code, err_reason FROM stl_load_errors ORDER BY query, filename, line_number");
        List<LoadErrorRow> errors = new ArrayList<>();
        for (int i = 0; i < result.rows().size(); i++) {
            errors.add(new LoadErrorRow(result.getLong(i, "query"), trim(result.getString(i, "filename")),
                    result.getLong(i, "line_number"), trim(result.getString(i, "colname")),
                    trim(result.getString(i, "type")), trim(result.getString(i, "col_length")),
                    trim(result.getString(i, "raw_line")), trim(result.getString(i, "raw_field_value")),
                    result.getLong(i, "err_code"), trim(result.getString(i, "err_reason"))));
        }
        return errors;
    }

    /** The stl_load_errors rows of the most recent COPY that recorded any. */
    private List<LoadErrorRow> errorsOfLastCopy() {
        List<LoadErrorRow> all = loadErrors();
        long last = all.stream().mapToLong(LoadErrorRow::query).max().orElseThrow();
        return all.stream().filter(e -> e.query() == last).toList();
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    private record LoadErrorRow(long query, String filename, long lineNumber, String colname, String type,
                                String colLength, String rawLine, String rawFieldValue, long errCode,
                                String errReason) {
    }

    private static String event(int sessionId, Object userId) {
        String user = userId instanceof String text ? "\"" + text + "\"" : String.valueOf(userId);
        return "{\"artist\": \"Artist " + sessionId + "\", \"sessionid\": " + sessionId + ", \"userid\": " + user + "}";
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private List<Object> sessionIds() {
        List<Object> ids = new ArrayList<>();
        for (List<Object> row : rows("SELECT sessionid FROM staging_events ORDER BY sessionid")) {
            ids.add(row.get(0));
        }
        return ids;
    }

    private static final String COPY_EVENTS = "COPY staging_events FROM 's3://sparkify/log_data'"
            + " IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole' FORMAT AS JSON 'auto' REGION 'us-west-2'";

    // ---------------------------------------------------------------- sources

    @Nested
    class Prefixes {

        @BeforeEach
        void table() {
            ok(EVENTS_DDL);
        }

        @Test
        void aPrefixIsAStringPrefixNotAFolder() {
            for (int day : new int[] {1, 9, 10, 15, 19, 20, 30}) {
                put(String.format("log_data/2018/11/2018-11-%02d-events.json", day), event(day, day) + "\n");
            }

            StatementDescription copy = ok("COPY staging_events FROM 's3://sparkify/log_data/2018/11/2018-11-1'"
                    + " IAM_ROLE default FORMAT AS JSON 'auto'");

            // 2018-11-1 matches 2018-11-10 ... 2018-11-19 only; 2018-11-01 starts 2018-11-0.
            assertThat(sessionIds()).containsExactly(10L, 15L, 19L);
            assertThat(copy.resultRows()).isEqualTo(3);
        }

        @Test
        void aPrefixMatchesFilesAndFoldersThatStartWithIt() {
            // "'s3://mybucket/custfolder' refers to the folders custfolder, custfolder_1, custfolder_2, and so on"
            put("song_data/A/x.json", event(1, 1));
            put("song_data/AB/y.json", event(2, 2));
            put("song_data/A.json", event(3, 3));
            put("song_data/A/B/C/deep.json", event(4, 4));
            put("song_data/B/z.json", event(5, 5));
            put("song_dataset/w.json", event(6, 6));

            ok("COPY staging_events FROM 's3://sparkify/song_data/A' FORMAT AS JSON 'auto'");

            assertThat(sessionIds()).containsExactly(1L, 2L, 3L, 4L);
        }

        @Test
        void everyObjectUnderThePrefixIsLoadedIncludingAJsonpathsFileThatSharesIt() {
            // "COPY attempts to load my_data.jsonpaths as a data file."
            put("log_data/events.json", event(1, 1));
            put("log_data/events.jsonpaths", "{\"jsonpaths\": [\"$.sessionid\"]}");

            ok(COPY_EVENTS);

            assertThat(count("staging_events")).isEqualTo(2);
            assertThat(sessionIds()).containsExactly(1L, null);
        }

        @Test
        void aPrefixMatchingNothingFails() {
            put("log_data/2018/11/2018-11-01-events.json", event(1, 1));

            String error = fails("COPY staging_events FROM 's3://sparkify/log_data/2019' FORMAT AS JSON 'auto'");

            assertThat(error).contains("The specified S3 prefix 'log_data/2019' does not exist");
            assertThat(count("staging_events")).isZero();
            assertThat(loadErrors()).isEmpty();
        }

        @Test
        void aBucketWithoutAnyObjectFails() {
            String error = fails("COPY staging_events FROM 's3://empty-bucket/log_data' FORMAT AS JSON 'auto'");

            assertThat(error).contains("The specified S3 prefix 'log_data' does not exist");
        }

        @Test
        void folderMarkersAreNotRead() {
            // A console "folder" is a zero-byte key ending in '/'; it is listed but holds no data.
            FolderObjectStore folder = new FolderObjectStore(bucketsRoot.resolve("with-markers"));
            specialBuckets.put("with-markers", new FolderMarkerStore(folder, List.of("log_data/", "log_data/2018/")));
            put("with-markers", "log_data/2018/a.json", event(1, 1) + "\n" + event(2, 2));

            StatementDescription copy = ok("COPY staging_events FROM 's3://with-markers/log_data'"
                    + " FORMAT AS JSON 'auto'");

            assertThat(copy.resultRows()).isEqualTo(2);
            assertThat(sessionIds()).containsExactly(1L, 2L);
            assertThat(loadErrors()).isEmpty();
        }

        @Test
        void emptyObjectsLoadNothingAndAreNoError() {
            put("log_data/a-empty.json", "");
            put("log_data/b.json", event(1, 1) + "\n");
            put("log_data/c-blank.json", "\n\n   \n");

            StatementDescription copy = ok(COPY_EVENTS);

            assertThat(copy.resultRows()).isEqualTo(1);
            assertThat(loadErrors()).isEmpty();
        }

        @Test
        void aQualifiedTableInAnotherSchema() {
            ok("CREATE SCHEMA staging");
            ok("CREATE TABLE staging.events (sessionid INTEGER, userid INTEGER)");
            put("log_data/a.json", event(7, 8));

            ok("COPY staging.events FROM 's3://sparkify/log_data' FORMAT AS JSON 'auto'");

            assertThat(rows("SELECT sessionid, userid FROM staging.events")).containsExactly(row(7L, 8L));
            assertThat(count("staging_events")).isZero();
        }

        @Test
        void aMissingTableFails() {
            put("log_data/a.json", event(7, 8));

            String error = fails("COPY no_such_table FROM 's3://sparkify/log_data' FORMAT AS JSON 'auto'");

            assertThat(error).contains("no_such_table");
        }
    }

    /**
     * DuckDB's reader (the fast path) meets a record only the Java path loads as Redshift does, after it
     * started inserting: the warehouse rolls the batch back and runs all of it again with the Java path.
     */
    @Nested
    class FastPathReplay {

        @Test
        void theWholeBatchRunsAgainAndEndsAsOneRunWould() {
            ok(EVENTS_DDL);
            // userid 1.5: a decimal into an INTEGER column, which Redshift rejects (error 1207) and DuckDB's
            // reader would cast.
            put("data/a.json", lines(event(1, 1), event(2, 1.5), event(3, 3)));

            StatementDescription batch = batch(
                    "INSERT INTO staging_events (sessionid) VALUES (100)",
                    "COPY staging_events FROM 's3://sparkify/data/' IAM_ROLE default FORMAT AS JSON 'auto' MAXERROR 5",
                    "INSERT INTO staging_events (sessionid) SELECT pg_last_copy_count() + 1000");

            assertThat(batch.state()).as(batch.error()).isEqualTo(StatementState.FINISHED);
            // The statement before the COPY ran once (the first attempt was rolled back), the COPY loaded
            // the two good records, and pg_last_copy_count() saw the replay's COPY.
            assertThat(sessionIds()).containsExactly(1L, 3L, 100L, 1002L);
            // The rejected record is recorded once, by the Java path.
            assertThat(loadErrors()).singleElement().satisfies(error -> {
                assertThat(error.lineNumber()).isEqualTo(2);
                assertThat(error.colname()).isEqualTo("userid");
            });
            assertThat(rows("SELECT filename, lines_scanned, errors FROM stl_load_commits"))
                    .containsExactly(row("s3://sparkify/data/a.json", 3L, 1L));
        }
    }

    @Nested
    class Manifests {

        @BeforeEach
        void filesAndTable() {
            ok(EVENTS_DDL);
            put("data/a.json", event(1, 1));
            put("data/b.json", event(2, 2));
            put("data/c.json", event(3, 3) + "\n" + event(33, 33));
            put("archive", "data/d.json", event(4, 4));
        }

        private String copyWithManifest(String entries) {
            put("manifests/load.manifest", "{\"entries\": [" + entries + "]}");
            return "COPY staging_events FROM 's3://sparkify/manifests/load.manifest' IAM_ROLE default MANIFEST"
                    + " FORMAT AS JSON 'auto'";
        }

        @Test
        void loadsTheListedFilesOnlyAndSkipsAMissingOptionalOne() {
            String copy = copyWithManifest("""
                    {"url": "s3://sparkify/data/a.json", "mandatory": true},
                    {"url": "s3://sparkify/data/missing.json", "mandatory": false},
                    {"url": "s3://sparkify/data/c.json"},
                    {"url": "s3://archive/data/d.json", "mandatory": true}""");

            StatementDescription description = ok(copy);

            // b.json is in the folder but not in the manifest.
            assertThat(sessionIds()).containsExactly(1L, 3L, 4L, 33L);
            assertThat(description.resultRows()).isEqualTo(4);
        }

        @Test
        void aFileListedTwiceIsLoadedTwice() {
            // "If a file is listed twice, the file is loaded twice."
            ok(copyWithManifest("""
                    {"url": "s3://sparkify/data/a.json"},
                    {"url": "s3://sparkify/data/a.json"}"""));

            assertThat(sessionIds()).containsExactly(1L, 1L);
        }

        @Test
        void aMissingMandatoryFileFailsTheWholeCopy() {
            // "If mandatory is set to true, COPY terminates if it does not find the file for that entry"
            String error = fails(copyWithManifest("""
                    {"url": "s3://sparkify/data/a.json", "mandatory": true},
                    {"url": "s3://sparkify/data/missing.json", "mandatory": true}"""));

            assertThat(error).contains("Mandatory url is not present in manifest file");
            assertThat(error).contains("data/missing.json");
            assertThat(count("staging_events")).isZero();
        }

        @Test
        void aUrlIsAnExactKeyNotAPrefix() {
            // "The URL in the manifest must specify the bucket name and full object path for the file, not just
            // a prefix." data/a exists only as the prefix of data/a.json.
            String error = fails(copyWithManifest("{\"url\": \"s3://sparkify/data/a\", \"mandatory\": true}"));

            assertThat(error).contains("data/a");
            assertThat(count("staging_events")).isZero();
        }

        @Test
        void noFileFoundFailsWhateverTheMandatoryFlags() {
            // "Regardless of any mandatory settings, COPY will terminate if no files are found."
            fails(copyWithManifest("""
                    {"url": "s3://sparkify/data/missing-1.json", "mandatory": false},
                    {"url": "s3://sparkify/data/missing-2.json"}"""));

            assertThat(count("staging_events")).isZero();
        }

        @Test
        void aMissingManifestFails() {
            String error = fails("COPY staging_events FROM 's3://sparkify/manifests/nope.manifest' MANIFEST"
                    + " FORMAT AS JSON 'auto'");

            assertThat(error).containsIgnoringCase("manifest");
        }

        @Test
        void withoutTheManifestOptionTheManifestIsAData() {
            // "If the MANIFEST parameter is not specified, COPY assumes that the file specified with FROM is a
            // data file." Its one object has no key matching a column: one row of NULLs.
            put("manifests/load.manifest", "{\"entries\": [{\"url\": \"s3://sparkify/data/a.json\"}]}");

            StatementDescription copy = ok("COPY staging_events FROM 's3://sparkify/manifests/load.manifest'"
                    + " FORMAT AS JSON 'auto'");

            assertThat(copy.resultRows()).isEqualTo(1);
            assertThat(rows("SELECT artist, sessionid, userid FROM staging_events")).containsExactly(row(null, null, null));
        }
    }

    // ---------------------------------------------------------------- mapping

    @Nested
    class AutoMapping {

        @BeforeEach
        void table() {
            ok("CREATE TABLE users (userid INTEGER, firstname VARCHAR(50), level VARCHAR(10))");
            put("users/u.json", lines(
                    "{\"userId\": \"39\", \"firstName\": \"Walter\", \"level\": \"free\", \"bogus\": \"ignored\"}",
                    "{\"USERID\": 8, \"FIRSTNAME\": \"Kaylee\", \"Level\": \"paid\"}"));
        }

        @Test
        void autoIsCaseSensitive() {
            // "With this option, matching is case-sensitive. Column names in Amazon Redshift tables are always
            // lowercase, so ... matching JSON field names must also be lowercase."
            ok("COPY users FROM 's3://sparkify/users/' FORMAT AS JSON 'auto'");

            assertThat(rows("SELECT userid, firstname, level FROM users ORDER BY level NULLS LAST")).containsExactly(
                    row(null, null, "free"),
                    row(null, null, null));
        }

        @Test
        void autoIgnorecaseMatchesAnyCase() {
            ok("COPY users FROM 's3://sparkify/users/' FORMAT AS JSON 'auto ignorecase'");

            assertThat(rows("SELECT userid, firstname, level FROM users ORDER BY userid")).containsExactly(
                    row(8L, "Kaylee", "paid"),
                    row(39L, "Walter", "free"));
        }

        @Test
        void jsonAutoWithoutFormatKeyword() {
            ok("COPY users FROM 's3://sparkify/users/' JSON 'auto ignorecase'");

            assertThat(count("users")).isEqualTo(2);
        }

        @Test
        void missingKeysAndJsonNullLoadNull() {
            put("more/m.json", lines("{\"userid\": 1}", "{\"userid\": 2, \"firstname\": null, \"level\": null}"));

            ok("COPY users FROM 's3://sparkify/more/' FORMAT AS JSON 'auto'");

            assertThat(rows("SELECT userid, firstname, level FROM users ORDER BY userid")).containsExactly(
                    row(1L, null, null),
                    row(2L, null, null));
        }

        @Test
        void numbersBooleansAndObjectsIntoTextColumns() {
            ok("CREATE TABLE songs (artist_name VARCHAR(256), duration_text VARCHAR(20), flag VARCHAR(5),"
                    + " meta VARCHAR(100), year INTEGER, duration DOUBLE PRECISION)");
            put("song_data/s.json", "{\"artist_name\": 112, \"duration_text\": 1.50, \"flag\": true,"
                    + " \"meta\": {\"a\": [1, 2], \"b\": null}, \"year\": \"2004\", \"duration\": \"218.93179\"}\n");

            ok("COPY songs FROM 's3://sparkify/song_data' FORMAT AS JSON 'auto'");

            assertThat(rows("SELECT artist_name, duration_text, flag, meta, year, duration FROM songs"))
                    .containsExactly(row("112", "1.50", "true", "{\"a\": [1, 2], \"b\": null}", 2004L, 218.93179));
        }

        @Test
        void severalObjectsPerFileAndPrettyPrintedObjects() {
            // The documentation's category_object_auto.json, "}{" and the ignored "bogus" key included.
            ok("CREATE TABLE category (catid SMALLINT, catgroup VARCHAR(10), catname VARCHAR(10), catdesc VARCHAR(50))");
            put("category/category_object_auto.json", """
                    {
                        "catdesc": "Major League Baseball",
                        "catid": 1,
                        "catgroup": "Sports",
                        "catname": "MLB"
                    }
                    {
                        "catgroup": "Sports",
                        "catid": 2,
                        "catname": "NHL",
                        "catdesc": "National Hockey League"
                    }{
                        "catid": 3,
                        "catname": "NFL",
                        "bogus": "Bogus Sports LLC",
                        "catdesc": "National Football League"
                    }
                    """);
            put("category/more.json", lines(
                    "{\"catid\": 4, \"catgroup\": \"Sports\", \"catname\": \"NBA\"}",
                    "{\"catid\": 5, \"catgroup\": \"Shows\", \"catname\": \"Musicals\"}"));

            StatementDescription copy = ok("COPY category FROM 's3://sparkify/category/' FORMAT AS JSON 'auto'");

            assertThat(copy.resultRows()).isEqualTo(5);
            assertThat(rows("SELECT catid, catgroup, catname, catdesc FROM category ORDER BY catid")).containsExactly(
                    row(1L, "Sports", "MLB", "Major League Baseball"),
                    row(2L, "Sports", "NHL", "National Hockey League"),
                    row(3L, null, "NFL", "National Football League"),
                    row(4L, "Sports", "NBA", null),
                    row(5L, "Shows", "Musicals", null));
        }

        @Test
        void aColumnListLoadsOnlyItsColumnsAndTheOthersGetTheirDefault() {
            // "If a column in the target table is omitted from the column list, then COPY loads the target
            // column's DEFAULT expression. If the target column doesn't have a default, COPY attempts to load NULL."
            ok("CREATE TABLE songs (song_id VARCHAR(20), title VARCHAR(100) DEFAULT 'untitled', year INTEGER,"
                    + " duration DOUBLE PRECISION)");
            put("song_data/s.json", "{\"song_id\": \"S1\", \"title\": \"T\", \"year\": 2004, \"duration\": 1.5}");

            ok("COPY songs (song_id, year) FROM 's3://sparkify/song_data' FORMAT AS JSON 'auto'");

            assertThat(rows("SELECT song_id, title, year, duration FROM songs"))
                    .containsExactly(row("S1", "untitled", 2004L, null));
        }

        @Test
        void aColumnListNamingAnUnknownColumnFails() {
            String error = fails("COPY users (userid, nickname) FROM 's3://sparkify/users/' FORMAT AS JSON 'auto'");

            assertThat(error).contains("nickname");
            assertThat(count("users")).isZero();
        }
    }

    @Nested
    class JsonPaths {

        private static final String COPY = "COPY songs FROM 's3://sparkify/song_data/' IAM_ROLE default"
                + " FORMAT AS JSON 's3://sparkify/config/songs_paths.json'";

        @BeforeEach
        void tableAndData() {
            ok("CREATE TABLE songs (song_title VARCHAR(100), artist VARCHAR(100), year INTEGER, second_tag VARCHAR(20))");
            put("song_data/s.json", lines(
                    "{\"year\": 2004, \"artist_name\": \"Casual\", \"song\": {\"title\": \"I Didn't Mean To\"},"
                            + " \"tags\": [\"hip hop\", \"rap\"]}",
                    "{\"artist_name\": \"Bill\", \"year\": 1999, \"tags\": [\"a\", \"b\", \"c\"]}"));
        }

        private void paths(String... expressions) {
            StringBuilder json = new StringBuilder("{\"jsonpaths\": [");
            for (int i = 0; i < expressions.length; i++) {
                json.append(i == 0 ? "" : ", ").append('"').append(expressions[i].replace("\"", "\\\"")).append('"');
            }
            put("config/songs_paths.json", json.append("]}").toString());
        }

        @Test
        void mapsByPositionWithDotNotation() {
            // "The order of the JSONPath array elements must match the order of the columns in the target table"
            paths("$.song.title", "$.artist_name", "$.year", "$.tags[1]");

            ok(COPY);

            assertThat(rows("SELECT song_title, artist, year, second_tag FROM songs ORDER BY year")).containsExactly(
                    row(null, "Bill", 1999L, "b"),
                    row("I Didn't Mean To", "Casual", 2004L, "rap"));
        }

        @Test
        void mapsByPositionWithBracketNotation() {
            paths("$['song']['title']", "$['artist_name']", "$['year']", "$['tags'][1]");

            ok(COPY);

            assertThat(rows("SELECT song_title, artist, year, second_tag FROM songs ORDER BY year")).containsExactly(
                    row(null, "Bill", 1999L, "b"),
                    row("I Didn't Mean To", "Casual", 2004L, "rap"));
        }

        @Test
        void followsTheColumnListWhenThereIsOne() {
            paths("$.year", "$.artist_name");

            ok("COPY songs (year, artist) FROM 's3://sparkify/song_data/'"
                    + " FORMAT AS JSON 's3://sparkify/config/songs_paths.json'");

            assertThat(rows("SELECT song_title, artist, year, second_tag FROM songs ORDER BY year")).containsExactly(
                    row(null, "Bill", 1999L, null),
                    row(null, "Casual", 2004L, null));
        }

        @Test
        void numbersIntoTextKeepTheirLiteral() {
            ok("CREATE TABLE numbers (a VARCHAR(20), b VARCHAR(20))");
            put("numbers/n.json", "{\"x\": 1.50, \"y\": {\"z\": 112}}\n");
            put("config/numbers_paths.json", "{\"jsonpaths\": [\"$.x\", \"$.y.z\"]}");

            ok("COPY numbers FROM 's3://sparkify/numbers/' FORMAT AS JSON 's3://sparkify/config/numbers_paths.json'");

            assertThat(rows("SELECT a, b FROM numbers")).containsExactly(row("1.50", "112"));
        }

        @Test
        void aCountMismatchFails() {
            paths("$.song.title", "$.artist_name", "$.year");

            String error = fails(COPY);

            assertThat(error).contains("Number of jsonpaths and the number of columns should match");
            assertThat(count("songs")).isZero();
        }

        @Test
        void mixingBracketAndDotNotationFails() {
            // "You can't mix bracket notation and dot notation in the jsonpaths array."
            paths("$.song.title", "$['artist_name']", "$.year", "$.tags[1]");

            fails(COPY);

            assertThat(count("songs")).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"$.tags[*]", "$..title", "$.*", "$.tags[0:2]", "$.tags[?(@ == 'rap')]", "$.tags[0,1]"})
        void pathsThatCanMatchSeveralElementsFail(String ambiguous) {
            // "Amazon Redshift doesn't support any JSONPath elements, such as wildcard characters or filter
            // expressions, that might resolve to an ambiguous path or multiple name elements."
            paths("$.song.title", "$.artist_name", "$.year", ambiguous);

            String error = fails(COPY);

            assertThat(error).contains(ambiguous);
            assertThat(count("songs")).isZero();
        }

        @Test
        void aNegativeArrayIndexFails() {
            // "Array indexes must be positive integers (greater than or equal to zero)."
            paths("$.song.title", "$.artist_name", "$.year", "$.tags[-1]");

            fails(COPY);

            assertThat(count("songs")).isZero();
        }

        @Test
        void aMissingArrayElementFailsTheCopy() {
            // "If an array element referenced by a JSONPath expression isn't found in the JSON or Avro data, COPY
            // fails with the following error: Invalid JSONPath format: Not an array or index out of range."
            // The first record has 2 tags, the second 3: index 2 is missing from the first.
            paths("$.song.title", "$.artist_name", "$.year", "$.tags[2]");

            String error = fails("COPY songs FROM 's3://sparkify/song_data/' MAXERROR 10"
                    + " FORMAT AS JSON 's3://sparkify/config/songs_paths.json'");

            assertThat(error).contains("Invalid JSONPath format: Not an array or index out of range.");
            assertThat(count("songs")).isZero();
        }

        @Test
        void anIndexIntoSomethingThatIsNotAnArrayFailsTheCopy() {
            paths("$.song.title", "$.artist_name", "$.year", "$.artist_name[0]");

            String error = fails(COPY);

            assertThat(error).contains("Invalid JSONPath format: Not an array or index out of range.");
        }

        @Test
        void anArrayElementThatIsJsonNullLoadsNull() {
            put("song_data/s.json", "{\"artist_name\": \"Nully\", \"year\": 1, \"tags\": [\"a\", null]}\n");
            paths("$.song.title", "$.artist_name", "$.year", "$.tags[1]");

            ok(COPY);

            assertThat(rows("SELECT song_title, artist, year, second_tag FROM songs"))
                    .containsExactly(row(null, "Nully", 1L, null));
        }

        @Test
        void arrayRecordsAreReadWithIndexPaths() {
            // "If your data files use arrays, you must specify a JSONPaths file"; "For arrays, $[0], $[1]".
            // Each root-level array is one row, even written over several lines.
            put("song_data/s.json", "[\"T1\", \"Artist 1\", 2001, [\"x\", \"y\"]]\n[\n\"T2\",\n\"Artist 2\",\n2002,\n[\"z\", \"w\"]\n]\n"
                    + "[\n{\"title\":\"T3\"},\n{\"artist\":\"Artist 3\"},\n2003,\n[\"u\", \"v\"]\n]\n");
            put("config/array_paths.json", "{\"jsonpaths\": [\"$[0]\", \"$[1]\", \"$[2]\", \"$[3][1]\"]}");

            ok("COPY songs FROM 's3://sparkify/song_data/' FORMAT AS JSON 's3://sparkify/config/array_paths.json'"
                    + " MAXERROR 10");

            assertThat(rows("SELECT song_title, artist, year, second_tag FROM songs ORDER BY year")).containsExactly(
                    row("T1", "Artist 1", 2001L, "y"),
                    row("T2", "Artist 2", 2002L, "w"),
                    row("{\"title\":\"T3\"}", "{\"artist\":\"Artist 3\"}", 2003L, "v"));
            assertThat(loadErrors()).isEmpty();
            // (Compact nested objects in the fixture: whether Redshift keeps the source's white space inside a
            // nested value is not documented.)
        }

        @Test
        void aFileWhoseKeyIsNotJsonpathsMeansAuto() {
            // "If the key name is any string other than "jsonpaths", the COPY command doesn't return an error, but
            // it ignores jsonpaths_file and uses the 'auto' argument instead."
            put("config/songs_paths.json", "{\"paths\": [\"$.song.title\", \"$.artist_name\", \"$.year\", \"$.tags[1]\"]}");

            ok(COPY);

            assertThat(rows("SELECT song_title, artist, year, second_tag FROM songs ORDER BY year")).containsExactly(
                    row(null, null, 1999L, null),
                    row(null, null, 2004L, null));
        }

        @Test
        void aJsonpathsFileWithMoreThanOneObjectFails() {
            // It fails if "There is more than one JSON object" or "Any characters except white space exist outside
            // the object".
            put("config/songs_paths.json", "{\"jsonpaths\": [\"$.song.title\", \"$.artist_name\", \"$.year\","
                    + " \"$.tags[1]\"]}\n{\"jsonpaths\": []}");
            fails(COPY);

            put("config/songs_paths.json", "{\"jsonpaths\": [\"$.song.title\", \"$.artist_name\", \"$.year\","
                    + " \"$.tags[1]\"]} trailing words");
            fails(COPY);

            // White space around the object is fine.
            put("config/songs_paths.json", "\n  {\"jsonpaths\": [\"$.song.title\", \"$.artist_name\", \"$.year\","
                    + " \"$.tags[1]\"]}  \n\n");
            ok(COPY);
            assertThat(count("songs")).isEqualTo(2);
        }

        @Test
        void anEmptyOrNonStringElementFails() {
            // It fails if "An array element is an empty string or isn't a string".
            put("config/songs_paths.json", "{\"jsonpaths\": [\"$.song.title\", \"\", \"$.year\", \"$.tags[1]\"]}");
            fails(COPY);

            put("config/songs_paths.json", "{\"jsonpaths\": [\"$.song.title\", 7, \"$.year\", \"$.tags[1]\"]}");
            fails(COPY);

            assertThat(count("songs")).isZero();
        }

        @Test
        void aMissingJsonpathsFileFails() {
            String error = fails("COPY songs FROM 's3://sparkify/song_data/'"
                    + " FORMAT AS JSON 's3://sparkify/config/nope.json'");

            assertThat(error).contains("config/nope.json");
        }
    }

    // ---------------------------------------------------------------- conversions

    @Nested
    class TimeFormats {

        @BeforeEach
        void table() {
            ok(EVENTS_DDL);
        }

        @Test
        void epochmillisecsKeepsMilliseconds() {
            put("log_data/e.json", lines("{\"ts\": 1541106106796, \"userid\": 1}", "{\"ts\": \"1541105830796\", \"userid\": 2}"));

            ok("COPY staging_events FROM 's3://sparkify/log_data' FORMAT AS JSON 'auto' TIMEFORMAT AS 'epochmillisecs'");

            // 1541105830 s is 2018-11-01 20:57:10 UTC (276 s before 21:01:46).
            assertThat(rows("SELECT userid, ts FROM staging_events ORDER BY userid")).containsExactly(
                    row(1L, "2018-11-01 21:01:46.796"),
                    row(2L, "2018-11-01 20:57:10.796"));
        }

        @Test
        void epochsecs() {
            put("log_data/e.json", "{\"ts\": 1541106106, \"userid\": 1}");

            ok("COPY staging_events FROM 's3://sparkify/log_data' FORMAT AS JSON 'auto' TIMEFORMAT 'epochsecs'");

            assertThat(rows("SELECT ts FROM staging_events")).containsExactly(row("2018-11-01 21:01:46"));
        }

        @Test
        void withoutTimeformatTextLoadsAndANumberIsRejected() {
            put("log_data/e.json", lines("{\"ts\": \"2018-11-01 21:01:46\", \"userid\": 1}",
                    "{\"ts\": 1541106106796, \"userid\": 2}"));

            ok("COPY staging_events FROM 's3://sparkify/log_data' FORMAT AS JSON 'auto' MAXERROR 1");

            assertThat(rows("SELECT userid, ts FROM staging_events")).containsExactly(row(1L, "2018-11-01 21:01:46"));
            List<LoadErrorRow> errors = loadErrors();
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).errCode()).isEqualTo(1206);
            assertThat(errors.get(0).colname()).isEqualTo("ts");
            assertThat(errors.get(0).lineNumber()).isEqualTo(2);
            assertThat(errors.get(0).rawFieldValue()).isEqualTo("1541106106796");
        }
    }

    @Nested
    class NullsAndLengths {

        @BeforeEach
        void table() {
            ok("CREATE TABLE people (name VARCHAR(5), note VARCHAR(10), n INTEGER)");
        }

        private List<List<Object>> copyBlankRecord(String options) {
            put("people/p.json", "{\"name\": \"\", \"note\": \"   \", \"n\": \"\"}\n");
            ok("COPY people FROM 's3://sparkify/people/' FORMAT AS JSON 'auto' " + options);
            return rows("SELECT name, note, n FROM people");
        }

        @Test
        void byDefaultEmptyAndBlankTextIsKeptAndEmptyNumbersAreNull() {
            assertThat(copyBlankRecord("")).containsExactly(row("", "   ", null));
        }

        @Test
        void emptyasnull() {
            assertThat(copyBlankRecord("EMPTYASNULL")).containsExactly(row(null, "   ", null));
        }

        @Test
        void blanksasnull() {
            assertThat(copyBlankRecord("BLANKSASNULL")).containsExactly(row("", null, null));
        }

        @Test
        void bothTogether() {
            assertThat(copyBlankRecord("EMPTYASNULL BLANKSASNULL")).containsExactly(row(null, null, null));
        }

        @Test
        void truncatecolumnsCutsAtACharacterBoundary() {
            put("people/p.json", lines("{\"name\": \"Beyoncé Knowles\", \"n\": 1}", "{\"name\": \"Éléonore\", \"n\": 2}",
                    "{\"name\": \"日本語\", \"n\": 3}"));

            ok("COPY people FROM 's3://sparkify/people/' FORMAT AS JSON 'auto' TRUNCATECOLUMNS");

            // VARCHAR(5) holds 5 bytes: "Beyon"; É(2)l(1)é(2) = 5; 日(3) + 本(3) = 6 > 5.
            assertThat(rows("SELECT n, name FROM people ORDER BY n")).containsExactly(
                    row(1L, "Beyon"), row(2L, "Élé"), row(3L, "日"));
            assertThat(loadErrors()).isEmpty();
        }

        @Test
        void withoutTruncatecolumnsAnOverlongValueIsRejectedWith1204() {
            put("people/p.json", lines("{\"name\": \"Élé\", \"n\": 1}", "{\"name\": \"Éléo\", \"n\": 2}"));

            String error = fails("COPY people FROM 's3://sparkify/people/' FORMAT AS JSON 'auto'");

            assertThat(error).contains("people/p.json").contains("line 2");
            assertThat(count("people")).isZero();
            List<LoadErrorRow> errors = loadErrors();
            assertThat(errors).hasSize(1);
            LoadErrorRow e = errors.get(0);
            assertThat(e.errCode()).isEqualTo(1204);
            assertThat(e.errReason()).startsWith("String length exceeds DDL length");
            assertThat(e.colname()).isEqualTo("name");
            assertThat(e.colLength()).isEqualTo("5");
            assertThat(e.lineNumber()).isEqualTo(2);
            assertThat(e.rawFieldValue()).isEqualTo("Éléo");
        }

        @Test
        void withMaxerrorTheValueThatFitsLoads() {
            put("people/p.json", lines("{\"name\": \"Élé\", \"n\": 1}", "{\"name\": \"Éléo\", \"n\": 2}"));

            ok("COPY people FROM 's3://sparkify/people/' FORMAT AS JSON 'auto' MAXERROR 1");

            assertThat(rows("SELECT n, name FROM people")).containsExactly(row(1L, "Élé"));
        }
    }

    // ---------------------------------------------------------------- errors

    @Nested
    class Maxerror {

        private static final String BAD_LINE = "{\"artist\": \"Bad\", \"sessionid\": 23, \"userid\": \"abc\"}";

        @BeforeEach
        void tableAndFiles() {
            ok(EVENTS_DDL);
            put("log_data/a.json", lines(event(11, 1), event(12, 2), event(13, 3)));
            put("log_data/b.json", lines(event(21, 4), event(22, 5), BAD_LINE, event(24, 6)));
        }

        @Test
        void withMaxerrorZeroOneBadLineFailsTheCopyAndNothingLoads() {
            ok("INSERT INTO staging_events (sessionid) VALUES (999)");

            String error = fails(COPY_EVENTS);

            // The message names the object and the line.
            assertThat(error).contains("s3://sparkify/log_data/b.json").contains("line 3");
            // Atomic: a.json and the first lines of b.json were good, yet nothing of them stays.
            assertThat(sessionIds()).containsExactly(999L);
        }

        @Test
        void theRejectedRowIsRecordedEvenThoughTheCopyRolledBack() {
            fails(COPY_EVENTS);

            List<LoadErrorRow> errors = loadErrors();
            assertThat(errors).hasSize(1);
            LoadErrorRow e = errors.get(0);
            assertThat(e.filename()).isEqualTo("s3://sparkify/log_data/b.json");
            assertThat(e.lineNumber()).isEqualTo(3);
            assertThat(e.colname()).isEqualTo("userid");
            assertThat(e.type()).isEqualTo("int4");
            assertThat(e.rawLine()).isEqualTo(BAD_LINE);
            assertThat(e.rawFieldValue()).isEqualTo("abc");
            assertThat(e.errCode()).isEqualTo(1207);
            assertThat(e.errReason()).isEqualTo("Invalid digit, Value 'a', Pos 0, Type: Integer");
        }

        @Test
        void aFailedCopyInABatchRollsBackTheWholeBatch() {
            StatementDescription batch = batch("INSERT INTO staging_events (sessionid) VALUES (1)", COPY_EVENTS);

            assertThat(batch.state()).isEqualTo(StatementState.FAILED);
            assertThat(batch.subStatement(2).state()).isEqualTo(StatementState.FAILED);
            assertThat(count("staging_events")).isZero();
        }

        @Test
        void withMaxerrorOneTheGoodRowsLoadAndTheBadOneIsRecorded() {
            StatementDescription copy = ok(COPY_EVENTS + " MAXERROR 1");

            assertThat(sessionIds()).containsExactly(11L, 12L, 13L, 21L, 22L, 24L);
            assertThat(copy.resultRows()).isEqualTo(6);
            List<LoadErrorRow> errors = loadErrors();
            assertThat(errors).extracting(LoadErrorRow::filename, LoadErrorRow::lineNumber, LoadErrorRow::errCode)
                    .containsExactly(tuple("s3://sparkify/log_data/b.json", 3L, 1207L));
        }

        @Test
        void everyBadRowCounts() {
            put("log_data/c.json", lines(event(31, 7), "{\"sessionid\": 32, \"userid\": 1.5}"));

            // Two bad rows: MAXERROR 1 is not enough, MAXERROR 2 is.
            fails(COPY_EVENTS + " MAXERROR 1");
            assertThat(count("staging_events")).isZero();

            StatementDescription copy = ok(COPY_EVENTS + " MAXERROR AS 2");
            assertThat(copy.resultRows()).isEqualTo(7);
            assertThat(sessionIds()).containsExactly(11L, 12L, 13L, 21L, 22L, 24L, 31L);
        }

        @Test
        void strayCharactersAndBrokenObjectsCountTowardMaxerror() {
            ok("DELETE FROM staging_events");
            put("log_data/a.json", "");
            put("log_data/b.json", "{\"sessionid\": 1},{\"sessionid\": 2}\n{\"sessionid\": 3, \"userid\": \"no end}\n"
                    + "{\"sessionid\": 4}\n{\"sessionid\": 5");

            // Errors: the comma (line 1), the unterminated string (line 2), the unterminated object (line 4).
            fails(COPY_EVENTS + " MAXERROR 2");
            StatementDescription copy = ok(COPY_EVENTS + " MAXERROR 3");

            assertThat(copy.resultRows()).isEqualTo(3);
            assertThat(sessionIds()).containsExactly(1L, 2L, 4L);
            List<LoadErrorRow> lastCopy = errorsOfLastCopy();
            assertThat(lastCopy).extracting(LoadErrorRow::lineNumber).containsExactly(1L, 2L, 4L);
            assertThat(lastCopy.get(0).rawLine()).isEqualTo(",");
        }

        @Test
        void aBadPrettyPrintedObjectIsRecordedAtItsLastLine() {
            // "The LINE_NUMBER column records the last line of the JSON object that caused the error."
            put("log_data/b.json", """
                    {
                      "sessionid": 1
                    }
                    {
                      "sessionid": 2,
                      "userid": "x"
                    }
                    """);

            ok(COPY_EVENTS + " MAXERROR 1");

            assertThat(sessionIds()).containsExactly(1L, 11L, 12L, 13L);
            LoadErrorRow e = loadErrors().get(0);
            assertThat(e.lineNumber()).isEqualTo(7);
            assertThat(e.rawLine()).isEqualTo("{\n  \"sessionid\": 2,\n  \"userid\": \"x\"\n}");
            assertThat(e.errReason()).isEqualTo("Invalid digit, Value 'x', Pos 0, Type: Integer");
        }

        @Test
        void notNullColumnsRejectRowsWithoutAValue() {
            ok("CREATE TABLE users (userid INTEGER NOT NULL, level VARCHAR(10))");
            put("users/u.json", lines("{\"userid\": 1, \"level\": \"free\"}", "{\"level\": \"paid\"}",
                    "{\"userid\": \"\", \"level\": \"x\"}", "{\"userid\": null}"));

            String error = fails("COPY users FROM 's3://sparkify/users/' FORMAT AS JSON 'auto'");
            assertThat(error).contains("users/u.json").contains("line 2");
            assertThat(count("users")).isZero();

            ok("COPY users FROM 's3://sparkify/users/' FORMAT AS JSON 'auto' MAXERROR 3");

            assertThat(rows("SELECT userid, level FROM users")).containsExactly(row(1L, "free"));
            List<LoadErrorRow> errors = errorsOfLastCopy();
            assertThat(errors).extracting(LoadErrorRow::lineNumber).containsExactly(2L, 3L, 4L);
            assertThat(errors).allSatisfy(e -> {
                assertThat(e.errCode()).isEqualTo(1213);
                assertThat(e.colname()).isEqualTo("userid");
            });
        }
    }

    @Nested
    class CopyFigures {

        @BeforeEach
        void tableAndFiles() {
            ok(EVENTS_DDL);
            put("log_data/a.json", lines(event(11, 1), event(12, 2), "{\"sessionid\": 13, \"userid\": \"bad\"}",
                    event(14, 4)));
        }

        @Test
        void pgLastCopyCountAndIdInTheSameBatch() {
            StatementDescription batch = batch(COPY_EVENTS + " MAXERROR 1",
                    "SELECT pg_last_copy_count() AS loaded, pg_last_copy_id() AS copy_id");

            assertThat(batch.state()).as(batch.error()).isEqualTo(StatementState.FINISHED);
            assertThat(batch.subStatement(1).resultRows()).isEqualTo(3);
            QueryResult figures = warehouse.getStatementResult(batch.id() + ":2");
            assertThat(figures.getLong(0, "loaded")).isEqualTo(3);
            // "you can use PG_LAST_COPY_ID when you query STL_LOAD_ERRORS table"
            List<LoadErrorRow> errors = loadErrors();
            assertThat(errors).hasSize(1);
            assertThat(figures.getLong(0, "copy_id")).isEqualTo(errors.get(0).query());
        }

        @Test
        void theBatchSeesTheRejectedRowsThroughPgLastCopyId() {
            StatementDescription batch = batch(COPY_EVENTS + " MAXERROR 1",
                    "SELECT filename, line_number, colname, err_code FROM stl_load_errors WHERE query = pg_last_copy_id()");

            assertThat(batch.state()).as(batch.error()).isEqualTo(StatementState.FINISHED);
            assertThat(warehouse.getStatementResult(batch.id() + ":2").rows())
                    .containsExactly(row("s3://sparkify/log_data/a.json", 3L, "userid", 1207L));
        }

        @Test
        void theSysViewsShowTheSameRowsAndThePerObjectCounts() {
            put("log_data/b.json", lines(event(21, 1), event(22, 2)));
            StatementDescription batch = batch(COPY_EVENTS + " MAXERROR 1",
                    "SELECT file_name, line_number, column_name, error_code FROM sys_load_error_detail"
                            + " WHERE query_id = pg_last_copy_id()",
                    "SELECT TRIM(file_name) AS file, SUM(lines_scanned) AS scanned, SUM(errors) AS errors"
                            + " FROM sys_load_detail WHERE query_id = pg_last_copy_id() GROUP BY TRIM(file_name) ORDER BY 1");

            assertThat(batch.state()).as(batch.error()).isEqualTo(StatementState.FINISHED);
            assertThat(warehouse.getStatementResult(batch.id() + ":2").rows())
                    .containsExactly(row("s3://sparkify/log_data/a.json", 3L, "userid", 1207L));
            // a.json: four records read, one of them rejected; b.json: two read.
            assertThat(warehouse.getStatementResult(batch.id() + ":3").rows()).containsExactly(
                    row("s3://sparkify/log_data/a.json", 4L, 1L), row("s3://sparkify/log_data/b.json", 2L, 0L));
        }

        @Test
        void beforeAnyCopyTheFunctionsReturnMinusOneAndZero() {
            // "If no COPY commands have been run in the current session, PG_LAST_COPY_ID returns -1."
            // "If no COPY commands were executed in the current session ... PG_LAST_COPY_COUNT returns 0."
            StatementDescription batch = batch("SELECT pg_last_copy_count() AS loaded, pg_last_copy_id() AS copy_id");

            QueryResult figures = warehouse.getStatementResult(batch.id() + ":1");
            assertThat(figures.getLong(0, "loaded")).isZero();
            assertThat(figures.getLong(0, "copy_id")).isEqualTo(-1);
        }

        @Test
        void theLastOfTwoCopiesCounts() {
            put("more/m.json", lines(event(21, 1)));
            StatementDescription batch = batch(
                    COPY_EVENTS + " MAXERROR 1",
                    "SELECT pg_last_copy_count() AS loaded, pg_last_copy_id() AS copy_id",
                    "COPY staging_events FROM 's3://sparkify/more/' FORMAT AS JSON 'auto'",
                    "SELECT pg_last_copy_count() AS loaded, pg_last_copy_id() AS copy_id");

            assertThat(batch.state()).as(batch.error()).isEqualTo(StatementState.FINISHED);
            QueryResult first = warehouse.getStatementResult(batch.id() + ":2");
            QueryResult second = warehouse.getStatementResult(batch.id() + ":4");
            assertThat(first.getLong(0, "loaded")).isEqualTo(3);
            assertThat(second.getLong(0, "loaded")).isEqualTo(1);
            assertThat(second.getLong(0, "copy_id")).isNotEqualTo(first.getLong(0, "copy_id"));
            assertThat(count("staging_events")).isEqualTo(4);
        }
    }

    @Nested
    class Unsupported {

        @BeforeEach
        void tableAndFiles() {
            ok(EVENTS_DDL);
            put("log_data/a.json", event(1, 1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"GZIP", "ACCEPTINVCHARS", "IGNOREHEADER 1", "DATEFORMAT 'auto'", "ROUNDEC"})
        void anUnsupportedOptionFailsTheStatementNamingIt(String option) {
            String error = fails(COPY_EVENTS + " " + option);

            assertThat(error).contains(option.split(" ")[0]);
            assertThat(count("staging_events")).isZero();
            assertThat(loadErrors()).isEmpty();
        }

        @Test
        void csvFailsNamingIt() {
            String error = fails("COPY staging_events FROM 's3://sparkify/log_data' IAM_ROLE default CSV");

            assertThat(error).contains("CSV");
        }

        @Test
        void aCopyWithoutJsonFails() {
            String error = fails("COPY staging_events FROM 's3://sparkify/log_data' IAM_ROLE default");

            assertThat(error).contains("JSON");
            assertThat(count("staging_events")).isZero();
        }
    }

    /** A bucket whose listing also shows console "folder" markers: zero-byte keys ending in '/'. */
    private static final class FolderMarkerStore implements ObjectStore {
        private final ObjectStore files;
        private final List<String> markers;

        FolderMarkerStore(ObjectStore files, List<String> markers) {
            this.files = files;
            this.markers = markers;
        }

        @Override
        public List<ObjectSummary> list(String prefix) {
            List<ObjectSummary> all = new ArrayList<>(files.list(prefix));
            for (String marker : markers) {
                if (marker.startsWith(prefix)) {
                    all.add(new ObjectSummary(marker, 0, "d41d8cd98f00b204e9800998ecf8427e"));
                }
            }
            all.sort(Comparator.comparing(ObjectSummary::key));
            return all;
        }

        @Override
        public InputStream read(String key) {
            if (key.endsWith("/")) {
                throw new IllegalStateException("COPY read the folder marker " + key);
            }
            return files.read(key);
        }

        @Override
        public void write(String key, byte[] content) {
            files.write(key, content);
        }
    }
}
