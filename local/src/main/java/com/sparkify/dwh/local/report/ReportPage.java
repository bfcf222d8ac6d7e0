package com.sparkify.dwh.local.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.dwh.local.report.ReportData.DayPlays;
import com.sparkify.dwh.local.report.ReportData.HourPlays;
import com.sparkify.dwh.local.report.ReportData.LevelChanges;
import com.sparkify.dwh.local.report.ReportData.LevelDay;
import com.sparkify.dwh.local.report.ReportData.LoadRun;
import com.sparkify.dwh.local.report.ReportData.SessionBin;
import com.sparkify.dwh.local.report.ReportData.Summary;
import com.sparkify.dwh.local.report.ReportData.TableRows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The report as one HTML file that opens offline: its style, Chart.js and the code that configures the
 * charts are inlined, the figures are embedded as JSON ({@code <script id="report-data">}), and a
 * Content-Security-Policy lets the page fetch nothing and run only its own two scripts (by hash). Every
 * chart also has its figures as a table, written here, so they can be read and copied without the chart.
 */
public final class ReportPage {

    /** A chart of the page: {@code <canvas id="chart-ID" data-chart="ID">}. */
    public record Chart(String id, String title) {
    }

    /** The id of the element holding the figures as JSON. */
    public static final String DATA_ELEMENT = "report-data";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportPage() {
    }

    /** The charts a page of these figures has, in page order (the load history only once there is a ledger). */
    public static List<Chart> charts(ReportData data) {
        List<Chart> charts = new ArrayList<>(List.of(
                new Chart("plays-per-day", "Plays per day (UTC)"),
                new Chart("plays-per-hour", "Plays per hour of day (UTC)"),
                new Chart("plays-per-weekday", "Plays per day of the week (UTC)"),
                new Chart("top-songs", "Top " + data.top() + " songs by plays"),
                new Chart("top-artists", "Top " + data.top() + " artists by plays"),
                new Chart("level-plays", "Plays per day, free vs paid"),
                new Chart("level-users", "Listeners per day, free vs paid"),
                new Chart("level-changes", "Upgrades and downgrades per day"),
                new Chart("session-lengths", "Sessions by number of plays"),
                new Chart("unmatched-share", "Plays that found no song, per day"),
                new Chart("row-counts", "Rows per table")));
        if (data.loadHistory().ledgerExists()) {
            charts.add(new Chart("load-history", "Rows loaded per run"));
        }
        return charts;
    }

