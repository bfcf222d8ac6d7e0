package com.sparkify.dwh.local.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sparkify.dwh.local.report.ReportData.ArtistPlays;
import com.sparkify.dwh.local.report.ReportData.LevelsPerDay;
import com.sparkify.dwh.local.report.ReportData.LoadHistory;
import com.sparkify.dwh.local.report.ReportData.SongPlays;
import com.sparkify.dwh.local.report.ReportData.Summary;
import com.sparkify.dwh.warehouse.QueryResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page itself, without a browser: escaping, nothing from the network, the policy that enforces it. */
class ReportPageTest {

    private static final String SCRIPT = "</script><script>alert(1)</script>";
    private static final String COMMENT = "<!-- <script>alert(3)</script>";
    /** Quotes, an ampersand, a line separator, a control character, a lone surrogate, mojibake. */
    private static final String ODD = "It's \"odd\" & \u2028new\u0001line \uD800 \u00c3\u00a9t\u00c3\u00a9";

    private static ReportData hostile(boolean ledger) {
        return new ReportData("DuckDB file <evil>.duckdb", "2026-01-01T00:00:00Z", 10,
                new Summary(3, 2, 2, 1, 1, "2018-11-01 10:00:00", "2018-11-02 11:00:00"),
                List.of(new ReportData.TableRows("songplays", 3)),
                List.of(new ReportData.DayPlays("2018-11-01", 2), new ReportData.DayPlays("2018-11-02", 1)),
                List.of(), List.of(),
                List.of(new SongPlays("S1", SCRIPT, COMMENT, 2), new SongPlays("S2", ODD, null, 1)),
                List.of(new ArtistPlays("A1", "<img src=x onerror=alert(2)>", 2)),
                new LevelsPerDay(List.of("free"), List.of()), List.of(), List.of(), List.of(),
                new LoadHistory(ledger, 30, List.of(new ReportData.LoadRun("run </script>", "2018-12-01 00:00:00", "events",
                        1, 10, 3, 0))));
    }

    @Test
    void titlesReachThePageOnlyAsEscapedTextAndJson() throws Exception {
        String page = ReportPage.render(hostile(true));

        // Three script elements: the figures (JSON, not run), Chart.js and the chart configuration.
        assertThat(count(page.toLowerCase(), "<script")).isEqualTo(3);
        assertThat(count(page.toLowerCase(), "</script")).isEqualTo(3);
        assertThat(page).doesNotContain("<img").doesNotContain("alert(1)</script>").doesNotContain("<!--");
        assertThat(page).contains("<td>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>")
                .contains("<td>&lt;!-- &lt;script&gt;alert(3)&lt;/script&gt;</td>")
                .contains("<td>&lt;img src=x onerror=alert(2)&gt;</td>")
                .contains("From DuckDB file &lt;evil&gt;.duckdb");
        // The odd title: quotes as entities, the control character and the lone surrogate replaced.
        assertThat(page).contains("<td>It&#39;s &quot;odd&quot; &amp; \u2028new\uFFFDline \uFFFD \u00c3\u00a9t\u00c3\u00a9</td>");

        // The JSON holds no markup character at all, and reads back to the very same text.
        String json = json(page);
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
        JsonNode figures = ReportFixture.figuresOf(page);
        assertThat(figures.path("topSongs").get(0).path("title").asText()).isEqualTo(SCRIPT);
        assertThat(figures.path("topSongs").get(0).path("artist").asText()).isEqualTo(COMMENT);
        assertThat(figures.path("topSongs").get(1).path("title").asText()).isEqualTo(ODD.replace('\uD800', '\uFFFD'));
        assertThat(figures.path("topArtists").get(0).path("name").asText()).isEqualTo("<img src=x onerror=alert(2)>");
        assertThat(figures.path("loadHistory").path("runs").get(0).path("runId").asText()).isEqualTo("run </script>");
    }

    @Test
    void thePageFetchesNothingAndMayRunOnlyItsOwnScripts() throws Exception {
        String page = ReportPage.render(hostile(true));

        assertThat(Pattern.compile("(?i)\\b(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//").matcher(page).find()).isFalse();
        assertThat(Pattern.compile("(?i)url\\(\\s*['\"]?\\s*(https?:)?//").matcher(page).find()).isFalse();
        assertThat(page.toLowerCase()).doesNotContain("@import").doesNotContain("<link rel=\"stylesheet\"")
                .doesNotContain("@font-face").doesNotContain("sourcemappingurl");
        Matcher srcs = Pattern.compile("(?i)<(script|img|link|iframe|audio|video|source)\\b[^>]*\\b(src|href)\\s*=\\s*\"([^\"]*)\"")
                .matcher(page);
        while (srcs.find()) {
            assertThat(srcs.group(3)).as("only data: URLs are referenced").startsWith("data:");
        }

        // The policy: nothing may be fetched, and only the two inline scripts of the page run.
        Matcher policy = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(page);
        assertThat(policy.find()).isTrue();
        String csp = policy.group(1);
        assertThat(csp).startsWith("default-src 'none'; script-src 'sha256-").doesNotContain("unsafe-eval")
                .doesNotContain("http");
        assertThat(csp.substring(0, csp.indexOf("; style-src"))).doesNotContain("unsafe-inline");
        Matcher scripts = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page);
        int inline = 0;
        while (scripts.find()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(scripts.group(1).getBytes(StandardCharsets.UTF_8));
            assertThat(csp).contains("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
            inline++;
        }
        assertThat(inline).isEqualTo(2);
        assertThat(page).contains("Chart.js v4.").contains("Released under the MIT License");
    }

