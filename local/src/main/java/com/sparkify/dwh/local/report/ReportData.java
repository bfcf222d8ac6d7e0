package com.sparkify.dwh.local.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The figures of the analyst report, as the warehouse returned them (plus the days no play fell on,
 * filled with zeros so that a day axis has no holes). Embedded in the page as JSON; the charts are
 * drawn from it. Days are ISO dates (UTC), timestamps as the warehouse prints them.
 *
 * @param source         where the figures come from (the DuckDB file, or the Redshift cluster/workgroup)
 * @param generatedAt    when the report was written (UTC, ISO 8601)
 * @param top            how many songs and artists the top lists hold at most
 * @param loadHistory    the ledger's runs, or {@code ledgerExists == false} when no run has recorded one
 */
public record ReportData(
        String source,
        String generatedAt,
        int top,
        Summary summary,
        List<TableRows> rowCounts,
        List<DayPlays> playsPerDay,
        List<HourPlays> playsPerHour,
        List<WeekdayPlays> playsPerWeekday,
        List<SongPlays> topSongs,
        List<ArtistPlays> topArtists,
        LevelsPerDay levelsPerDay,
        List<LevelChanges> levelChanges,
        List<SessionBin> sessionLengths,
        List<UnmatchedDay> unmatchedPerDay,
        LoadHistory loadHistory) {

    public ReportData {
        rowCounts = List.copyOf(rowCounts);
        playsPerDay = List.copyOf(playsPerDay);
        playsPerHour = List.copyOf(playsPerHour);
        playsPerWeekday = List.copyOf(playsPerWeekday);
        topSongs = List.copyOf(topSongs);
        topArtists = List.copyOf(topArtists);
        levelChanges = List.copyOf(levelChanges);
        sessionLengths = List.copyOf(sessionLengths);
        unmatchedPerDay = List.copyOf(unmatchedPerDay);
    }

    /**
     * Headline figures over every play.
     *
     * @param firstPlay the earliest start_time, or null without plays
     */
    public record Summary(long plays, long users, long sessions, long unmatchedPlays, long paidPlays,
                          String firstPlay, String lastPlay) {
    }

    public record TableRows(String table, long rows) {
    }

    public record DayPlays(String day, long plays) {
    }

    public record HourPlays(int hour, long plays) {
    }

    /** @param weekday 0 is Sunday, as DATE_PART(dow, ...) */
    public record WeekdayPlays(int weekday, String name, long plays) {
    }

    public record SongPlays(String songId, String title, String artist, long plays) {
    }

    public record ArtistPlays(String artistId, String name, long plays) {
    }

    /** Plays and users per day and level; {@code plays} and {@code users} of a day follow {@code levels}. */
    public record LevelsPerDay(List<String> levels, List<LevelDay> days) {

        public LevelsPerDay {
            levels = List.copyOf(levels);
            days = List.copyOf(days);
        }
    }

    public record LevelDay(String day, List<Long> plays, List<Long> users) {

        public LevelDay {
            plays = List.copyOf(plays);
            users = List.copyOf(users);
        }
    }

    public record LevelChanges(String day, long upgrades, long downgrades) {
    }

    /** Sessions of {@code minPlays} to {@code maxPlays} plays (null: no upper bound). */
    public record SessionBin(long minPlays, Long maxPlays, long sessions, long plays) {

        @JsonProperty("label")
        public String label() {
            if (maxPlays == null) {
                return minPlays + "+";
            }
            return maxPlays == minPlays ? Long.toString(minPlays) : minPlays + "\u2013" + maxPlays;
        }
    }

    public record UnmatchedDay(String day, long plays, long unmatchedPlays) {
    }

    /** @param runsShown at most this many of the most recent runs are listed */
    public record LoadHistory(boolean ledgerExists, int runsShown, List<LoadRun> runs) {

        public LoadHistory {
            runs = List.copyOf(runs);
        }
    }

    public record LoadRun(String runId, String loadedAt, String dataset, long objects, long bytes, long rowsLoaded,
                          long rowsRejected) {
    }
}
