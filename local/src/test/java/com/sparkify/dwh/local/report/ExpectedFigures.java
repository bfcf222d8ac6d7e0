package com.sparkify.dwh.local.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The report's figures worked out from the DuckDB file by the test alone: plain JDBC queries in DuckDB's
 * own dialect, on songplays directly (not through the time table the report uses), and Java for what the
 * report does with window functions and bins. Nothing of sql/report_*.sql is used.
 */
final class ExpectedFigures {

    record Song(String songId, String title, String artist, long plays) {
    }

    record Artist(String artistId, String name, long plays) {
    }

    record Bin(long minPlays, Long maxPlays, long sessions, long plays) {
    }

    record Run(String runId, String dataset, long objects, long bytes, long rowsLoaded, long rowsRejected) {
    }

    /** The bins the report promises: 1, 2-5, 6-10, 11-20, 21-50, 51-100, 101 and more. */
    static final long[][] BINS = {{1, 1}, {2, 5}, {6, 10}, {11, 20}, {21, 50}, {51, 100}, {101, -1}};

    private final DuckDbFile db;

    ExpectedFigures(DuckDbFile db) {
        this.db = db;
    }

    /** plays, users, sessions, unmatched plays, paid plays. */
    List<Long> summary() {
        List<Object> row = db.select("SELECT COUNT(*), COUNT(DISTINCT user_id), COUNT(DISTINCT session_id),"
                + " COUNT(*) FILTER (WHERE song_id IS NULL), COUNT(*) FILTER (WHERE level = 'paid') FROM songplays").get(0);
        return row.stream().map(v -> ((Number) v).longValue()).toList();
    }

    LocalDateTime firstPlay() {
        return (LocalDateTime) db.select("SELECT MIN(start_time) FROM songplays").get(0).get(0);
    }

    LocalDateTime lastPlay() {
        return (LocalDateTime) db.select("SELECT MAX(start_time) FROM songplays").get(0).get(0);
    }

    /** Plays per day, only days that have plays. */
    Map<LocalDate, Long> playsPerDay() {
        Map<LocalDate, Long> days = new TreeMap<>();
        for (List<Object> row : db.select("SELECT strftime(start_time, '%Y-%m-%d'), COUNT(*) FROM songplays GROUP BY 1")) {
            days.put(LocalDate.parse((String) row.get(0)), (Long) row.get(1));
        }
        return days;
    }

    List<Long> playsPerHour() {
        long[] hours = new long[24];
        for (List<Object> row : db.select("SELECT hour(start_time), COUNT(*) FROM songplays GROUP BY 1")) {
            hours[((Long) row.get(0)).intValue()] = (Long) row.get(1);
        }
        return java.util.Arrays.stream(hours).boxed().toList();
    }

    /** Sunday first. */
    List<Long> playsPerWeekday() {
        long[] weekdays = new long[7];
        for (List<Object> row : db.select("SELECT dayofweek(start_time), COUNT(*) FROM songplays GROUP BY 1")) {
            weekdays[((Long) row.get(0)).intValue()] = (Long) row.get(1);
        }
        return java.util.Arrays.stream(weekdays).boxed().toList();
    }

    List<Song> topSongs(int top) {
        Map<String, String[]> songs = new HashMap<>();
        for (List<Object> row : db.select("SELECT s.song_id, s.title, a.name FROM songs s"
                + " LEFT JOIN artists a ON a.artist_id = s.artist_id")) {
            songs.put((String) row.get(0), new String[] {(String) row.get(1), (String) row.get(2)});
        }
        List<Song> plays = new ArrayList<>();
        for (List<Object> row : db.select("SELECT song_id, COUNT(*) FROM songplays WHERE song_id IS NOT NULL GROUP BY song_id")) {
            String[] song = songs.get((String) row.get(0));
            plays.add(new Song((String) row.get(0), song[0], song[1], (Long) row.get(1)));
        }
        plays.sort(Comparator.comparingLong(Song::plays).reversed().thenComparing(Song::songId));
        return plays.subList(0, Math.min(top, plays.size()));
    }

