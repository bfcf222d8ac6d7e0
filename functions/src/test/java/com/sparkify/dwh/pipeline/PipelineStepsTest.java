package com.sparkify.dwh.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.warehouse.Warehouse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

class PipelineStepsTest {

    private static final CopySettings COPY = new CopySettings("arn:aws:iam::123456789012:role/sparkify-copy",
            "us-west-2", CopySettings.AUTO_IGNORECASE, 0);

    private final Warehouse warehouse = mock(Warehouse.class);
    private final SqlCatalog catalog = SqlCatalog.fromClasspath();
    private final PipelineSteps steps = new PipelineSteps(warehouse, catalog, COPY);

    private List<String> submitted(String token) {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<String>> sqls = ArgumentCaptor.forClass(List.class);
        verify(warehouse).batchExecuteStatement(sqls.capture(), org.mockito.ArgumentMatchers.eq(token));
        return sqls.getValue();
    }

    /** UTC, microseconds, truncated (never rounded up into the next second). */
    @ParameterizedTest
    @CsvSource({
        "2018-12-01T03:00:05.123456789Z, 2018-12-01 03:00:05.123456",
        "2018-12-01T03:00:05Z,           2018-12-01 03:00:05.000000",
        "2018-12-31T23:59:59.999999999Z, 2018-12-31 23:59:59.999999",
        "1970-01-01T00:00:00Z,           1970-01-01 00:00:00.000000",
        "2018-11-05T09:07:03.000001Z,    2018-11-05 09:07:03.000001",
    })
    void timestampLiteralsAreUtcWithMicroseconds(String instant, String literal) {
        assertThat(PipelineSteps.timestamp(Instant.parse(instant))).isEqualTo(literal);
    }

    @Test
    void theLoadsAreUsersSongsSongplaysAndTimeAndArtistsIsNoneOfThem() {
        assertThat(Arrays.stream(PipelineSteps.Table.values()).map(Enum::name))
                .containsExactly("USERS", "SONGS", "SONGPLAYS", "TIME");
        assertThatThrownBy(() -> PipelineSteps.Table.named("artists"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown name \"artists\"; expected one of [users, songs, songplays, time]");
    }

    @Test
    void loadingSongsLoadsArtistsInTheSameBatch() {
        when(warehouse.batchExecuteStatement(anyList(), any())).thenReturn("id-1");

        assertThat(steps.load(PipelineSteps.Table.SONGS, "t")).isEqualTo("id-1");

        List<String> sqls = submitted("t");
        assertThat(sqls).isEqualTo(catalog.render("load_songs"));
        assertThat(sqls).anyMatch(sql -> sql.startsWith("INSERT INTO artists"));
    }

    @Test
    void eachLockAndLedgerStepSubmitsItsFileAsOneBatchWithTheToken() {
        when(warehouse.batchExecuteStatement(anyList(), any())).thenReturn("id-1", "id-2", "id-3", "id-4", "id-5");
        Instant now = Instant.parse("2018-12-01T03:00:05Z");

        assertThat(steps.initLock("t-init")).isEqualTo("id-1");
        assertThat(steps.acquireLock("run-1", now, now.minusSeconds(43_200), "t-acquire")).isEqualTo("id-2");
        assertThat(steps.releaseLock("run-1", "t-release")).isEqualTo("id-3");
        assertThat(steps.readLedger("t-read")).isEqualTo("id-4");
        assertThat(steps.recordLedger("run-1", "s3://work/manifests/run-1/ledger.json", now, "t-record")).isEqualTo("id-5");

        assertThat(submitted("t-init")).isEqualTo(catalog.render("init_lock"));
        assertThat(String.join("\n", submitted("t-acquire")))
                .contains("SET run_id = 'run-1', acquired_at = CAST('2018-12-01 03:00:05.000000' AS TIMESTAMP)")
                .contains("acquired_at < CAST('2018-11-30 15:00:05.000000' AS TIMESTAMP)");
        assertThat(submitted("t-release").get(0)).endsWith("AND run_id = 'run-1'");
        assertThat(submitted("t-read")).isEqualTo(catalog.render("read_ledger"));
        List<String> record = submitted("t-record");
        assertThat(record.get(1)).startsWith("COPY staging_ledger\nFROM 's3://work/manifests/run-1/ledger.json'\n")
                .contains("IAM_ROLE 'arn:aws:iam::123456789012:role/sparkify-copy'").contains("REGION 'us-west-2'");
        assertThat(record.get(2)).contains("'run-1', CAST('2018-12-01 03:00:05.000000' AS TIMESTAMP)");
    }
}
