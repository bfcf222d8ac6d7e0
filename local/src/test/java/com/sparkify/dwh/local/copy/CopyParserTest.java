package com.sparkify.dwh.local.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.dwh.local.copy.CopyCommand.TimeFormat;
import com.sparkify.dwh.store.S3Uri;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * COPY statements as Redshift writes them (DG r_COPY, copy-parameters-*): every option the local
 * warehouse supports is read into {@link CopyCommand}; every other option is an error that names it.
 */
class CopyParserTest {

    private static final String FROM = "COPY staging_events FROM 's3://sparkify-bucket/log_data' ";

    private static CopyCommand parse(String sql) {
        return CopyParser.parse(sql);
    }

    @Nested
    class Basics {

        @Test
        void typicalStagingCopyWithDefaults() {
            CopyCommand command = parse("COPY staging_events FROM 's3://udacity-dend/log_data'"
                    + " IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole'"
                    + " FORMAT AS JSON 'auto' REGION 'us-west-2';");

            assertThat(command.table()).isEqualTo("staging_events");
            assertThat(command.columns()).isEmpty();
            assertThat(command.source()).isEqualTo(new S3Uri("udacity-dend", "log_data"));
            assertThat(command.manifest()).isFalse();
            assertThat(command.jsonPaths()).isNull();
            assertThat(command.ignoreCase()).isFalse();
            // Defaults documented by Redshift: no TIMEFORMAT, MAXERROR 0, no NULL conversions, no truncation.
            assertThat(command.timeFormat()).isEqualTo(TimeFormat.DEFAULT);
            assertThat(command.maxErrors()).isZero();
            assertThat(command.emptyAsNull()).isFalse();
            assertThat(command.blanksAsNull()).isFalse();
            assertThat(command.truncateColumns()).isFalse();
        }

        @Test
        void keywordsAreCaseInsensitiveAndSpreadOverLines() {
            CopyCommand command = parse("copy staging_events\n  from 's3://b/log_data/2018/11/'\n"
                    + "  iam_role default\n  format as json 'auto ignorecase'\n  timeformat as 'epochmillisecs'\n"
                    + "  maxerror as 3\n  emptyasnull blanksasnull truncatecolumns -- trailing comment\n");

            assertThat(command.source()).isEqualTo(new S3Uri("b", "log_data/2018/11/"));
            assertThat(command.ignoreCase()).isTrue();
            assertThat(command.timeFormat()).isEqualTo(TimeFormat.EPOCHMILLISECS);
            assertThat(command.maxErrors()).isEqualTo(3);
            assertThat(command.emptyAsNull()).isTrue();
            assertThat(command.blanksAsNull()).isTrue();
            assertThat(command.truncateColumns()).isTrue();
        }

        @Test
        void isCopyLooksAtTheFirstWordOnly() {
            assertThat(CopyParser.isCopy("  -- load\n  copy t FROM 's3://b/k' JSON 'auto'")).isTrue();
            assertThat(CopyParser.isCopy("/* x */ COPY t FROM 's3://b/k' JSON 'auto'")).isTrue();
            assertThat(CopyParser.isCopy("SELECT 'copy' AS word")).isFalse();
            assertThat(CopyParser.isCopy("INSERT INTO copy_log VALUES (1)")).isFalse();
            assertThat(CopyParser.isCopy("COPYING")).isFalse();
        }

        @Test
        void fromMustBeAnS3Uri() {
            assertThatThrownBy(() -> parse("COPY t FROM '/tmp/data.json' FORMAT AS JSON 'auto'"))
                    .isInstanceOf(CopyException.class)
                    .hasMessageContaining("/tmp/data.json");
        }

