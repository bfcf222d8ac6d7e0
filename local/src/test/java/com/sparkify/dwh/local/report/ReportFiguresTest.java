package com.sparkify.dwh.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every figure the report embeds (and draws its charts from) equals what the test works out from the
 * same DuckDB file with its own queries ({@link ExpectedFigures}), on generated data loaded by the real
 * state machine.
 */
@Timeout(180)
class ReportFiguresTest {

    private static ReportFixture fixture;
    private static JsonNode figures;
    private static ExpectedFigures expected;

    @BeforeAll
    static void report() {
        fixture = ReportFixture.get();
        figures = fixture.figures();
        expected = new ExpectedFigures(fixture.db);
    }

    @Test
    void theHeadlineFiguresAreThoseOfSongplays() {
        List<Long> summary = expected.summary();
        JsonNode shown = figures.path("summary");
        assertThat(List.of(shown.path("plays").asLong(), shown.path("users").asLong(), shown.path("sessions").asLong(),
                shown.path("unmatchedPlays").asLong(), shown.path("paidPlays").asLong())).isEqualTo(summary);
        assertThat(summary.get(0)).as("the generated data has plays").isGreaterThan(1000);
        assertThat(summary.get(3)).as("some plays found no song").isPositive();
        assertThat(timestamp(shown.path("firstPlay").asText())).isEqualTo(expected.firstPlay());
        assertThat(timestamp(shown.path("lastPlay").asText())).isEqualTo(expected.lastPlay());
        String page = fixture.page();
        assertThat(page).contains("<div class=\"kpi\" id=\"kpi-plays\"><div class=\"value\">"
                + String.format(java.util.Locale.ROOT, "%,d", summary.get(0)) + "</div>");
        assertThat(fixture.cliOutput).contains(String.format(java.util.Locale.ROOT, "%,d plays by %,d users",
                summary.get(0), summary.get(1)));
    }

    @Test
    void playsPerDayCoverEveryDayFromTheFirstToTheLast() {
        Map<LocalDate, Long> perDay = expected.playsPerDay();
        List<LocalDate> days = new ArrayList<>();
        Map<LocalDate, Long> shown = new TreeMap<>();
        for (JsonNode day : figures.path("playsPerDay")) {
            LocalDate date = LocalDate.parse(day.path("day").asText());
            days.add(date);
            if (day.path("plays").asLong() != 0) {
                shown.put(date, day.path("plays").asLong());
            }
        }
        assertThat(shown).isEqualTo(perDay);
        assertThat(days).first().isEqualTo(perDay.keySet().iterator().next());
        for (int i = 1; i < days.size(); i++) {
            assertThat(days.get(i)).as("no day is missing").isEqualTo(days.get(i - 1).plusDays(1));
        }
    }

    @Test
    void playsPerHourAndWeekdayEqualTheStartTimes() {
        assertThat(figures.path("playsPerHour")).hasSize(24);
        List<Long> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            assertThat(figures.path("playsPerHour").get(hour).path("hour").asInt()).isEqualTo(hour);
            hours.add(figures.path("playsPerHour").get(hour).path("plays").asLong());
        }
        assertThat(hours).isEqualTo(expected.playsPerHour());