    @Test
    void everyChartHasItsCanvasTitleAndFigures() {
        ReportData data = hostile(true);
        String page = ReportPage.render(data);
        List<ReportPage.Chart> charts = ReportPage.charts(data);
        assertThat(charts).extracting(ReportPage.Chart::id).containsExactlyElementsOf(ReportBrowserTest.CHARTS);
        for (ReportPage.Chart chart : charts) {
            assertThat(page).contains("<canvas id=\"chart-" + chart.id() + "\" data-chart=\"" + chart.id()
                    + "\" data-title=\"" + chart.title() + "\" role=\"img\"");
        }
        assertThat(ReportPage.charts(hostile(false))).hasSize(ReportBrowserTest.CHARTS.size() - 1);
        String noLedger = ReportPage.render(hostile(false));
        assertThat(noLedger).contains("No load history yet").doesNotContain("chart-load-history");
    }

    @Test
    void chartJsIsRefusedIfItCouldEndItsScriptElement() {
        assertThat(ChartJs.inlineable("var a = 1;\n//# sourceMappingURL=chart.umd.min.js.map\n")).isEqualTo("var a = 1;");
        assertThatThrownBy(() -> ChartJs.inlineable("var s = '</SCRIPT>';")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ChartJs.inlineable("var s = '<!--';")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void htmlEscapingCoversTheMarkupCharactersAndWhatHtmlForbids() {
        assertThat(Html.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(Html.escape("tab\tnew\nline\u0000\u007f\u0085\uFFFE")).isEqualTo("tab\tnew\nline\uFFFD\uFFFD\uFFFD\uFFFD");
        assertThat(Html.escape("\uD83C\uDFB5 \uDFB5")).isEqualTo("\uD83C\uDFB5 \uFFFD");
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.scriptJson("{\"t\":\"</script><!--&\u2028\u2029\"}"))
                .isEqualTo("{\"t\":\"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029\"}");
    }

    @Test
    void figuresAreReadFromDataApiShapedResultsAndTheDaysFilledIn() {
        Map<String, QueryResult> results = new HashMap<>();
        results.put("report_summary", result(List.of("plays", "users", "sessions", "unmatched_plays", "paid_plays",
                "first_play", "last_play"), row(5L, 2L, 2L, null, "3", "2018-11-01 00:00:00", "2018-11-04 00:00:00")));
        results.put("report_row_counts", result(List.of("table_name", "row_count"), row("songplays", 5L)));
        results.put("report_plays_per_day", result(List.of("play_date", "plays"), row("2018-11-01", 2L), row("2018-11-04", "3")));
        results.put("report_plays_per_hour", result(List.of("hour_of_day", "plays"), row(7L, 5L)));
        results.put("report_plays_per_weekday", result(List.of("weekday", "plays"), row(0L, 5L)));
        results.put("report_top_songs", result(List.of("song_id", "title", "artist_name", "plays")));
        results.put("report_top_artists", result(List.of("artist_id", "artist_name", "plays")));
        results.put("report_levels_per_day", result(List.of("play_date", "level", "plays", "users"),
                row("2018-11-01", null, 2L, 1L), row("2018-11-04", "paid", 3L, 1L)));
        results.put("report_level_changes", result(List.of("play_date", "upgrades", "downgrades")));
        results.put("report_session_lengths", result(List.of("min_plays", "max_plays", "sessions", "plays"),
                row(1L, 1L, 0L, 0L), row(101L, null, 2L, "5")));
        results.put("report_unmatched_plays", result(List.of("play_date", "plays", "unmatched_plays"), row("2018-11-04", 3L, 0L)));

        ReportData data = ReportQueries.figures(results, 10, "test", "now");

        assertThat(data.summary().unmatchedPlays()).isZero();
        assertThat(data.summary().paidPlays()).isEqualTo(3);
        assertThat(data.playsPerDay()).extracting(ReportData.DayPlays::day)
                .containsExactly("2018-11-01", "2018-11-02", "2018-11-03", "2018-11-04");
        assertThat(data.playsPerDay()).extracting(ReportData.DayPlays::plays).containsExactly(2L, 0L, 0L, 3L);
        assertThat(data.playsPerHour()).hasSize(24);
        assertThat(data.playsPerHour().get(7).plays()).isEqualTo(5);
        assertThat(data.playsPerWeekday().get(0).name()).isEqualTo("Sunday");
        assertThat(data.levelsPerDay().levels()).containsExactly("(none)", "paid");
        assertThat(data.levelsPerDay().days()).hasSize(4);
        assertThat(data.levelChanges()).hasSize(4).allSatisfy(c -> assertThat(c.upgrades() + c.downgrades()).isZero());
        assertThat(data.sessionLengths()).extracting(ReportData.SessionBin::label).containsExactly("1", "101+");
        assertThat(data.unmatchedPerDay()).hasSize(4);
        assertThat(data.loadHistory().ledgerExists()).isFalse();
    }

    @Test
    void yearsOfDaysAreNotFilledDayByDay() {
        LocalDate first = LocalDate.of(2015, 1, 1);
        assertThat(ReportQueries.dayAxis(List.of(first, first.plusDays(3)))).hasSize(4);
        assertThat(ReportQueries.dayAxis(List.of(first, first.plusYears(5)))).containsExactly(first, first.plusYears(5));
        assertThat(ReportQueries.dayAxis(List.of())).isEmpty();
    }

    private static String json(String page) {
        String open = "<script type=\"application/json\" id=\"report-data\">";
        int start = page.indexOf(open) + open.length();
        return page.substring(start, page.indexOf("</script>", start));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @SafeVarargs
    private static QueryResult result(List<String> columns, List<Object>... rows) {
        return new QueryResult(columns, new ArrayList<>(Arrays.asList(rows)));
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