        @Test
        void copyWithoutJsonIsAnError() {
            // Without a format Redshift reads pipe-delimited text, which the local warehouse cannot.
            assertThatThrownBy(() -> parse(FROM + "IAM_ROLE default"))
                    .isInstanceOf(CopyException.class)
                    .hasMessageContaining("JSON");
            assertThatThrownBy(() -> parse(FROM))
                    .isInstanceOf(CopyException.class)
                    .hasMessageContaining("JSON");
        }
    }

    @Nested
    class TableAndColumns {

        @Test
        void unquotedNamesAreLowerCased() {
            assertThat(parse("COPY Staging_Events FROM 's3://b/k' JSON 'auto'").table()).isEqualTo("staging_events");
        }

        @Test
        void qualifiedName() {
            assertThat(parse("COPY staging.events FROM 's3://b/k' JSON 'auto'").table()).isEqualTo("staging.events");
        }

        @Test
        void quotedNamesKeepTheirCase() {
            assertThat(parse("COPY \"Staging\".\"Events\" FROM 's3://b/k' JSON 'auto'").table())
                    .isEqualTo("Staging.Events");
            assertThat(parse("COPY \"events\" FROM 's3://b/k' JSON 'auto'").table()).isEqualTo("events");
        }

        @Test
        void columnList() {
            CopyCommand command = parse("COPY songs (song_id, Title, \"year\") FROM 's3://b/song_data' JSON 'auto'");

            assertThat(command.table()).isEqualTo("songs");
            assertThat(command.columns()).containsExactly("song_id", "title", "year");
        }

        @Test
        void unterminatedColumnListIsAnError() {
            assertThatThrownBy(() -> parse("COPY songs (song_id, title FROM 's3://b/k' JSON 'auto'"))
                    .isInstanceOf(CopyException.class);
        }
    }

    @Nested
    class Format {

        @ParameterizedTest
        @ValueSource(strings = {
                "FORMAT AS JSON 'auto'", "FORMAT JSON 'auto'", "FORMAT AS JSON", "JSON 'auto'", "JSON AS 'auto'",
                "format as json 'auto'"})
        void jsonAutoInAllItsSpellings(String format) {
            CopyCommand command = parse(FROM + format);

            assertThat(command.jsonPaths()).isNull();
            assertThat(command.ignoreCase()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"FORMAT AS JSON 'auto ignorecase'", "JSON 'auto ignorecase'"})
        void autoIgnorecase(String format) {
            CopyCommand command = parse(FROM + format);

            assertThat(command.jsonPaths()).isNull();
            assertThat(command.ignoreCase()).isTrue();
        }

        @Test
        void jsonpathsFile() {
            CopyCommand command = parse(FROM + "FORMAT AS JSON 's3://sparkify-bucket/log_json_path.json'");

            assertThat(command.jsonPaths()).isEqualTo(new S3Uri("sparkify-bucket", "log_json_path.json"));
            assertThat(command.ignoreCase()).isFalse();
            assertThat(parse(FROM + "JSON 's3://other/paths/p.json'").jsonPaths())
                    .isEqualTo(new S3Uri("other", "paths/p.json"));
        }

        @Test
        void anyOtherJsonArgumentIsAnError() {
            assertThatThrownBy(() -> parse(FROM + "FORMAT AS JSON 'noshred'"))
                    .isInstanceOf(CopyException.class)
                    .hasMessageContaining("noshred");
        }

        @Test
        void manifest() {
            CopyCommand command = parse("COPY t FROM 's3://b/manifests/load.manifest' IAM_ROLE default MANIFEST"
                    + " FORMAT AS JSON 'auto'");

            assertThat(command.manifest()).isTrue();
            assertThat(command.source()).isEqualTo(new S3Uri("b", "manifests/load.manifest"));
        }
    }

    @Nested
    class Options {

