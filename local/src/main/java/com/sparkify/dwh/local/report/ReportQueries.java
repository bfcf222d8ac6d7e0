package com.sparkify.dwh.local.report;

import com.sparkify.dwh.local.report.ReportData.ArtistPlays;
import com.sparkify.dwh.local.report.ReportData.DayPlays;
import com.sparkify.dwh.local.report.ReportData.HourPlays;
import com.sparkify.dwh.local.report.ReportData.LevelChanges;
import com.sparkify.dwh.local.report.ReportData.LevelDay;
import com.sparkify.dwh.local.report.ReportData.LevelsPerDay;
import com.sparkify.dwh.local.report.ReportData.LoadHistory;
import com.sparkify.dwh.local.report.ReportData.LoadRun;
import com.sparkify.dwh.local.report.ReportData.SessionBin;
import com.sparkify.dwh.local.report.ReportData.SongPlays;
import com.sparkify.dwh.local.report.ReportData.Summary;
import com.sparkify.dwh.local.report.ReportData.TableRows;
import com.sparkify.dwh.local.report.ReportData.UnmatchedDay;
import com.sparkify.dwh.local.report.ReportData.WeekdayPlays;
import com.sparkify.dwh.pipeline.StatementWaiter;
import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.Warehouse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the report's figures through the warehouse port: the files {@code sql/report_*.sql}, in
 * Redshift's dialect, so the same report comes from the embedded warehouse and from Redshift. The
 * figures are one Data API batch, so one transaction: they agree with each other even while a load runs.
 * The ledger is looked for first; without it the report has no load history rather than failing.
 */
public final class ReportQueries {

    public static final int DEFAULT_TOP = 10;
    /** The load history lists this many of the most recent runs. */
    public static final int HISTORY_RUNS = 30;
    /** A day axis longer than this (about three years) shows only the days that have plays. */
    static final long MAX_FILLED_DAYS = 1100;

    static final String LEDGER_EXISTS = "report_ledger_exists";
    static final String LOAD_HISTORY = "report_load_history";
    /** Every file of the batch, in the order they run. */
    static final List<String> FIGURES = List.of("report_summary", "report_row_counts", "report_plays_per_day",
            "report_plays_per_hour", "report_plays_per_weekday", "report_top_songs", "report_top_artists",
            "report_levels_per_day", "report_level_changes", "report_session_lengths", "report_unmatched_plays");

    private static final String[] WEEKDAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday"};

    private final Warehouse warehouse;
    private final SqlCatalog catalog;
    private final StatementWaiter waiter;

    public ReportQueries(Warehouse warehouse, SqlCatalog catalog, StatementWaiter waiter) {
        this.warehouse = warehouse;
        this.catalog = catalog;
        this.waiter = waiter;
    }

    /** The placeholders of the report's files. */
    public static Map<String, Object> params(int top) {
        return Map.of("top", top, "runs", HISTORY_RUNS);
    }

