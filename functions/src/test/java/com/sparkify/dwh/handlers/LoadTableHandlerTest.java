package com.sparkify.dwh.handlers;

import static com.sparkify.dwh.handlers.HandlerTesting.HEX_64;
import static com.sparkify.dwh.handlers.HandlerTesting.SQL;
import static com.sparkify.dwh.handlers.HandlerTesting.assertSubmittedOutput;
import static com.sparkify.dwh.handlers.HandlerTesting.batches;
import static com.sparkify.dwh.handlers.HandlerTesting.invoke;
import static com.sparkify.dwh.handlers.HandlerTesting.json;
import static com.sparkify.dwh.handlers.HandlerTesting.lambdaEvent;
import static com.sparkify.dwh.handlers.HandlerTesting.onlyBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparkify.dwh.handlers.HandlerTesting.Batch;
import com.sparkify.dwh.handlers.HandlerTesting.RecordingClassLoader;
import com.sparkify.dwh.pipeline.PipelineSteps;
import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.warehouse.Warehouse;
import com.sparkify.dwh.warehouse.WarehouseThrottledException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadTableHandlerTest {

    private final Warehouse warehouse = HandlerTesting.warehouse();
    private final LoadTableHandler handler = new LoadTableHandler(HandlerTesting.steps(warehouse), PipelineMetrics.NONE);

    private static ObjectNode input(String table) {
        ObjectNode input = json(lambdaEvent("load-table.json"));
        return table == null ? (ObjectNode) input.without("table") : input.put("table", table);
    }

    @Test
    void fixtureLoadsSongplays() {
        assertSubmittedOutput(invoke(handler, lambdaEvent("load-table.json")));

        Batch batch = onlyBatch(warehouse);
        assertThat(batch.sqls()).isEqualTo(SQL.render("load_songplays"));
        assertThat(String.join("\n", batch.sqls())).contains("INSERT INTO songplays");
        assertThat(batch.clientToken()).matches(HEX_64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"users", "songs", "songplays", "time"})
    void loadsEachTableWithItsOwnFile(String table) {
        assertSubmittedOutput(invoke(handler, input(table)));

        Batch batch = onlyBatch(warehouse);
        assertThat(batch.sqls()).isEqualTo(SQL.render("load_" + table)).isNotEmpty();
        assertThat(String.join("\n", batch.sqls())).contains("INSERT INTO " + table);
        assertThat(batch.clientToken()).matches(HEX_64);
    }

    @Test
    void songsLoadsSongsAndArtistsWithTheSongHistoryInOneBatch() {
        invoke(handler, input("songs"));

        List<String> sqls = onlyBatch(warehouse).sqls();
        // one transaction: the history first, then songs, then artists, then the figures
        assertThat(sqls).hasSize(6);
        assertThat(sqls.get(0)).startsWith("INSERT INTO song_rows");
        assertThat(sqls.get(1)).startsWith("DELETE FROM songs");
        assertThat(sqls.get(2)).startsWith("INSERT INTO songs");
        assertThat(sqls.get(3)).startsWith("DELETE FROM artists");
        assertThat(sqls.get(4)).startsWith("INSERT INTO artists");
        assertThat(sqls.get(5)).contains("AS rows_written").contains("AS artists_written");
    }

    @Test
    void eachTableAndAttemptHasItsOwnTokenAndARetryTheSame() {
        for (String table : List.of("users", "songs", "songplays", "time")) {
            invoke(handler, input(table));
        }
        invoke(handler, input("users"));
        invoke(handler, input("users").put("attempt", "2018-12-01T03:09:00.000Z"));

        List<String> tokens = batches(warehouse).stream().map(Batch::clientToken).toList();
        assertThat(tokens).hasSize(6);
        assertThat(tokens.subList(0, 4)).doesNotHaveDuplicates();
        assertThat(tokens.get(4)).isEqualTo(tokens.get(0));
        assertThat(tokens.get(5)).isNotIn(tokens.subList(0, 5));
    }

    @Test
    void tableNameIsCaseInsensitive() {
        invoke(handler, input("Users"));

        assertThat(onlyBatch(warehouse).sqls()).isEqualTo(SQL.render("load_users"));
    }

    @Test
    void withoutARunThereIsNoToken() {
        // a manual invoke with only a table: submitted unconditionally
        invoke(handler, "{\"table\": \"time\"}".getBytes());

        Batch batch = onlyBatch(warehouse);
        assertThat(batch.sqls()).isEqualTo(SQL.render("load_time"));
        assertThat(batch.clientToken()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"artists", "load_artists", "staging_events", "load_users", "drop_tables", "create_tables",
        "check_quality", "song_rows", "record_ledger", "users; DROP TABLE songs", "../sql/drop_tables", "time.sql", "song", "",
        "songplays "})
    void unknownTableIsRefusedWithoutReadingAnyFile(String table) {
        RecordingClassLoader loader = new RecordingClassLoader();
        LoadTableHandler recorded = new LoadTableHandler(
                new PipelineSteps(warehouse, new SqlCatalog(loader), HandlerTesting.COPY), PipelineMetrics.NONE);

        assertThatThrownBy(() -> invoke(recorded, input(table)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown name \"" + table + "\"")
                .hasMessageContaining("[users, songs, songplays, time]");
        assertThat(loader.requested).isEmpty();
        verifyNoInteractions(warehouse);
    }

    @Test
    void missingTableIsRefused() {
        assertThatThrownBy(() -> invoke(handler, input(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[users, songs, songplays, time]");
        verifyNoInteractions(warehouse);
    }

    @Test
    void throttlingPropagatesUnchanged() {
        WarehouseThrottledException throttled = new WarehouseThrottledException("ThrottlingException", null);
        HandlerTesting.stubThrottled(warehouse, throttled);

        assertThatThrownBy(() -> invoke(handler, lambdaEvent("load-table.json"))).isSameAs(throttled);
    }
}