        @ParameterizedTest
        @CsvSource(quoteCharacter = '"', value = {
                "TIMEFORMAT 'epochmillisecs', EPOCHMILLISECS",
                "TIMEFORMAT AS 'epochmillisecs', EPOCHMILLISECS",
                "TIMEFORMAT 'epochsecs', EPOCHSECS",
                "TIMEFORMAT AS 'epochsecs', EPOCHSECS",
                "TIMEFORMAT 'auto', AUTO",
                "TIMEFORMAT AS 'auto', AUTO",
                "TIMEFORMAT 'YYYY-MM-DD HH:MI:SS', DEFAULT"})
        void timeformat(String option, TimeFormat expected) {
            assertThat(parse(FROM + "FORMAT AS JSON 'auto' " + option).timeFormat()).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"EPOCHMILLISECS", "Auto", "EpochSecs"})
        void timeformatKeywordsAreCaseSensitive(String value) {
            // "The 'auto', 'epochsecs', and 'epochmillisecs' keywords are case-sensitive."
            assertThatThrownBy(() -> parse(FROM + "FORMAT AS JSON 'auto' TIMEFORMAT '" + value + "'"))
                    .isInstanceOf(CopyException.class)
                    .hasMessageContaining("TIMEFORMAT")
                    .hasMessageContaining(value);
        }

        @Test
        void maxerror() {
            assertThat(parse(FROM + "JSON 'auto' MAXERROR 10").maxErrors()).isEqualTo(10);
            assertThat(parse(FROM + "JSON 'auto' MAXERROR AS 5").maxErrors()).isEqualTo(5);
            assertThat(parse(FROM + "JSON 'auto' MAXERROR 0").maxErrors()).isZero();
        }

        @Test
        void maxerrorLimitIs100000() {
            // "The MAXERROR default value is 0 and the limit is 100000."
            assertThat(parse(FROM + "JSON 'auto' MAXERROR 100000").maxErrors()).isEqualTo(100_000);
            assertThatThrownBy(() -> parse(FROM + "JSON 'auto' MAXERROR 100001"))
                    .isInstanceOf(CopyException.class)
                    .hasMessageContaining("MAXERROR")
                    .hasMessageContaining("100000");
            assertThatThrownBy(() -> parse(FROM + "JSON 'auto' MAXERROR 99999999999"))
                    .isInstanceOf(CopyException.class)
                    .hasMessageContaining("MAXERROR");
        }

        @Test
        void maxerrorNeedsANumber() {
            assertThatThrownBy(() -> parse(FROM + "JSON 'auto' MAXERROR 'ten'"))
                    .isInstanceOf(CopyException.class)
                    .hasMessageContaining("MAXERROR");
            assertThatThrownBy(() -> parse(FROM + "JSON 'auto' MAXERROR"))
                    .isInstanceOf(CopyException.class)
                    .hasMessageContaining("MAXERROR");
        }

        @Test
        void nullAndTruncationFlagsAreIndependent() {
            CopyCommand empty = parse(FROM + "JSON 'auto' EMPTYASNULL");
            assertThat(empty.emptyAsNull()).isTrue();
            assertThat(empty.blanksAsNull()).isFalse();
            assertThat(empty.truncateColumns()).isFalse();

            CopyCommand blanks = parse(FROM + "JSON 'auto' BLANKSASNULL");
            assertThat(blanks.emptyAsNull()).isFalse();
            assertThat(blanks.blanksAsNull()).isTrue();
            assertThat(blanks.truncateColumns()).isFalse();

            CopyCommand truncate = parse(FROM + "JSON 'auto' TRUNCATECOLUMNS");
            assertThat(truncate.emptyAsNull()).isFalse();
            assertThat(truncate.blanksAsNull()).isFalse();
            assertThat(truncate.truncateColumns()).isTrue();
        }