    List<Artist> topArtists(int top) {
        Map<String, String> names = new HashMap<>();
        for (List<Object> row : db.select("SELECT artist_id, name FROM artists")) {
            names.put((String) row.get(0), (String) row.get(1));
        }
        List<Artist> plays = new ArrayList<>();
        for (List<Object> row : db.select("SELECT artist_id, COUNT(*) FROM songplays WHERE artist_id IS NOT NULL GROUP BY artist_id")) {
            plays.add(new Artist((String) row.get(0), names.get((String) row.get(0)), (Long) row.get(1)));
        }
        plays.sort(Comparator.comparingLong(Artist::plays).reversed().thenComparing(Artist::artistId));
        return plays.subList(0, Math.min(top, plays.size()));
    }

    /** (day, level) to [plays, distinct users]; only pairs that have plays. */
    Map<String, List<Long>> levelsPerDay() {
        Map<String, List<Long>> levels = new TreeMap<>();
        for (List<Object> row : db.select("SELECT strftime(start_time, '%Y-%m-%d'), level, COUNT(*), COUNT(DISTINCT user_id)"
                + " FROM songplays GROUP BY 1, 2")) {
            levels.put(row.get(0) + "/" + (row.get(1) == null ? "(none)" : row.get(1)),
                    List.of((Long) row.get(2), (Long) row.get(3)));
        }
        return levels;
    }

    /**
     * Day to [upgrades, downgrades]: walks every user's plays in time order (songplay_id breaking ties)
     * and counts each free-to-paid and paid-to-free step between consecutive free/paid plays, on the day
     * of the later play. Only days with a change.
     */
    Map<LocalDate, List<Long>> levelChanges() {
        Map<LocalDate, long[]> days = new TreeMap<>();
        String user = null;
        String previous = null;
        for (List<Object> row : db.select("SELECT user_id, start_time, songplay_id, level FROM songplays"
                + " WHERE user_id IS NOT NULL AND level IN ('free', 'paid') ORDER BY user_id, start_time, songplay_id")) {
            if (!Objects.equals(user, row.get(0))) {
                user = (String) row.get(0);
                previous = null;
            }
            String level = (String) row.get(3);
            if (previous != null && !previous.equals(level)) {
                LocalDate day = ((LocalDateTime) row.get(1)).toLocalDate();
                days.computeIfAbsent(day, d -> new long[2])[level.equals("paid") ? 0 : 1]++;
            }
            previous = level;
        }
        Map<LocalDate, List<Long>> changes = new TreeMap<>();
        days.forEach((day, counts) -> changes.put(day, List.of(counts[0], counts[1])));
        return changes;
    }

    List<Bin> sessionBins() {
        long[] sessions = new long[BINS.length];
        long[] plays = new long[BINS.length];
        for (List<Object> row : db.select("SELECT session_id, COUNT(*) FROM songplays GROUP BY session_id")) {
            long n = (Long) row.get(1);
            for (int i = 0; i < BINS.length; i++) {
                if (n >= BINS[i][0] && (BINS[i][1] < 0 || n <= BINS[i][1])) {
                    sessions[i]++;
                    plays[i] += n;
                }
            }
        }
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < BINS.length; i++) {
            bins.add(new Bin(BINS[i][0], BINS[i][1] < 0 ? null : BINS[i][1], sessions[i], plays[i]));
        }
        return bins;
    }

    /** Day to [plays, plays with no song]; only days with plays. */
    Map<LocalDate, List<Long>> unmatchedPerDay() {
        Map<LocalDate, List<Long>> days = new TreeMap<>();
        for (List<Object> row : db.select("SELECT strftime(start_time, '%Y-%m-%d'), COUNT(*),"
                + " COUNT(*) FILTER (WHERE song_id IS NULL) FROM songplays GROUP BY 1")) {
            days.put(LocalDate.parse((String) row.get(0)), List.of((Long) row.get(1), (Long) row.get(2)));
        }
        return days;
    }

    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String table : List.of("songplays", "users", "songs", "artists", "time")) {
            counts.put(table, db.count("SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }

    List<Run> loadHistory() {
        List<Run> runs = new ArrayList<>();
        for (List<Object> row : db.select("SELECT run_id, dataset, COUNT(*), SUM(object_size), SUM(rows_loaded),"
                + " SUM(rows_rejected) FROM load_ledger GROUP BY run_id, dataset ORDER BY run_id, dataset")) {
            runs.add(new Run((String) row.get(0), (String) row.get(1), (Long) row.get(2), number(row.get(3)),
                    number(row.get(4)), number(row.get(5))));
        }
        return runs;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