    public static String render(ReportData data) {
        ChartJs chartJs = ChartJs.get();
        String configScript = ChartJs.inlineable(ChartJs.read("report/report.js", null));
        String style = ChartJs.read("report/report.css", null);
        String json;
        try {
            json = Html.scriptJson(MAPPER.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report's figures as JSON", e);
        }
        List<Chart> charts = charts(data);
        Summary summary = data.summary();

        StringBuilder html = new StringBuilder(chartJs.source.length() + 64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src ")
                .append(hash(chartJs.source)).append(' ').append(hash(configScript))
                .append("; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
                .append("<meta name=\"generator\" content=\"sparkify report\">\n")
                .append("<title>Sparkify listening report</title>\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<style>\n").append(style).append("\n</style>\n</head>\n<body>\n");

        html.append("<header>\n<h1>Sparkify listening report</h1>\n<p class=\"meta\">")
                .append("From ").append(Html.escape(data.source()))
                .append(" &middot; generated ").append(Html.escape(data.generatedAt()));
        if (summary.firstPlay() != null) {
            html.append(" &middot; plays from ").append(Html.escape(day(summary.firstPlay())))
                    .append(" to ").append(Html.escape(day(summary.lastPlay()))).append(" (UTC)");
        }
        html.append("</p>\n</header>\n<main>\n");
        html.append("<noscript><p class=\"notice\">The charts need JavaScript; every figure is also in the table"
                + " under its chart.</p></noscript>\n");

        if (summary.plays() == 0) {
            html.append("<p class=\"notice\" id=\"no-plays\">No plays in the warehouse yet: the charts are empty until a"
                    + " run loads some (./sparkify run).</p>\n");
        }
        kpis(html, data);

        html.append("<section aria-labelledby=\"when\">\n<h2 id=\"when\">When people listen</h2>\n<div class=\"grid\">\n");
        figure(html, charts, "plays-per-day", "wide",
                "Every play (a NextSong event) by the calendar day of its start time." + busiestDay(data.playsPerDay()),
                table(List.of("day", "plays"), data.playsPerDay().stream()
                        .map(d -> List.of(d.day(), count(d.plays()))).toList()));
        HourPlays peak = data.playsPerHour().stream().max(Comparator.comparingLong(HourPlays::plays)).orElse(null);
        figure(html, charts, "plays-per-hour", "",
                "From the time dimension: the hour of each play's start time."
                        + (peak == null || peak.plays() == 0 ? "" : String.format(Locale.ROOT,
                        " Busiest hour: %02d:00\u2013%02d:59 with %s plays.", peak.hour(), peak.hour(), count(peak.plays()))),
                table(List.of("hour (UTC)", "plays"), data.playsPerHour().stream()
                        .map(h -> List.of(String.format(Locale.ROOT, "%02d", h.hour()), count(h.plays()))).toList()));
        figure(html, charts, "plays-per-weekday", "",
                "From the time dimension (weekday 0 is Sunday, as Redshift's DATE_PART(dow, ...)).",
                table(List.of("day of the week", "plays"), data.playsPerWeekday().stream()
                        .map(w -> List.of(w.name(), count(w.plays()))).toList()));
        html.append("</div>\n</section>\n");

        html.append("<section aria-labelledby=\"what\">\n<h2 id=\"what\">What people play</h2>\n<div class=\"grid\">\n");
        figure(html, charts, "top-songs", "tall",
                "Only plays that found their song in the catalogue count (see data quality below); ties go by song id.",
                table(List.of("#", "song", "artist", "plays"), numbered(data.topSongs().stream()
                        .map(s -> List.of(orNone(s.title()), orNone(s.artist()), count(s.plays()))).toList())));
        figure(html, charts, "top-artists", "tall",
                "Plays that found their song, by its artist; ties go by artist id.",
                table(List.of("#", "artist", "plays"), numbered(data.topArtists().stream()
                        .map(a -> List.of(orNone(a.name()), count(a.plays()))).toList())));
        html.append("</div>\n</section>\n");

        html.append("<section aria-labelledby=\"levels\">\n<h2 id=\"levels\">Free and paid</h2>\n<div class=\"grid\">\n");
        List<String> levels = data.levelsPerDay().levels();
        List<String> levelColumns = new ArrayList<>(List.of("day"));
        levels.forEach(level -> levelColumns.add(level + " plays"));
        levels.forEach(level -> levelColumns.add(level + " listeners"));
        List<List<String>> levelRows = new ArrayList<>();
        for (LevelDay day : data.levelsPerDay().days()) {
            List<String> row = new ArrayList<>(List.of(day.day()));
            day.plays().forEach(n -> row.add(count(n)));
            day.users().forEach(n -> row.add(count(n)));
            levelRows.add(row);
        }
        figure(html, charts, "level-plays", "",
                "Each play at the level its user had then." + (summary.plays() == 0 ? ""
                        : " Paid plays: " + percent(summary.paidPlays(), summary.plays()) + " of all."),
                table(levelColumns, levelRows));
        figure(html, charts, "level-users", "",
                "Distinct users with at least one play that day, by level; one who changed level that day counts in both.",
                null);
        long upgrades = data.levelChanges().stream().mapToLong(LevelChanges::upgrades).sum();
        long downgrades = data.levelChanges().stream().mapToLong(LevelChanges::downgrades).sum();
        figure(html, charts, "level-changes", "wide",
                "Derived from songplays: the star schema keeps no page events (Submit Upgrade, Submit Downgrade), so a"
                        + " change shows where a user's play is at another level than their previous play, on the day of"
                        + " the later play; a change with no play after it is not seen. In all: " + count(upgrades)
                        + " upgrades, " + count(downgrades) + " downgrades.",
                table(List.of("day", "upgrades", "downgrades"), data.levelChanges().stream()
                        .map(c -> List.of(c.day(), count(c.upgrades()), count(c.downgrades()))).toList()));
        html.append("</div>\n</section>\n");

        html.append("<section aria-labelledby=\"sessions\">\n<h2 id=\"sessions\">Sessions</h2>\n<div class=\"grid\">\n");
        long sessionCount = data.sessionLengths().stream().mapToLong(SessionBin::sessions).sum();
        long sessionPlays = data.sessionLengths().stream().mapToLong(SessionBin::plays).sum();
        figure(html, charts, "session-lengths", "wide",
                "A session is a session_id, as in the natural key of a play." + (sessionCount == 0 ? ""
                        : " " + count(sessionCount) + " sessions, " + String.format(Locale.ROOT, "%.1f",
                        (double) sessionPlays / sessionCount) + " plays per session on average."),
                table(List.of("plays in the session", "sessions", "plays"), data.sessionLengths().stream()
                        .map(b -> List.of(b.label(), count(b.sessions()), count(b.plays()))).toList()));
        html.append("</div>\n</section>\n");

        html.append("<section aria-labelledby=\"quality\">\n<h2 id=\"quality\">Data quality and loads</h2>\n<div class=\"grid\">\n");
        figure(html, charts, "unmatched-share", "",
                "A play whose song title, artist name and length match no song of the catalogue keeps no song_id"
                        + " or artist_id." + (summary.plays() == 0 ? "" : " In all: " + percent(summary.unmatchedPlays(),
                        summary.plays()) + " (" + count(summary.unmatchedPlays()) + " of " + count(summary.plays())
                        + " plays).") + " The songs are a subset of the Million Song Dataset, so some plays find none;"
                        + " a sudden change is the signal.",
                table(List.of("day", "plays", "no song found", "share"), data.unmatchedPerDay().stream()
                        .map(u -> List.of(u.day(), count(u.plays()), count(u.unmatchedPlays()),
                                u.plays() == 0 ? "" : percent(u.unmatchedPlays(), u.plays()))).toList()));
        figure(html, charts, "row-counts", "",
                "Rows in each table of the star schema.",
                table(List.of("table", "rows"), data.rowCounts().stream()
                        .map(t -> List.of(t.table(), count(t.rows()))).toList()));
        if (data.loadHistory().ledgerExists()) {
            figure(html, charts, "load-history", "wide",
                    "From the ledger (load_ledger): the rows each run loaded and rejected, per dataset; at most the last "
                            + data.loadHistory().runsShown() + " runs.",
                    table(List.of("run", "loaded at", "dataset", "objects", "bytes", "rows loaded", "rows rejected"),
                            data.loadHistory().runs().stream().map(ReportPage::runRow).toList()));
        } else {
            html.append("<figure class=\"card wide\" id=\"fig-load-history\">\n<h3>Load history</h3>\n")
                    .append("<p class=\"empty\" id=\"no-load-history\">No load history yet: this warehouse has no ledger"
                            + " (load_ledger). A run creates it and records every object it loads.</p>\n</figure>\n");
        }
        html.append("</div>\n</section>\n</main>\n");

        html.append("<footer>\n<p>Charts drawn by Chart.js ").append(Html.escape(chartJs.version))
                .append(" (MIT licence), inlined: this page loads nothing from the network. Figures from"
                        + " <code>sql/report_*.sql</code>, run through the warehouse port; times are UTC.</p>\n</footer>\n");

        html.append("<script type=\"application/json\" id=\"").append(DATA_ELEMENT).append("\">").append(json)
                .append("</script>\n");
        html.append("<script>").append(chartJs.source).append("</script>\n");
        html.append("<script>").append(configScript).append("</script>\n");
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void kpis(StringBuilder html, ReportData data) {
        Summary summary = data.summary();
        List<String[]> tiles = new ArrayList<>();
        tiles.add(new String[] {"kpi-plays", count(summary.plays()), "plays"});
        tiles.add(new String[] {"kpi-users", count(summary.users()), "listeners (users with plays)"});
        tiles.add(new String[] {"kpi-sessions", count(summary.sessions()), "sessions"});
        tiles.add(new String[] {"kpi-paid", summary.plays() == 0 ? "\u2013" : percent(summary.paidPlays(), summary.plays()),
            "of plays by paid users"});
        tiles.add(new String[] {"kpi-unmatched", summary.plays() == 0 ? "\u2013"
            : percent(summary.unmatchedPlays(), summary.plays()), "of plays found no song"});
        for (TableRows table : data.rowCounts()) {
            if (table.table().equals("songs") || table.table().equals("artists")) {
                tiles.add(new String[] {"kpi-" + table.table(), count(table.rows()), table.table() + " in the catalogue"});
            }
        }
        html.append("<section class=\"kpis\" aria-label=\"Headline figures\">\n");
        for (String[] tile : tiles) {
            html.append("<div class=\"kpi\" id=\"").append(tile[0]).append("\"><div class=\"value\">")
                    .append(Html.escape(tile[1])).append("</div><div class=\"label\">").append(Html.escape(tile[2]))
                    .append("</div></div>\n");
        }
        html.append("</section>\n");
    }

    /** A chart's card; {@code layout} is "" (half a row on a wide screen), "wide" (a whole row) or "tall". */
    private static void figure(StringBuilder html, List<Chart> charts, String id, String layout, String caption,
                               String table) {
        Chart chart = charts.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no chart " + id));
        html.append("<figure class=\"card").append(layout.equals("wide") ? " wide" : "").append("\" id=\"fig-")
                .append(id).append("\">\n")
                .append("<div class=\"chart").append(layout.equals("tall") ? " tall" : "").append("\">")
                .append("<canvas id=\"chart-").append(id).append("\" data-chart=\"").append(id)
                .append("\" data-title=\"").append(Html.escape(chart.title())).append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(chart.title())).append("\">").append(Html.escape(chart.title()))
                .append("</canvas></div>\n")
                .append("<figcaption>").append(Html.escape(caption)).append("</figcaption>\n");
        if (table != null) {
            html.append("<details><summary>Figures</summary>\n<div class=\"table-wrap\">").append(table)
                    .append("</div>\n</details>\n");
        }
        html.append("</figure>\n");
    }

    /** A table; cells that look like figures are right-aligned. Every cell is escaped. */
    private static String table(List<String> columns, List<List<String>> rows) {
        StringBuilder table = new StringBuilder("<table>\n<thead><tr>");
        for (String column : columns) {
            table.append("<th scope=\"col\">").append(Html.escape(column)).append("</th>");
        }
        table.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            table.append("<tr>");
            for (String cell : row) {
                table.append(cell.matches("[0-9,.%]+") ? "<td class=\"num\">" : "<td>").append(Html.escape(cell))
                        .append("</td>");
            }
            table.append("</tr>\n");
        }
        return table.append("</tbody>\n</table>").toString();
    }

    private static List<List<String>> numbered(List<List<String>> rows) {
        List<List<String>> numbered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(i + 1));
            row.addAll(rows.get(i));
            numbered.add(row);
        }
        return numbered;
    }

    private static List<String> runRow(LoadRun run) {
        return List.of(run.runId(), run.loadedAt(), run.dataset(), count(run.objects()), count(run.bytes()),
                count(run.rowsLoaded()), count(run.rowsRejected()));
    }

    private static String busiestDay(List<DayPlays> days) {
        return days.stream().filter(d -> d.plays() > 0).max(Comparator.comparingLong(DayPlays::plays))
                .map(d -> " Busiest day: " + d.day() + " with " + count(d.plays()) + " plays.").orElse("");
    }

    private static String orNone(String text) {
        return text == null ? "(none)" : text;
    }

    private static String day(String timestamp) {
        return timestamp.length() >= 10 ? timestamp.substring(0, 10) : timestamp;
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** A CSP source for an inline script: its SHA-256, base64. */
    static String hash(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