        @Test
        void awsOnlyOptionsAreAcceptedAndChangeNothingElse() {
            CopyCommand command = parse(FROM + "IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole'"
                    + " REGION AS 'us-west-2' COMPUPDATE OFF STATUPDATE ON FORMAT AS JSON 'auto'");

            assertThat(command).isEqualTo(parse(FROM + "FORMAT AS JSON 'auto'"));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "IAM_ROLE default", "IAM_ROLE DEFAULT", "IAM_ROLE 'arn:aws:iam::1:role/r'",
                "REGION 'us-west-2'", "REGION AS 'eu-central-1'",
                "COMPUPDATE ON", "COMPUPDATE OFF", "COMPUPDATE TRUE", "COMPUPDATE FALSE", "COMPUPDATE PRESET",
                "COMPUPDATE", "STATUPDATE ON", "STATUPDATE OFF", "STATUPDATE"})
        void awsOnlyOptions(String option) {
            // Before and after the format, and followed by another option, so a bare COMPUPDATE/STATUPDATE
            // does not swallow the next keyword.
            assertThat(parse(FROM + option + " FORMAT AS JSON 'auto' MAXERROR 2").maxErrors()).isEqualTo(2);
            assertThat(parse(FROM + "FORMAT AS JSON 'auto' " + option).jsonPaths()).isNull();
        }

        @Test
        void iamRoleNeedsAValue() {
            assertThatThrownBy(() -> parse(FROM + "JSON 'auto' IAM_ROLE"))
                    .isInstanceOf(CopyException.class)
                    .hasMessageContaining("IAM_ROLE");
        }
    }

    @Nested
    class UnsupportedOptions {

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "GZIP|GZIP",
                "BZIP2|BZIP2",
                "LZOP|LZOP",
                "ZSTD|ZSTD",
                "CSV|CSV",
                "DELIMITER ','|DELIMITER",
                "ACCEPTINVCHARS|ACCEPTINVCHARS",
                "ACCEPTINVCHARS AS '^'|ACCEPTINVCHARS",
                "DATEFORMAT 'auto'|DATEFORMAT",
                "IGNOREHEADER 1|IGNOREHEADER",
                "ROUNDEC|ROUNDEC",
                "TRIMBLANKS|TRIMBLANKS",
                "FILLRECORD|FILLRECORD",
                "ESCAPE|ESCAPE",
                "REMOVEQUOTES|REMOVEQUOTES",
                "NULL AS '\\N'|NULL",
                "ENCODING UTF8|ENCODING",
                "EXPLICIT_IDS|EXPLICIT_IDS",
                "NOLOAD|NOLOAD",
                "ENCRYPTED|ENCRYPTED",
                "CREDENTIALS 'aws_iam_role=arn:aws:iam::1:role/r'|CREDENTIALS",
                "ACCESS_KEY_ID 'AKIA'|ACCESS_KEY_ID",
                "ACCEPTANYDATE|ACCEPTANYDATE"})
        void isAnErrorNamingIt(String option, String name) {
            assertFailsNaming(FROM + "IAM_ROLE default FORMAT AS JSON 'auto' " + option, name);
            // Also when it comes before the format.
            assertFailsNaming(FROM + option + " FORMAT AS JSON 'auto'", name);
        }

        @ParameterizedTest
        @ValueSource(strings = {"CSV", "PARQUET", "AVRO", "ORC"})
        void otherFormats(String format) {
            assertFailsNaming(FROM + "FORMAT AS " + format, format);
        }

        @Test
        void unsupportedTimeformatString() {
            assertFailsNaming(FROM + "JSON 'auto' TIMEFORMAT 'MM/DD/YYYY HH:MI:SS'", "TIMEFORMAT");
        }

        private void assertFailsNaming(String sql, String option) {
            Pattern word = Pattern.compile("(?<![A-Za-z_])" + Pattern.quote(option) + "(?![A-Za-z_])");
            assertThatThrownBy(() -> parse(sql))
                    .isInstanceOf(CopyException.class)
                    .satisfies(e -> assertThat(word.matcher(e.getMessage()).find())
                            .as("message names %s: %s", option, e.getMessage())
                            .isTrue());
        }
    }
}