        List<Long> weekdays = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode weekday : figures.path("playsPerWeekday")) {
            weekdays.add(weekday.path("plays").asLong());
            names.add(weekday.path("name").asText());
        }
        assertThat(weekdays).isEqualTo(expected.playsPerWeekday());
        assertThat(names).containsExactly("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday");
    }

    @Test
    void theTopSongsAndArtistsAreTheMostPlayedWithTheirNamesVerbatim() {
        List<ExpectedFigures.Song> songs = new ArrayList<>();
        for (JsonNode song : figures.path("topSongs")) {
            songs.add(new ExpectedFigures.Song(song.path("songId").asText(), text(song.path("title")),
                    text(song.path("artist")), song.path("plays").asLong()));
        }
        assertThat(songs).hasSize(10).isEqualTo(expected.topSongs(10));
        assertThat(songs.get(0).title()).isEqualTo(ReportFixture.SCRIPT_TITLE);
        assertThat(songs.get(1).title()).isEqualTo(ReportFixture.QUOTED_TITLE);

        List<ExpectedFigures.Artist> artists = new ArrayList<>();
        for (JsonNode artist : figures.path("topArtists")) {
            artists.add(new ExpectedFigures.Artist(artist.path("artistId").asText(), text(artist.path("name")),
                    artist.path("plays").asLong()));
        }
        assertThat(artists).hasSize(10).isEqualTo(expected.topArtists(10));
        assertThat(artists.get(0).name()).isEqualTo(ReportFixture.HOSTILE_ARTIST);
    }

    @Test
    void freeAndPaidPlaysAndUsersPerDayEqualTheLevels() {
        JsonNode levels = figures.path("levelsPerDay");
        List<String> names = new ArrayList<>();
        levels.path("levels").forEach(level -> names.add(level.asText()));
        assertThat(names).contains("free", "paid");
        Map<String, List<Long>> shown = new TreeMap<>();
        for (JsonNode day : levels.path("days")) {
            for (int i = 0; i < names.size(); i++) {
                long plays = day.path("plays").get(i).asLong();
                long users = day.path("users").get(i).asLong();
                if (plays != 0 || users != 0) {
                    shown.put(day.path("day").asText() + "/" + names.get(i), List.of(plays, users));
                }
            }
        }
        assertThat(shown).isEqualTo(expected.levelsPerDay());
    }

    @Test
    void upgradesAndDowngradesAreTheLevelChangesBetweenConsecutivePlays() {
        Map<LocalDate, List<Long>> shown = new TreeMap<>();
        for (JsonNode day : figures.path("levelChanges")) {
            long up = day.path("upgrades").asLong();
            long down = day.path("downgrades").asLong();
            if (up != 0 || down != 0) {
                shown.put(LocalDate.parse(day.path("day").asText()), List.of(up, down));
            }
        }
        Map<LocalDate, List<Long>> changes = expected.levelChanges();
        assertThat(changes).as("the generated users change level").isNotEmpty();
        assertThat(shown).isEqualTo(changes);
        assertThat(figures.path("levelChanges")).hasSameSizeAs(figures.path("playsPerDay"));
    }

    @Test
    void sessionsAreBinnedByTheirNumberOfPlays() {
        List<ExpectedFigures.Bin> bins = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (JsonNode bin : figures.path("sessionLengths")) {
            bins.add(new ExpectedFigures.Bin(bin.path("minPlays").asLong(),
                    bin.path("maxPlays").isNull() ? null : bin.path("maxPlays").asLong(),
                    bin.path("sessions").asLong(), bin.path("plays").asLong()));
            labels.add(bin.path("label").asText());
        }
        assertThat(bins).isEqualTo(expected.sessionBins());
        assertThat(labels).containsExactly("1", "2\u20135", "6\u201310", "11\u201320", "21\u201350", "51\u2013100", "101+");
        assertThat(bins.stream().mapToLong(ExpectedFigures.Bin::plays).sum()).isEqualTo(expected.summary().get(0));
    }

    @Test
    void theShareOfPlaysThatFoundNoSongIsCountedPerDay() {
        Map<LocalDate, List<Long>> shown = new TreeMap<>();
        for (JsonNode day : figures.path("unmatchedPerDay")) {
            if (day.path("plays").asLong() != 0) {
                shown.put(LocalDate.parse(day.path("day").asText()),
                        List.of(day.path("plays").asLong(), day.path("unmatchedPlays").asLong()));
            }
        }
        assertThat(shown).isEqualTo(expected.unmatchedPerDay());
    }

    @Test
    void rowCountsAndTheLoadHistoryAreThoseOfTheTables() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        figures.path("rowCounts").forEach(table -> counts.put(table.path("table").asText(), table.path("rows").asLong()));
        assertThat(counts).containsExactlyEntriesOf(expected.rowCounts());

        JsonNode history = figures.path("loadHistory");
        assertThat(history.path("ledgerExists").asBoolean()).isTrue();
        List<ExpectedFigures.Run> runs = new ArrayList<>();
        for (JsonNode run : history.path("runs")) {
            assertThat(run.path("loadedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*");
            runs.add(new ExpectedFigures.Run(run.path("runId").asText(), run.path("dataset").asText(),
                    run.path("objects").asLong(), run.path("bytes").asLong(), run.path("rowsLoaded").asLong(),
                    run.path("rowsRejected").asLong()));
        }
        assertThat(runs).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected.loadHistory());
    }

    @Test
    void withoutALedgerTheReportSaysThereIsNoHistoryYet() {
        String page = ReportFixture.read(fixture.noLedgerHtml);
        JsonNode history = ReportFixture.figuresOf(page).path("loadHistory");
        assertThat(history.path("ledgerExists").asBoolean()).isFalse();
        assertThat(history.path("runs")).isEmpty();
        assertThat(page).contains("id=\"no-load-history\"").contains("No load history yet")
                .doesNotContain("id=\"chart-load-history\"");
        // Everything else is still there.
        assertThat(ReportFixture.figuresOf(page).path("summary")).isEqualTo(figures.path("summary"));
    }

    @Test
    void anEmptyStarSchemaGivesAReportOfZeros() {
        String page = ReportFixture.read(fixture.emptyHtml);
        assertThat(page).contains("id=\"no-plays\"");
        assertThat(fixture.page()).doesNotContain("id=\"no-plays\"");
        JsonNode empty = ReportFixture.figuresOf(page);
        assertThat(empty.path("summary").path("plays").asLong()).isZero();
        assertThat(empty.path("summary").path("firstPlay").isNull()).isTrue();
        assertThat(empty.path("playsPerDay")).isEmpty();
        assertThat(empty.path("playsPerHour")).hasSize(24).allSatisfy(h -> assertThat(h.path("plays").asLong()).isZero());
        assertThat(empty.path("topSongs")).isEmpty();
        assertThat(empty.path("sessionLengths")).hasSize(7).allSatisfy(b -> assertThat(b.path("sessions").asLong()).isZero());
        assertThat(empty.path("loadHistory").path("ledgerExists").asBoolean()).isTrue();
        assertThat(empty.path("loadHistory").path("runs")).isEmpty();
    }

    private static String text(JsonNode node) {
        return node.isNull() ? null : node.asText();
    }

    private static LocalDateTime timestamp(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T'));
    }
}
