package com.sparkify.dwh.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./sparkify report} on the local warehouse: usage errors, and a database the pipeline never filled. */
class ReportCommandTest {

    @TempDir
    Path temp;

    @Test
    void badUsageExitsWithTwoAndWritesNothing() {
        Path out = temp.resolve("report.html");
        String[] missing = ReportFixture.cli("report", "--db", temp.resolve("none.duckdb").toString(), "--out", out.toString());
        assertThat(missing[0]).isEqualTo("2");
        assertThat(missing[2]).contains("no database at").contains("./sparkify run");

        String[] warehouse = ReportFixture.cli("report", "--warehouse", "postgres", "--out", out.toString());
        assertThat(warehouse[0]).isEqualTo("2");
        assertThat(warehouse[2]).contains("--warehouse is duckdb or redshift");

        String[] top = ReportFixture.cli("report", "--top", "0", "--out", out.toString());
        assertThat(top[0]).isEqualTo("2");
        assertThat(top[2]).contains("--top must be at least 1");
        assertThat(out).doesNotExist();
    }

    @Test
    void aDatabaseWithoutTheStarSchemaFailsWithAHint() {
        DuckDbFile db = new DuckDbFile(temp.resolve("bare.duckdb"));
        db.execute("CREATE TABLE something_else (a INTEGER)");
        Path out = temp.resolve("report.html");

        String[] result = ReportFixture.cli("report", "--db", db.path().toString(), "--out", out.toString());

        assertThat(result[0]).isEqualTo("1");
        assertThat(result[2]).startsWith("sparkify report: ").contains("songplays").contains("./sparkify run");
        assertThat(out).doesNotExist();
    }

    @Test
    void theHelpListsTheReportAndItsOptions() {
        String[] help = ReportFixture.cli("help", "report");
        assertThat(help[1]).contains("--db=FILE").contains("--out=FILE").contains("--top=N").contains("--warehouse")
                .contains("--cluster").contains("--endpoint-url");
        assertThat(ReportFixture.cli("--help")[1]).contains("report");
    }
}
