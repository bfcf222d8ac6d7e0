package com.sparkify.dwh.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.dwh.sql.SqlToken.Type;
import com.sparkify.dwh.store.S3Uri;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

    @ParameterizedTest
    @CsvSource({
        "create_tables, 7",
        "drop_tables, 7",
        "stage_events, 3",
        "stage_songs, 3",
        "load_users, 2",
        "load_songs, 2",
        "load_artists, 2",
        "load_songplays, 1",
        "load_time, 1",
        "check_quality, 1",
        "table_counts, 1",
        "clear_staging_events, 1",
        "clear_staging_songs, 1",
    })
    void eachFileSplitsIntoTheExpectedStatements(String name, int statements) {
        List<String> rendered = catalog.render(name, stageParams("s3://udacity-dend/log_data/"));
        assertThat(rendered).hasSize(statements).allSatisfy(SqlCatalogTest::isOneCleanStatement);
    }

    @TestFactory
    Stream<DynamicTest> everyFileOfTheSqlFolderLoadsAndRenders() throws IOException, URISyntaxException {
        Path folder = Path.of(SqlCatalog.class.getClassLoader().getResource("sql/create_tables.sql").toURI()).getParent();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(11);
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
        assertThat(statements.get(2)).startsWith("SELECT pg_last_copy_count() AS rows_loaded");
    }

    @Test
    void stageSongsUsesAutoIgnorecaseWhateverTheJsonFormat() {
        String copy = catalog.render("stage_songs", stageParams("s3://work/manifests/run-1/songs.manifest")).get(1);
        assertThat(copy).contains("FROM 's3://work/manifests/run-1/songs.manifest'").contains("MANIFEST")
                .contains("FORMAT AS JSON 'auto ignorecase'");
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
        assertThat(replaced).as("literals holding the value").isEqualTo(1);
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
