package com.sparkify.dwh.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.dwh.sql.SqlToken.Type;
import com.sparkify.dwh.store.S3Uri;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlCatalogTest {

    private final SqlCatalog catalog = SqlCatalog.fromClasspath();

    /** A catalog over SQL files held in memory. */
    static SqlCatalog catalogOf(Map<String, String> files) {
        ClassLoader loader = new ClassLoader(null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                String text = files.get(name);
                return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SqlCatalog(loader);
    }

    static Map<String, Object> stageParams(String source) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("manifest", source);
        params.put("iam_role", "arn:aws:iam::123456789012:role/sparkify-redshift");
        params.put("region", "us-west-2");
        params.put("json_format", "s3://udacity-dend/log_json_path.json");
        params.put("max_errors", 10);
        return params;
    }

    // ---- the files of sql/ ----

    /** A value for every placeholder any file of sql/ has. */
    static Map<String, Object> everyParam() {
        Map<String, Object> params = stageParams("s3://udacity-dend/log_data/");
        params.put("run_id", "run-1");
        params.put("now", "2018-12-01 03:00:05.123456");
        params.put("stale_before", "2018-11-30 15:00:05.123456");
        params.put("ledger_file", "s3://sparkify-dwh-work/manifests/run-1/ledger.json");
        params.put("loaded_at", "2018-12-01 03:09:00.000000");
        return params;
    }

    /** The repository's sql/ folder (tests run in the functions module's folder). */
    private static final Path SQL_FOLDER = Path.of("..", "sql");

    /** Statement counts, counted by reading each file. */
    @ParameterizedTest
    @CsvSource({
        "create_tables, 13",
        "drop_tables, 13",
        "stage_events, 5",
        "stage_songs, 5",
        "load_users, 7",
        "load_songs, 6",
        "load_songplays, 12",
        "load_time, 2",
        "check_quality, 1",
        "table_counts, 1",
        "clear_staging_events, 1",
        "clear_staging_songs, 1",
        "init_lock, 2",
        "acquire_lock, 2",
        "release_lock, 1",
        "read_ledger, 2",
        "record_ledger, 4",
        "ledger_report, 1",
        "ledger_objects, 1",
    })
    void eachFileSplitsIntoTheExpectedStatements(String name, int statements) {
        List<String> rendered = catalog.render(name, everyParam());
        assertThat(rendered).hasSize(statements).allSatisfy(SqlCatalogTest::isOneCleanStatement);
    }

    @Test
    void theSqlFolderHoldsExactlyTheseFilesAndArtistsLoadWithSongs() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> listing = Files.list(SQL_FOLDER)) {
            listing.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".sql")).forEach(names::add);
        }
        assertThat(names).containsExactlyInAnyOrder("create_tables.sql", "drop_tables.sql", "stage_events.sql",
                "stage_songs.sql", "clear_staging_events.sql", "clear_staging_songs.sql", "load_users.sql",
                "load_songs.sql", "load_songplays.sql", "load_time.sql", "check_quality.sql", "table_counts.sql",
                "init_lock.sql", "acquire_lock.sql", "release_lock.sql", "read_ledger.sql", "record_ledger.sql",
                "ledger_report.sql", "ledger_objects.sql",
                // the analyst report (./sparkify report): one query per figure
                "report_summary.sql", "report_row_counts.sql", "report_plays_per_day.sql", "report_plays_per_hour.sql",
                "report_plays_per_weekday.sql", "report_top_songs.sql", "report_top_artists.sql",
                "report_levels_per_day.sql", "report_level_changes.sql", "report_session_lengths.sql",
                "report_unmatched_plays.sql", "report_ledger_exists.sql", "report_load_history.sql");
        assertThat(String.join("\n", catalog.render("load_songs"))).contains("INSERT INTO song_rows")
                .contains("INSERT INTO songs").contains("INSERT INTO artists");
    }

    /** The placeholders of a file: every value a step must give it, and nothing it would silently drop. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "stage_events   | manifest iam_role region json_format max_errors",
        "stage_songs    | manifest iam_role region max_errors",
        "acquire_lock   | run_id now stale_before",
        "release_lock   | run_id",
        "record_ledger  | ledger_file iam_role region run_id loaded_at",
        "init_lock      | ''",
        "read_ledger    | ''",
        "ledger_report  | ''",
        "ledger_objects | ''",
        "create_tables  | ''",
        "drop_tables    | ''",
        "load_users     | ''",
        "load_songs     | ''",
        "load_songplays | ''",
        "load_time      | ''",
    })
    void eachFileHasExactlyThesePlaceholders(String name, String placeholders) throws IOException {
        Set<String> found = new TreeSet<>();
        for (SqlToken token : SqlLexer.tokenize(Files.readString(SQL_FOLDER.resolve(name + ".sql")))) {
            if (token.type() == Type.PLACEHOLDER) {
                found.add(token.placeholderName());
            }
        }
        Set<String> expected = new TreeSet<>(placeholders.isBlank() ? List.of() : List.of(placeholders.trim().split(" ")));
        assertThat(found).isEqualTo(expected);
    }

    @TestFactory
    Stream<DynamicTest> everyFileOfTheSqlFolderLoadsAndRenders() throws IOException {
        // sql/ itself, rendered through the classpath: every file in the repository is also shipped
        List<Path> files;
        try (Stream<Path> listing = Files.list(SQL_FOLDER)) {
            files = listing.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(19);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString().replaceFirst("\\.sql$", "");
            Map<String, Object> params = new HashMap<>();
            for (SqlToken token : SqlLexer.tokenize(Files.readString(file))) {
                if (token.type() == Type.PLACEHOLDER) {
                    params.put(token.placeholderName(), "value of " + token.placeholderName());
                }
            }
            List<String> statements = catalog.render(name, params);
            assertThat(statements).isNotEmpty().allSatisfy(SqlCatalogTest::isOneCleanStatement);
        }));
    }

    private static void isOneCleanStatement(String statement) {
        List<SqlToken> tokens = SqlLexer.tokenize(statement);
        assertThat(tokens).isNotEmpty();
        assertThat(tokens.get(0).isTrivia()).as("leading trivia in %s", statement).isFalse();
        assertThat(tokens.get(tokens.size() - 1).isTrivia()).as("trailing trivia in %s", statement).isFalse();
        assertThat(tokens).as(statement).noneMatch(t -> t.type() == Type.SEMICOLON || t.type() == Type.PLACEHOLDER);
    }

    @Test
    void stageEventsRendersTheValuesAsLiterals() {
        List<String> statements = catalog.render("stage_events", stageParams("s3://work/manifests/run-1/events.manifest"));
        assertThat(statements).hasSize(5);
        assertThat(statements.get(0)).isEqualTo("TRUNCATE staging_events");
        String copy = statements.get(1);
        assertThat(copy).startsWith("COPY staging_events\nFROM 's3://work/manifests/run-1/events.manifest'\n")
                .contains("IAM_ROLE 'arn:aws:iam::123456789012:role/sparkify-redshift'\n")
                .contains("REGION 'us-west-2'\nMANIFEST\n")
                .contains("FORMAT AS JSON 's3://udacity-dend/log_json_path.json'\n")
                .contains("MAXERROR 10\n")
                .doesNotContain("{{");
        List<SqlToken> tokens = SqlLexer.tokenize(copy);
        assertThat(tokens).filteredOn(t -> t.type() == Type.STRING).extracting(SqlToken::stringValue)
                .containsExactly("s3://work/manifests/run-1/events.manifest", "arn:aws:iam::123456789012:role/sparkify-redshift",
                        "us-west-2", "s3://udacity-dend/log_json_path.json", "epochmillisecs");
        assertThat(statements.get(4)).startsWith("SELECT pg_last_copy_count() AS rows_loaded");
    }

    @Test
    void stageSongsUsesAutoIgnorecaseWhateverTheJsonFormat() {
        String copy = catalog.render("stage_songs", stageParams("s3://work/manifests/run-1/songs.manifest")).get(1);
        assertThat(copy).contains("FROM 's3://work/manifests/run-1/songs.manifest'").contains("MANIFEST")
                .contains("FORMAT AS JSON 'auto ignorecase'");
    }

    /**
     * The two stage steps run in parallel: each replaces its own dataset's per-object COPY figures, right
     * after its COPY (so pg_last_copy_id() is that COPY's), and leaves the other dataset's alone.
     */
    @ParameterizedTest
    @CsvSource({"stage_events, events, staging_events", "stage_songs, songs, staging_songs"})
    void eachStageStepRecordsItsOwnDatasetsFiguresPerObject(String file, String dataset, String table) {
        List<String> statements = catalog.render(file, stageParams("s3://work/manifests/run-1/" + dataset + ".manifest"));

        assertThat(statements.get(0)).isEqualTo("TRUNCATE " + table);
        assertThat(statements.get(1)).startsWith("COPY " + table + "\n");
        assertThat(statements.get(2)).isEqualTo("DELETE FROM staging_file_loads WHERE dataset = '" + dataset + "'");
        assertThat(statements.get(3)).startsWith("INSERT INTO staging_file_loads (dataset, object_uri, rows_loaded, rows_rejected)\n"
                + "SELECT '" + dataset + "', ").contains("FROM sys_load_detail WHERE query_id = pg_last_copy_id()")
                .contains("FROM sys_load_error_detail WHERE query_id = pg_last_copy_id()");
        assertThat(SqlLexer.tokenize(statements.get(2) + statements.get(3))).filteredOn(t -> t.type() == Type.STRING)
                .extracting(SqlToken::stringValue).containsOnly(dataset);
        assertThat(statements.get(4)).startsWith("SELECT pg_last_copy_count() AS rows_loaded");
    }

    @Test
    void acquireLockRendersTheRunAndBothTimesWhereTheyBelong() {
        List<String> statements = catalog.render("acquire_lock",
                Map.of("run_id", "run-7", "now", "2018-12-01 03:00:05.123456", "stale_before", "2018-11-30 15:00:05.123456"));

        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).startsWith("UPDATE pipeline_lock\n")
                .contains("SET run_id = 'run-7', acquired_at = CAST('2018-12-01 03:00:05.123456' AS TIMESTAMP)")
                .contains("run_id IS NULL OR run_id = 'run-7' OR acquired_at < CAST('2018-11-30 15:00:05.123456' AS TIMESTAMP)");
        assertThat(SqlLexer.tokenize(statements.get(0))).filteredOn(t -> t.type() == Type.STRING)
                .extracting(SqlToken::stringValue)
                .containsExactly("run-7", "2018-12-01 03:00:05.123456", "etl", "run-7", "2018-11-30 15:00:05.123456");
        assertThat(statements.get(1)).startsWith("SELECT CASE WHEN run_id = 'run-7' THEN 1 ELSE 0 END AS acquired");
    }

    @Test
    void recordLedgerCopiesTheLedgerFileAndStampsTheRun() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ledger_file", "s3://sparkify-dwh-work/manifests/run-7/ledger.json");
        params.put("iam_role", "arn:aws:iam::123456789012:role/sparkify-redshift");
        params.put("region", "us-west-2");
        params.put("run_id", "run-7");
        params.put("loaded_at", "2018-12-01 03:09:00.000000");

        List<String> statements = catalog.render("record_ledger", params);

        assertThat(statements).hasSize(4);
        assertThat(statements.get(0)).isEqualTo("DELETE FROM staging_ledger");
        assertThat(statements.get(1)).startsWith("COPY staging_ledger\nFROM 's3://sparkify-dwh-work/manifests/run-7/ledger.json'\n")
                .contains("IAM_ROLE 'arn:aws:iam::123456789012:role/sparkify-redshift'\n").contains("REGION 'us-west-2'\n")
                .contains("FORMAT AS JSON 'auto'").doesNotContain("MANIFEST");
        assertThat(statements.get(2)).startsWith("INSERT INTO load_ledger ")
                .contains("'run-7', CAST('2018-12-01 03:09:00.000000' AS TIMESTAMP)");
        assertThat(statements.get(3)).isEqualTo("SELECT COUNT(*) AS rows_written FROM staging_ledger");
    }

    @Test
    void renderingIsRepeatable() {
        Map<String, Object> params = stageParams("s3://b/k");
        assertThat(catalog.render("stage_events", params)).isEqualTo(catalog.render("stage_events", params));
        assertThat(catalog.render("create_tables")).isEqualTo(catalog.render("create_tables", Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifest", "iam_role", "region", "json_format", "max_errors"})
    void aMissingValueIsAnErrorNamingTheFileAndPlaceholder(String missing) {
        Map<String, Object> params = stageParams("s3://b/k");
        params.remove(missing);
        assertThatThrownBy(() -> catalog.render("stage_events", params))
                .isInstanceOf(UnsafeSqlValueException.class)
                .hasMessageContaining("sql/stage_events.sql")
                .hasMessageContaining("{{" + missing + "}}")
                .hasMessageContaining("has no value");
    }

    @Test
    void aNullValueIsAnErrorNamingTheFileAndPlaceholder() {
        Map<String, Object> params = stageParams("s3://b/k");
        params.put("region", null);
        assertThatThrownBy(() -> catalog.render("stage_events", params))
                .isInstanceOf(UnsafeSqlValueException.class)
                .hasMessageContaining("sql/stage_events.sql placeholder {{region}}");
    }

    @Test
    void anUnsafeValueIsAnErrorNamingTheFileAndPlaceholder() {
        assertThatThrownBy(() -> catalog.render("stage_events", stageParams("s3://b/a\nb")))
                .isInstanceOf(UnsafeSqlValueException.class)
                .hasMessageContaining("sql/stage_events.sql placeholder {{manifest}}")
                .hasMessageContaining("U+000A");
        Map<String, Object> params = stageParams("s3://b/k");
        params.put("max_errors", 2.5);
        assertThatThrownBy(() -> catalog.render("stage_events", params))
                .isInstanceOf(UnsafeSqlValueException.class)
                .hasMessageContaining("{{max_errors}}")
                .hasMessageContaining("Double");
    }

    @Test
    void aMissingFileIsAnError() {
        assertThatThrownBy(() -> catalog.render("no_such_file"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sql/no_such_file.sql");
    }

    @Test
    void aFileThatDoesNotLexIsAnErrorNamingTheFile() {
        SqlCatalog broken = catalogOf(Map.of("sql/broken.sql", "SELECT 1;\nSELECT 'unterminated;\n"));
        assertThatThrownBy(() -> broken.render("broken"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("sql/broken.sql")
                .hasMessageContaining("unterminated string literal");
    }

    @Test
    void placeholdersInsideCommentsLiteralsAndIdentifiersAreUntouched() {
        SqlCatalog custom = catalogOf(Map.of("sql/commented.sql", """
                -- header {{header}}
                SELECT {{value}} AS v, -- {{line}} stays
                       '{{literal}}' AS l, /* {{block}} stays */ "{{ident}}"
                FROM t;
                """));
        List<String> statements = custom.render("commented", Map.of("value", "x"));
        assertThat(statements).containsExactly("""
                SELECT 'x' AS v, -- {{line}} stays
                       '{{literal}}' AS l, /* {{block}} stays */ "{{ident}}"
                FROM t""");
    }

    @Test
    void valuesAreNotRenderedAgain() {
        SqlCatalog custom = catalogOf(Map.of("sql/twice.sql", "SELECT {{a}}, {{b}}"));
        assertThat(custom.render("twice", Map.of("a", "{{b}}", "b", "it's")))
                .containsExactly("SELECT '{{b}}', 'it''s'");
    }

    @Test
    void aNegativeNumberAfterAMinusNeverBecomesAComment() {
        SqlCatalog custom = catalogOf(Map.of("sql/minus.sql", "SELECT 1-{{n}}, 2"));
        String rendered = custom.render("minus", Map.of("n", -5)).get(0);
        assertThat(SqlLexer.tokenize(rendered)).noneMatch(t -> t.type() == Type.LINE_COMMENT);
        assertThat(SqlLexer.tokenize(rendered)).filteredOn(t -> t.type() == Type.NUMBER)
                .extracting(SqlToken::text).contains("5", "2");
    }

    @Test
    void aLiteralNeverMergesWithTheTokenBeforeIt() {
        SqlCatalog custom = catalogOf(Map.of("sql/glued.sql", "SELECT E{{a}}, 'x'{{a}}, col{{n}}, \"c\"{{a}}, ({{a}})"));
        String rendered = custom.render("glued", Map.of("a", "v", "n", 5)).get(0);
        assertThat(rendered).isEqualTo("SELECT E 'v', 'x' 'v', col 5, \"c\" 'v', ('v')");
    }

    // ---- SECURITY: values never change the statements around them ----

    static final List<String> HOSTILE = List.of(
            "x'; DROP TABLE users; --",
            "x'); DROP TABLE users; --",
            "'; DELETE FROM songplays; SELECT '",
            "a' OR '1'='1",
            "''; DROP TABLE users; --''",
            "'''",
            "log_data/'--",
            "log_data/*",
            "*/ ; DROP TABLE users; /*",
            "$$; DROP TABLE users; $$",
            "$x$'; DROP TABLE users; $x$",
            "\"; DROP TABLE users; --",
            "{{iam_role}}",
            "}}'; {{region",
            "; ; ;",
            "-- ",
            "' || (SELECT 1) || '",
            "é😀日本'; DROP TABLE users; --");

    /** The rendered stage_events, tokenized per statement. */
    private List<List<SqlToken>> renderStageEvents(Map<String, Object> params) {
        List<List<SqlToken>> statements = new ArrayList<>();
        for (String statement : catalog.render("stage_events", params)) {
            statements.add(SqlLexer.tokenize(statement));
        }
        return statements;
    }

    /**
     * Asserts the statements are the benign ones token for token, except the literal that held the benign
     * value, which must hold the hostile value exactly.
     */
    private static void assertSameStructure(List<List<SqlToken>> benign, List<List<SqlToken>> hostile,
                                            String benignValue, String hostileValue) {
        assertSameStructure(benign, hostile, benignValue, hostileValue, 1);
    }

    private static void assertSameStructure(List<List<SqlToken>> benign, List<List<SqlToken>> hostile,
                                            String benignValue, String hostileValue, int literals) {
        assertThat(hostile).hasSameSizeAs(benign);
        int replaced = 0;
        for (int s = 0; s < benign.size(); s++) {
            List<SqlToken> expected = benign.get(s);
            List<SqlToken> actual = hostile.get(s);
            assertThat(actual).extracting(SqlToken::type)
                    .as("token types of statement %d with %s", s + 1, hostileValue)
                    .containsExactlyElementsOf(expected.stream().map(SqlToken::type).toList());
            for (int t = 0; t < expected.size(); t++) {
                SqlToken e = expected.get(t);
                SqlToken a = actual.get(t);
                if (e.type() == Type.STRING && e.stringValue().equals(benignValue)) {
                    assertThat(a.stringValue()).isEqualTo(hostileValue);
                    replaced++;
                } else {
                    assertThat(a.text()).as("token %d of statement %d", t, s + 1).isEqualTo(e.text());
                }
            }
        }
        assertThat(replaced).as("literals holding the value").isEqualTo(literals);
    }

    private List<List<SqlToken>> renderTokens(String name, Map<String, Object> params) {
        List<List<SqlToken>> statements = new ArrayList<>();
        for (String statement : catalog.render(name, params)) {
            statements.add(SqlLexer.tokenize(statement));
        }
        return statements;
    }

    /**
     * The lock steps run before the Plan step checks the run id: whatever the execution's name, it stays
     * one literal wherever the lock and ledger files use it.
     */
    @Test
    void hostileRunIdsNeverAlterTheLockAndLedgerStatements() {
        String benignRunId = "benign-run";
        Map<String, Integer> uses = Map.of("acquire_lock", 3, "release_lock", 1, "record_ledger", 1);
        for (Map.Entry<String, Integer> file : uses.entrySet()) {
            Map<String, Object> benignParams = everyParam();
            benignParams.put("run_id", benignRunId);
            List<List<SqlToken>> benign = renderTokens(file.getKey(), benignParams);
            for (String runId : HOSTILE) {
                Map<String, Object> params = new HashMap<>(benignParams);
                params.put("run_id", runId);
                assertSameStructure(benign, renderTokens(file.getKey(), params), benignRunId, runId, file.getValue());
            }
        }
    }

    @Test
    void hostileSourceKeysNeverAlterStageEvents() {
        String benignSource = "s3://benign-bucket/benign-key";
        List<List<SqlToken>> benign = renderStageEvents(stageParams(benignSource));
        for (String key : HOSTILE) {
            String source = S3Uri.of("udacity-dend", key).toString();
            assertSameStructure(benign, renderStageEvents(stageParams(source)), benignSource, source);
        }
    }

    @Test
    void hostileBucketNamesNeverAlterStageEvents() {
        String benignSource = "s3://benign-bucket/benign-key";
        List<List<SqlToken>> benign = renderStageEvents(stageParams(benignSource));
        for (String bucket : HOSTILE) {
            String source = S3Uri.of(bucket, "log_data/2018/11/").toString();
            assertSameStructure(benign, renderStageEvents(stageParams(source)), benignSource, source);
        }
    }

    @Test
    void hostileValuesInEveryPlaceholderNeverAlterStageEvents() {
        Map<String, Object> benignParams = stageParams("s3://b/k");
        List<List<SqlToken>> benign = renderStageEvents(benignParams);
        for (String param : List.of("manifest", "iam_role", "region", "json_format")) {
            for (String value : HOSTILE) {
                Map<String, Object> params = new HashMap<>(benignParams);
                params.put(param, value);
                assertSameStructure(benign, renderStageEvents(params), (String) benignParams.get(param), value);
            }
        }
    }

    @Test
    void randomHostileValuesNeverAlterStageEvents() {
        String alphabet = "'''\"\";;--//**$${}x ()é😀\u2028\u00a0,|";
        int[] codePoints = alphabet.codePoints().toArray();
        Random random = new Random(20181101);
        String benignSource = "s3://b/k";
        List<List<SqlToken>> benign = renderStageEvents(stageParams(benignSource));
        for (int run = 0; run < 2000; run++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                value.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            String source = value.toString();
            assertSameStructure(benign, renderStageEvents(stageParams(source)), benignSource, source);
        }
    }

    @Test
    void valuesThatCannotBeQuotedSafelyAreRefusedNotRendered() {
        for (String key : List.of("x\\'; DROP TABLE users; --", "x\n'; DROP TABLE users; --", "x\u0000", "x\ud800")) {
            assertThatThrownBy(() -> catalog.render("stage_events", stageParams(S3Uri.of("b", key).toString())))
                    .isInstanceOf(UnsafeSqlValueException.class)
                    .hasMessageContaining("{{manifest}}");
        }
    }
}
