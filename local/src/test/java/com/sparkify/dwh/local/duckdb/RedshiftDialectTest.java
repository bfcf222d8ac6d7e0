package com.sparkify.dwh.local.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.dwh.local.duckdb.RedshiftDialect.LastCopy;
import com.sparkify.dwh.sql.SqlCatalog;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedshiftDialectTest {

    private Connection db;

    @BeforeEach
    void open() throws SQLException {
        db = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private static String rewriteOne(String sql) {
        List<String> statements = RedshiftDialect.rewrite(sql, LastCopy.NONE);
        assertThat(statements).hasSize(1);
        return statements.get(0);
    }

    /** Rewrites and runs a Redshift statement in DuckDB. */
    private void run(String redshiftSql) throws SQLException {
        for (String statement : RedshiftDialect.rewrite(redshiftSql, LastCopy.NONE)) {
            try (Statement s = db.createStatement()) {
                s.execute(statement);
            }
        }
    }

    /** Runs plain DuckDB SQL on a fresh statement (DuckDB's JDBC closes a statement after an error). */
    private void exec(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private void insert(String table, String value) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            insert.setString(1, value);
            insert.executeUpdate();
        }
    }

    private List<Object> column(String sql) throws SQLException {
        List<Object> values = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getObject(1));
            }
        }
        return values;
    }

    // ---- 1. distribution, sort and encoding attributes are stripped ----

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE TABLE t (a INT, b INT) DISTSTYLE EVEN",
        "CREATE TABLE t (a INT, b INT) DISTSTYLE ALL",
        "CREATE TABLE t (a INT, b INT) DISTSTYLE AUTO",
        "CREATE TABLE t (a INT, b INT) DISTSTYLE KEY DISTKEY (a)",
        "CREATE TABLE t (a INT, b INT) DISTKEY(a) SORTKEY(a, b)",
        "CREATE TABLE t (a INT, b INT) COMPOUND SORTKEY (a, b)",
        "CREATE TABLE t (a INT, b INT) INTERLEAVED SORTKEY(b, a)",
        "CREATE TABLE t (a INT, b INT) SORTKEY AUTO",
        "CREATE TABLE t (a INT, b INT) ENCODE AUTO",
        "CREATE TABLE t (a INT DISTKEY SORTKEY, b INT)",
        "CREATE TABLE t (a INT NOT NULL DISTKEY, b INT ENCODE zstd)",
        "CREATE TABLE t (a INT ENCODE az64 NOT NULL, b INT ENCODE RAW DISTKEY)",
        "CREATE TABLE IF NOT EXISTS t (a INT, b INT) diststyle even compound sortkey(a) encode auto",
        "CREATE TABLE t (a INT, b INT, PRIMARY KEY (a)) DISTKEY (a) SORTKEY (b)",
        "CREATE TEMP TABLE t (a INT, b INT) DISTSTYLE EVEN",
    })
    void distributionSortAndEncodingAreStripped(String sql) throws SQLException {
        String rewritten = rewriteOne(sql);
        assertThat(rewritten.toLowerCase(Locale.ROOT))
                .doesNotContain("diststyle", "distkey", "sortkey", "compound", "interleaved", "encode", "zstd", "az64");
        run(sql);
        exec("INSERT INTO t VALUES (1, 2)");
        assertThat(column("SELECT a + b FROM t")).containsExactly(3);
    }

    @Test
    void strippingKeepsTheRestOfTheStatementAsItWas() {
        assertThat(rewriteOne("CREATE TABLE t (\n  a INT NOT NULL DISTKEY SORTKEY,\n  b BIGINT\n)\nDISTSTYLE ALL"))
                .isEqualTo("CREATE TABLE t (\n  a INT NOT NULL  ,\n  b BIGINT\n)\n");
    }

    // ---- 2. character lengths become byte-length checks ----

    @ParameterizedTest
    @CsvSource({
        "VARCHAR(5), 5",
        "varchar (5), 5",
        "CHAR(5), 5",
        "CHARACTER(5), 5",
        "CHARACTER VARYING(5), 5",
        "NVARCHAR(5), 5",
        "NCHAR(5), 5",
        "BPCHAR(5), 5",
        "VARCHAR(MAX), 65535",
        "VARCHAR(max), 65535",
        "VARCHAR, 256",
        "CHARACTER VARYING, 256",
        "TEXT, 256",
        "CHAR, 1",
        "CHARACTER, 1",
    })
    void characterLengthsAreEnforcedInBytes(String type, int bytes) throws SQLException {
        run("CREATE TABLE t (v " + type + " NOT NULL) DISTSTYLE ALL");
        insert("t", "a".repeat(bytes));
        assertThatThrownBy(() -> insert("t", "a".repeat(bytes + 1)))
                .as("%d bytes in %s", bytes + 1, type)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("CHECK");
        if (bytes >= 2) {
            // é is two bytes in UTF-8: n-1 ASCII characters and one é are n+1 bytes, n characters.
            assertThatThrownBy(() -> insert("t", "a".repeat(bytes - 1) + "é")).isInstanceOf(SQLException.class);
            insert("t", "a".repeat(bytes - 2) + "é");
        }
        assertThatThrownBy(() -> insert("t", "😀".repeat(bytes / 4 + 1))).isInstanceOf(SQLException.class);
        assertThat(column("SELECT count(*) FROM t")).containsExactly(bytes >= 2 ? 2L : 1L);
    }

    @Test
    void multibyteCharactersCountAsTheirUtf8Bytes() throws SQLException {
        run("CREATE TABLE t (v VARCHAR(4))");
        insert("t", "日");      // 3 bytes
        insert("t", "😀");      // 4 bytes
        insert("t", "éé");      // 4 bytes
        assertThatThrownBy(() -> insert("t", "日日")).isInstanceOf(SQLException.class);    // 6 bytes, 2 characters
        assertThatThrownBy(() -> insert("t", "a😀")).isInstanceOf(SQLException.class);    // 5 bytes, 2 characters
        insert("t", null);
        assertThat(column("SELECT count(*) FROM t")).containsExactly(4L);
    }

    @Test
    void everyCharacterColumnOfATableIsChecked() throws SQLException {
        run("CREATE TABLE t (id INT, \"Mixed Case\" VARCHAR(2), plain CHAR(3) NOT NULL DISTKEY, n INT)");
        exec("INSERT INTO t VALUES (1, 'ab', 'abc', 1)");
        assertThatThrownBy(() -> exec("INSERT INTO t VALUES (2, 'abc', 'abc', 1)")).hasMessageContaining("CHECK constraint");
        assertThatThrownBy(() -> exec("INSERT INTO t VALUES (3, 'ab', 'abcd', 1)")).hasMessageContaining("CHECK constraint");
        assertThatThrownBy(() -> exec("UPDATE t SET plain = 'abcd'")).hasMessageContaining("CHECK constraint");
        assertThat(column("SELECT \"Mixed Case\" || plain FROM t")).containsExactly("ababc");
    }

    @Test
    void theCheckIsWrittenOnTheColumn() {
        assertThat(rewriteOne("CREATE TABLE t (name VARCHAR(32) NOT NULL)"))
                .isEqualTo("CREATE TABLE t (name VARCHAR CHECK (strlen(\"name\") <= 32) NOT NULL)");
    }

    @Test
    void castsLoseTheirLength() throws SQLException {
        String rewritten = rewriteOne("SELECT CAST('abcdef' AS VARCHAR(3)) AS a, 'xyz'::CHAR(1) AS b, CAST(1 AS VARCHAR(MAX)) AS c");
        assertThat(rewritten).isEqualTo("SELECT CAST('abcdef' AS VARCHAR) AS a, 'xyz'::VARCHAR AS b, CAST(1 AS VARCHAR) AS c");
        assertThat(column(rewritten)).containsExactly("abcdef");
    }

    @Test
    void theSchemaOfSqlCreateTablesRunsAndEnforcesItsLengths() throws SQLException {
        for (String statement : SqlCatalog.fromClasspath().render("create_tables")) {
            run(statement);
        }
        exec("INSERT INTO songs VALUES ('" + "S".repeat(32) + "', 't', 'a', 2000, 1.5)");
        assertThatThrownBy(() -> exec("INSERT INTO songs VALUES ('" + "S".repeat(33) + "', 't', 'a', 2000, 1.5)"))
                .hasMessageContaining("CHECK constraint");
        exec("INSERT INTO songplays VALUES (1, TIMESTAMP '2018-11-01 21:01:46.796', '8', 'free', NULL, NULL, 139, 'x', 'y')");
        assertThat(column("SELECT count(*) FROM songplays")).containsExactly(1L);
    }

    // ---- 3. IDENTITY ----

    @ParameterizedTest
    @CsvSource({
        "1, 1, 1, 2, 3",
        "0, 1, 0, 1, 2",
        "100, 10, 100, 110, 120",
        "5, 3, 5, 8, 11",
        "-5, 2, -5, -3, -1",
        "10, -1, 10, 9, 8",
    })
    void identityIsASequenceStartingAtSeedAndGoingBySteps(long seed, long step, long first, long second, long third)
            throws SQLException {
        run("CREATE TABLE events (event_id BIGINT IDENTITY(" + seed + ", " + step + "), name VARCHAR(16)) DISTSTYLE EVEN");
        exec("INSERT INTO events (name) VALUES ('a')");
        exec("INSERT INTO events (name) VALUES ('b'), ('c')");
        assertThat(column("SELECT event_id FROM events ORDER BY name")).containsExactly(first, second, third);
    }

    @Test
    void identityArgumentsMustBeWholeNumbers() {
        assertThatThrownBy(() -> RedshiftDialect.rewrite("CREATE TABLE t (id BIGINT IDENTITY(1, 0))", LastCopy.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IDENTITY");
        assertThatThrownBy(() -> RedshiftDialect.rewrite("CREATE TABLE t (id BIGINT IDENTITY(a, 1))", LastCopy.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IDENTITY");
    }

    @Test
    void identityCreatesItsSequenceFirst() {
        List<String> statements = RedshiftDialect.rewrite(
                "CREATE TABLE IF NOT EXISTS songplays (songplay_id INT IDENTITY(0,1) PRIMARY KEY, a INT)", LastCopy.NONE);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0))
                .isEqualTo("CREATE SEQUENCE IF NOT EXISTS \"songplays_songplay_id_seq\" START 0 INCREMENT 1 MINVALUE 0");
        assertThat(statements.get(1)).contains("DEFAULT nextval('songplays_songplay_id_seq') PRIMARY KEY")
                .doesNotContainIgnoringCase("identity");
    }

    // ---- 4. pg_last_copy_id() and pg_last_copy_count() ----

    @Test
    void lastCopyFunctionsBecomeTheSessionsFigures() throws SQLException {
        List<String> statements = RedshiftDialect.rewrite(
                "SELECT pg_last_copy_count() AS rows_loaded, PG_LAST_COPY_ID ( ) AS query", new LastCopy(42, 8056));
        assertThat(statements).singleElement().asString()
                .isEqualTo("SELECT CAST(8056 AS BIGINT) AS rows_loaded, CAST(42 AS INTEGER) AS query");
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(statements.get(0))) {
            rs.next();
            assertThat(rs.getLong("rows_loaded")).isEqualTo(8056);
            assertThat(rs.getInt("query")).isEqualTo(42);
        }
    }

    @Test
    void beforeAnyCopyTheFunctionsReturnTheDocumentedDefaults() throws SQLException {
        String rewritten = rewriteOne("SELECT pg_last_copy_count() AS n, pg_last_copy_id() AS q");
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(rewritten)) {
            rs.next();
            assertThat(rs.getLong("n")).isZero();
            assertThat(rs.getInt("q")).isEqualTo(-1);
        }
    }

    @Test
    void stageScriptsFiguresQueryRuns() throws SQLException {
        exec("CREATE TABLE stl_load_errors (query INTEGER)");
        exec("INSERT INTO stl_load_errors VALUES (7), (7), (8)");
        String select = "SELECT pg_last_copy_count() AS rows_loaded,\n"
                + "       (SELECT COUNT(*) FROM stl_load_errors WHERE query = pg_last_copy_id()) AS rows_rejected";
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery(RedshiftDialect.rewrite(select, new LastCopy(7, 100)).get(0))) {
            rs.next();
            assertThat(rs.getLong("rows_loaded")).isEqualTo(100);
            assertThat(rs.getLong("rows_rejected")).isEqualTo(2);
        }
    }

    // ---- nothing inside literals, quoted identifiers or comments ----

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 'DISTSTYLE EVEN DISTKEY(a) SORTKEY(a) ENCODE zstd VARCHAR(10) IDENTITY(0,1) pg_last_copy_id()' AS x",
        "SELECT 1 AS \"VARCHAR(10) DISTKEY ENCODE pg_last_copy_count()\"",
        "SELECT 1 -- DISTSTYLE ALL VARCHAR(5) pg_last_copy_id()\n",
        "SELECT /* SORTKEY(a) CHAR(3) */ 1",
        "SELECT $$ ENCODE lzo TEXT $$",
        "INSERT INTO t VALUES ('VARCHAR(MAX)', 'it''s DISTKEY')",
    })
    void literalsIdentifiersAndCommentsAreUntouched(String sql) {
        assertThat(rewriteOne(sql)).isEqualTo(sql);
    }

    @Test
    void aQuotedColumnNamedLikeAKeywordIsKept() throws SQLException {
        String sql = "CREATE TABLE t (\"sortkey\" INT, \"encode\" VARCHAR(3), c VARCHAR(8) DEFAULT 'DISTKEY') DISTSTYLE ALL";
        String rewritten = rewriteOne(sql);
        assertThat(rewritten).contains("\"sortkey\" INT", "\"encode\" VARCHAR CHECK (strlen(\"encode\") <= 3)", "DEFAULT 'DISTKEY'");
        run(sql);
        exec("INSERT INTO t (\"sortkey\", \"encode\") VALUES (1, 'abc')");
        assertThat(column("SELECT c FROM t")).containsExactly("DISTKEY");
    }

    @Test
    void statementsWithoutRedshiftSyntaxAreUnchanged() {
        for (String statement : SqlCatalog.fromClasspath().render("load_songplays")) {
            assertThat(rewriteOne(statement)).isEqualTo(statement);
        }
        assertThat(rewriteOne("SELECT 7/2")).isEqualTo("SELECT 7/2");
    }

    @Test
    void everyFileOfSqlRewritesToValidDuckDb() {
        SqlCatalog catalog = SqlCatalog.fromClasspath();
        assertThatCode(() -> {
            for (String name : List.of("create_tables", "load_users", "load_songs", "load_songplays",
                    "load_time", "check_quality", "table_counts", "drop_tables")) {
                for (String statement : catalog.render(name)) {
                    run(statement);
                }
            }
        }).doesNotThrowAnyException();
    }
}