    /** Runs every query and returns the figures. */
    public ReportData query(int top, String source, String generatedAt) {
        if (top < 1) {
            throw new IllegalArgumentException("the top lists need at least 1 row, not " + top);
        }
        Map<String, Object> params = params(top);
        boolean ledgerExists = longAt(single(render(LEDGER_EXISTS, params), "look for the ledger"), 0, "ledger_tables") > 0;

        List<String> names = new ArrayList<>(FIGURES);
        if (ledgerExists) {
            names.add(LOAD_HISTORY);
        }
        List<String> sqls = new ArrayList<>();
        for (String name : names) {
            sqls.add(render(name, params));
        }
        String id = warehouse.batchExecuteStatement(sqls);
        StatementDescription done = waiter.awaitFinished(id, "report queries");
        Map<String, QueryResult> results = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            results.put(names.get(i), warehouse.getStatementResult(done.subStatement(i + 1).id()));
        }
        return figures(results, top, source, generatedAt);
    }

    private String render(String name, Map<String, Object> params) {
        List<String> statements = catalog.render(name, params);
        if (statements.size() != 1) {
            throw new IllegalStateException("sql/" + name + ".sql must hold one statement, not " + statements.size());
        }
        return statements.get(0);
    }

    private QueryResult single(String sql, String what) {
        String id = warehouse.executeStatement(sql);
        waiter.awaitFinished(id, what);
        return warehouse.getStatementResult(id);
    }

    /** The report's figures from the results of its files (by file name), days filled in. */
    static ReportData figures(Map<String, QueryResult> results, int top, String source, String generatedAt) {
        QueryResult summary = results.get("report_summary");
        Summary headline = summary.rows().isEmpty() ? new Summary(0, 0, 0, 0, 0, null, null)
                : new Summary(longAt(summary, 0, "plays"), longAt(summary, 0, "users"), longAt(summary, 0, "sessions"),
                        longAt(summary, 0, "unmatched_plays"), longAt(summary, 0, "paid_plays"),
                        summary.getString(0, "first_play"), summary.getString(0, "last_play"));

        List<TableRows> rowCounts = new ArrayList<>();
        QueryResult counts = results.get("report_row_counts");
        for (int row = 0; row < counts.rows().size(); row++) {
            rowCounts.add(new TableRows(counts.getString(row, "table_name"), longAt(counts, row, "row_count")));
        }

        Map<LocalDate, Long> perDay = new TreeMap<>();
        QueryResult days = results.get("report_plays_per_day");
        for (int row = 0; row < days.rows().size(); row++) {
            perDay.put(day(days, row), longAt(days, row, "plays"));
        }
        List<LocalDate> axis = dayAxis(perDay.keySet());
        List<DayPlays> playsPerDay = axis.stream().map(d -> new DayPlays(d.toString(), perDay.getOrDefault(d, 0L))).toList();

        long[] hours = new long[24];
        QueryResult perHour = results.get("report_plays_per_hour");
        for (int row = 0; row < perHour.rows().size(); row++) {
            hours[index(perHour, row, "hour_of_day", 24)] += longAt(perHour, row, "plays");
        }
        List<HourPlays> playsPerHour = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            playsPerHour.add(new HourPlays(hour, hours[hour]));
        }

        long[] weekdays = new long[7];
        QueryResult perWeekday = results.get("report_plays_per_weekday");
        for (int row = 0; row < perWeekday.rows().size(); row++) {
            weekdays[index(perWeekday, row, "weekday", 7)] += longAt(perWeekday, row, "plays");
        }
        List<WeekdayPlays> playsPerWeekday = new ArrayList<>();
        for (int weekday = 0; weekday < 7; weekday++) {
            playsPerWeekday.add(new WeekdayPlays(weekday, WEEKDAYS[weekday], weekdays[weekday]));
        }

        List<SongPlays> topSongs = new ArrayList<>();
        QueryResult songs = results.get("report_top_songs");
        for (int row = 0; row < songs.rows().size(); row++) {
            topSongs.add(new SongPlays(songs.getString(row, "song_id"), songs.getString(row, "title"),
                    songs.getString(row, "artist_name"), longAt(songs, row, "plays")));
        }

        List<ArtistPlays> topArtists = new ArrayList<>();
        QueryResult artists = results.get("report_top_artists");
        for (int row = 0; row < artists.rows().size(); row++) {
            topArtists.add(new ArtistPlays(artists.getString(row, "artist_id"), artists.getString(row, "artist_name"),
                    longAt(artists, row, "plays")));
        }

        LevelsPerDay levels = levels(results.get("report_levels_per_day"), axis);

        Map<LocalDate, long[]> changes = new TreeMap<>();
        QueryResult levelChanges = results.get("report_level_changes");
        for (int row = 0; row < levelChanges.rows().size(); row++) {
            changes.put(day(levelChanges, row), new long[] {longAt(levelChanges, row, "upgrades"),
                longAt(levelChanges, row, "downgrades")});
        }
        List<LevelChanges> changesPerDay = new ArrayList<>();
        for (LocalDate day : union(axis, changes.keySet())) {
            long[] change = changes.getOrDefault(day, new long[2]);
            changesPerDay.add(new LevelChanges(day.toString(), change[0], change[1]));
        }

        List<SessionBin> bins = new ArrayList<>();
        QueryResult sessions = results.get("report_session_lengths");
        for (int row = 0; row < sessions.rows().size(); row++) {
            String max = sessions.getString(row, "max_plays");
            bins.add(new SessionBin(longAt(sessions, row, "min_plays"), max == null ? null : Long.valueOf(max),
                    longAt(sessions, row, "sessions"), longAt(sessions, row, "plays")));
        }

        Map<LocalDate, long[]> unmatched = new TreeMap<>();
        QueryResult quality = results.get("report_unmatched_plays");
        for (int row = 0; row < quality.rows().size(); row++) {
            unmatched.put(day(quality, row), new long[] {longAt(quality, row, "plays"),
                longAt(quality, row, "unmatched_plays")});
        }
        List<UnmatchedDay> unmatchedPerDay = new ArrayList<>();
        for (LocalDate day : union(axis, unmatched.keySet())) {
            long[] figures = unmatched.getOrDefault(day, new long[2]);
            unmatchedPerDay.add(new UnmatchedDay(day.toString(), figures[0], figures[1]));
        }

        LoadHistory history = new LoadHistory(false, HISTORY_RUNS, List.of());
        QueryResult ledger = results.get(LOAD_HISTORY);
        if (ledger != null) {
            List<LoadRun> runs = new ArrayList<>();
            for (int row = 0; row < ledger.rows().size(); row++) {
                runs.add(new LoadRun(ledger.getString(row, "run_id"), ledger.getString(row, "loaded_at"),
                        ledger.getString(row, "dataset"), longAt(ledger, row, "objects"), longAt(ledger, row, "bytes"),
                        longAt(ledger, row, "rows_loaded"), longAt(ledger, row, "rows_rejected")));
            }
            history = new LoadHistory(true, HISTORY_RUNS, runs);
        }

        return new ReportData(source, generatedAt, top, headline, rowCounts, playsPerDay, playsPerHour,
                playsPerWeekday, topSongs, topArtists, levels, changesPerDay, bins, unmatchedPerDay, history);
    }

    private static LevelsPerDay levels(QueryResult result, List<LocalDate> axis) {
        TreeSet<String> names = new TreeSet<>();
        Map<LocalDate, Map<String, long[]>> byDay = new TreeMap<>();
        for (int row = 0; row < result.rows().size(); row++) {
            String level = result.getString(row, "level");
            String name = level == null ? "(none)" : level;
            names.add(name);
            byDay.computeIfAbsent(day(result, row), d -> new TreeMap<>())
                    .put(name, new long[] {longAt(result, row, "plays"), longAt(result, row, "users")});
        }
        List<String> levels = new ArrayList<>(names);
        List<LevelDay> days = new ArrayList<>();
        for (LocalDate day : union(axis, byDay.keySet())) {
            Map<String, long[]> figures = byDay.getOrDefault(day, Map.of());
            List<Long> plays = new ArrayList<>();
            List<Long> users = new ArrayList<>();
            for (String level : levels) {
                long[] figure = figures.getOrDefault(level, new long[2]);
                plays.add(figure[0]);
                users.add(figure[1]);
            }
            days.add(new LevelDay(day.toString(), plays, users));
        }
        return new LevelsPerDay(levels, days);
    }

    /** Every day from the first to the last that has plays, unless that is years of days. */
    static List<LocalDate> dayAxis(Collection<LocalDate> present) {
        if (present.isEmpty()) {
            return List.of();
        }
        TreeSet<LocalDate> sorted = new TreeSet<>(present);
        LocalDate first = sorted.first();
        LocalDate last = sorted.last();
        if (ChronoUnit.DAYS.between(first, last) >= MAX_FILLED_DAYS) {
            return List.copyOf(sorted);
        }
        List<LocalDate> all = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            all.add(day);
        }
        return all;
    }

    /** The axis, plus any day another figure has that the axis lacks (none, when one batch read them all). */
    private static List<LocalDate> union(List<LocalDate> axis, Set<LocalDate> more) {
        if (axis.containsAll(more)) {
            return axis;
        }
        TreeSet<LocalDate> all = new TreeSet<>(axis);
        all.addAll(more);
        return List.copyOf(all);
    }

    private static LocalDate day(QueryResult result, int row) {
        String text = result.getString(row, "play_date");
        if (text == null || text.length() < 10) {
            throw new IllegalStateException("play_date of row " + row + " is not a date: " + text);
        }
        return LocalDate.parse(text.substring(0, 10));
    }

    private static int index(QueryResult result, int row, String column, int bound) {
        long value = longAt(result, row, column);
        if (value < 0 || value >= bound) {
            throw new IllegalStateException(column + " of row " + row + " is out of range: " + value);
        }
        return (int) value;
    }

    /** A whole number cell; NULL (a SUM over no rows) is 0. */
    static long longAt(QueryResult result, int row, String column) {
        Object value = result.rows().get(row).get(result.columnIndex(column));
        if (value == null) {
            return 0;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        String text = value.toString().trim();
        // Redshift returns a NUMERIC as text, with a fraction when it has one.
        return text.contains(".") ? new BigDecimal(text).longValueExact() : Long.parseLong(text);
    }
}
