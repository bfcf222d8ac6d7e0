package com.sparkify.dwh.local.expected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectedRowsTest {

  @Test
  void readsEveryHandWorkedTableWithTheColumnTypes() throws Exception {
    for (String table : ExpectedStarSchema.tables()) {
      List<Column> columns = ExpectedStarSchema.columns(table);
      List<List<Object>> rows =
          ExpectedRows.fromJson(ExpectedStarSchemaTest.fixture("quirks-expected").resolve(table + ".json"));
      assertThat(rows).as(table).isNotEmpty();
      for (List<Object> row : rows) {
        assertThat(row).hasSize(columns.size());
        for (int c = 0; c < columns.size(); c++) {
          Object v = row.get(c);
          if (v != null) {
            Class<?> expected =
                switch (columns.get(c).type()) {
                  case TEXT -> String.class;
                  case INTEGER -> Long.class;
                  case DOUBLE -> Double.class;
                  case TIMESTAMP -> LocalDateTime.class;
                };
            assertThat(v).as(table + "." + columns.get(c).name()).isInstanceOf(expected);
          }
        }
      }
    }
  }

  @Test
  void convertsByColumnTypeNotByHowTheNumberIsWritten(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("songs.json");
    Files.writeString(file, "[[\"SO1\", \"T\", \"AR1\", null, 238]]");

    assertThat(ExpectedRows.fromJson(file))
        .containsExactly(Arrays.asList("SO1", "T", "AR1", null, 238.0));
  }

  @Test
  void readsTimestampsWithMilliseconds(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("t.json");
    Files.writeString(file, "[[\"2018-11-04 23:59:59.999\", 23, 4, 44, 11, 2018, 0]]");

    List<List<Object>> rows = ExpectedRows.fromJson(file, "time");

    assertThat(rows.get(0).get(0)).isEqualTo(LocalDateTime.parse("2018-11-04T23:59:59.999"));
    assertThat(ExpectedRows.format((LocalDateTime) rows.get(0).get(0)))
        .isEqualTo("2018-11-04 23:59:59.999");
  }

  @Test
  void refusesAWrongShape(@TempDir Path dir) throws Exception {
    Path wrongType = dir.resolve("users.json");
    Files.writeString(wrongType, "[[8, \"Kaylee\", \"Summers\", \"F\", \"paid\"]]");
    Path wrongArity = dir.resolve("artists.json");
    Files.writeString(wrongArity, "[[\"AR1\", \"n\"]]");

    assertThatThrownBy(() -> ExpectedRows.fromJson(wrongType))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user_id");
    assertThatThrownBy(() -> ExpectedRows.fromJson(wrongArity))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExpectedStarSchema.columns("staging_events"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void normalizesWarehouseValuesAndSortsByKey() {
    List<List<Object>> fromJdbc =
        List.of(
            Arrays.asList(
                OffsetDateTime.parse("2018-11-05T19:00:00.500+01:00"), 18, 5, 45, 11, 2018, 1),
            Arrays.asList(
                Timestamp.valueOf("2018-11-04 23:59:59.999"), 23, 4, new BigDecimal("44"), 11L,
                (short) 2018, 0));

    assertThat(ExpectedRows.normalize("time", fromJdbc))
        .containsExactly(
            ExpectedStarSchema.timeRow(LocalDateTime.parse("2018-11-04T23:59:59.999")),
            ExpectedStarSchema.timeRow(LocalDateTime.parse("2018-11-05T18:00:00.500")));
    assertThat(ExpectedRows.normalize("artists", List.of(Arrays.asList("AR1", "n", null, 1.5f, 2))))
        .containsExactly(Arrays.asList("AR1", "n", null, 1.5, 2.0));
  }
}
