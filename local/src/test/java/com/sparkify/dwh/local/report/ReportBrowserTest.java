package com.sparkify.dwh.local.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.logging.LogEntry;

/**
 * The report in a real browser, Debian's chromium, headless: loaded from its file with nothing else, at
 * a laptop's width and a phone's. Every chart is there and drawn, the console has no error, nothing was
 * fetched, hostile song titles stay text, and the figures the charts show equal the test's own queries.
 * Full-page screenshots go to target/report-screenshots/.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {

    /** Every chart the issue asks for, in page order. */
    static final List<String> CHARTS = List.of("plays-per-day", "plays-per-hour", "plays-per-weekday", "top-songs",
            "top-artists", "level-plays", "level-users", "level-changes", "session-lengths", "unmatched-share",
            "row-counts", "load-history");
    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    /** Per chart: whether Chart.js has it, its size, how many of its pixels are painted, its points. */
    private static final String INSPECT = """
            const charts = {};
            for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
              const chart = Chart.getChart(canvas);
              const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              let painted = 0;
              for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { painted++; } }
              charts[canvas.getAttribute('data-chart')] = {
                chart: chart !== undefined,
                width: canvas.clientWidth,
                height: canvas.clientHeight,
                painted: painted,
                elements: chart ? chart.data.datasets.reduce((n, d, i) => n + chart.getDatasetMeta(i).data.length, 0) : 0,
                title: chart ? chart.options.plugins.title.text : null,
                xTitle: chart ? chart.options.scales.x.title.text : null,
                yTitle: chart ? chart.options.scales.y.title.text : null
              };
            }
            return charts;
            """;

    private ReportFixture fixture;
    private ExpectedFigures expected;
    private HeadlessChromium chromium;

    @BeforeAll
    void start() throws IOException {
        fixture = ReportFixture.get();
        expected = new ExpectedFigures(fixture.db);
        chromium = new HeadlessChromium();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theBrowserConsoleIsReallyCollected() throws IOException {
        // The check the other tests rely on: an error logged by a page shows up here.
        Path probe = fixture.folder.resolve("console-probe.html");
        Files.writeString(probe, "<!DOCTYPE html><title>probe</title><script>console.error('probe error 42')</script>");
        chromium.console();
        chromium.open(probe);
        assertThat(HeadlessChromium.errors(chromium.console())).extracting(LogEntry::getMessage)
                .anySatisfy(message -> assertThat(message).contains("probe error 42"));
    }

    @ParameterizedTest(name = "{0} ({1}x{2})")
    @CsvSource({"laptop, 1366, 900, false", "phone, 390, 844, true"})
    void everyChartIsDrawnWithNoErrorAndShowsTheFiguresOfTheData(String screen, int width, int height, boolean mobile)
            throws IOException {
        Map<String, Map<String, Object>> charts = load(fixture.html, width, height, mobile, CHARTS.size());

        assertThat(pageOrder()).containsExactlyElementsOf(CHARTS);
        assertThat(charts.keySet()).containsExactlyInAnyOrderElementsOf(CHARTS);
        charts.forEach((name, chart) -> {
            assertThat(chart.get("chart")).as(name + " is a Chart.js chart").isEqualTo(true);
            assertThat(number(chart.get("width"))).as(name + " width").isBetween(150L, (long) width);
            assertThat(number(chart.get("height"))).as(name + " height").isGreaterThan(150L);
            assertThat(number(chart.get("painted"))).as(name + " is drawn").isGreaterThan(2_000L);
            assertThat(number(chart.get("elements"))).as(name + " has bars or points").isPositive();
            assertThat((String) chart.get("title")).as(name + " title").isNotBlank();
            assertThat((String) chart.get("xTitle")).as(name + " x axis title").isNotBlank();
            assertThat((String) chart.get("yTitle")).as(name + " y axis title").isNotBlank();
        });
        assertThat(chromium.driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling at %d px", width).isEqualTo(true);

        // The figures shown are the data's.
        assertThat(dataset("plays-per-hour", 0)).isEqualTo(expected.playsPerHour());
        assertThat(dataset("plays-per-weekday", 0)).isEqualTo(expected.playsPerWeekday());
        assertThat(labels("top-songs")).isEqualTo(expected.topSongs(10).stream().map(ExpectedFigures.Song::title).toList());
        assertThat(dataset("top-songs", 0)).isEqualTo(expected.topSongs(10).stream().map(ExpectedFigures.Song::plays).toList());
        assertThat(labels("top-artists")).isEqualTo(expected.topArtists(10).stream().map(ExpectedFigures.Artist::name).toList());
        assertThat(dataset("top-artists", 0)).isEqualTo(expected.topArtists(10).stream().map(ExpectedFigures.Artist::plays).toList());
        assertThat(labels("row-counts")).isEqualTo(List.copyOf(expected.rowCounts().keySet()));
        assertThat(dataset("row-counts", 0)).isEqualTo(List.copyOf(expected.rowCounts().values()));
        assertThat(dataset("session-lengths", 0)).isEqualTo(expected.sessionBins().stream().map(ExpectedFigures.Bin::sessions).toList());
        assertThat(sum(dataset("plays-per-day", 0))).isEqualTo(expected.summary().get(0));
        assertThat(dataset("plays-per-day", 0).stream().filter(n -> n != 0).toList())
                .isEqualTo(List.copyOf(expected.playsPerDay().values()));

        // Hostile text stays text: no alert, no injected element, the title shown as written.
        assertThatThrownBy(() -> chromium.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(chromium.driver.findElements(By.tagName("script"))).hasSize(3);
        assertThat(chromium.driver.findElements(By.tagName("img"))).isEmpty();
        assertThat(chromium.driver.findElements(By.tagName("b"))).isEmpty();
        assertThat(chromium.driver.executeScript("return document.querySelector('#fig-top-songs tbody tr td:nth-child(2)').textContent"))
                .isEqualTo(ReportFixture.SCRIPT_TITLE);
        assertThat(chromium.driver.executeScript("return document.querySelector('#fig-top-songs tbody tr:nth-child(2) td:nth-child(2)').textContent"))
                .isEqualTo(ReportFixture.QUOTED_TITLE);
        assertThat(chromium.driver.executeScript("return document.querySelector('#fig-top-artists tbody tr td:nth-child(2)').textContent"))
                .isEqualTo(ReportFixture.HOSTILE_ARTIST);

        // Nothing was fetched: no script, style, font or image came from anywhere.
        assertThat(chromium.driver.executeScript("return performance.getEntriesByType('resource').map(e => e.name)"))
                .asList().isEmpty();

        screenshot("report-" + screen + ".png");
    }

    @Test
    void aReportWithoutALedgerOrWithoutPlaysStillDrawsWithNoError() throws IOException {
        Map<String, Map<String, Object>> noLedger = load(fixture.noLedgerHtml, 1366, 900, false, CHARTS.size() - 1);
        assertThat(noLedger.keySet()).containsExactlyInAnyOrderElementsOf(CHARTS.subList(0, CHARTS.size() - 1));
        assertThat(pageOrder()).containsExactlyElementsOf(CHARTS.subList(0, CHARTS.size() - 1));
        assertThat(chromium.driver.findElement(By.id("no-load-history")).getText()).startsWith("No load history yet");
        screenshot("report-no-ledger-laptop.png");

        Map<String, Map<String, Object>> empty = load(fixture.emptyHtml, 390, 844, true, CHARTS.size());
        assertThat(empty.keySet()).containsExactlyInAnyOrderElementsOf(CHARTS);
        empty.forEach((name, chart) -> assertThat(chart.get("chart")).as(name).isEqualTo(true));
        screenshot("report-empty-phone.png");
    }

    /** Opens a report at a screen size, waits for its charts, and checks the console stayed clean. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> load(Path html, int width, int height, boolean mobile, int charts) {
        chromium.console();
        chromium.viewport(width, height, mobile);
        chromium.open(html);
        chromium.await("return document.documentElement.getAttribute('data-charts-drawn') !== null"
                + " || document.readyState === 'complete' && performance.now() > 10000", Duration.ofSeconds(20),
                "the charts are drawn");
        List<LogEntry> console = chromium.console();
        assertThat(HeadlessChromium.errors(console)).as("console errors of %s: %s", html.getFileName(), console).isEmpty();
        assertThat(chromium.driver.findElement(By.tagName("html")).getAttribute("data-charts-drawn"))
                .isEqualTo(Integer.toString(charts));
        return (Map<String, Map<String, Object>>) chromium.driver.executeScript(INSPECT);
    }

    @SuppressWarnings("unchecked")
    private List<String> pageOrder() {
        return (List<String>) chromium.driver.executeScript(
                "return Array.from(document.querySelectorAll('canvas[data-chart]'), c => c.getAttribute('data-chart'))");
    }

    private List<Long> dataset(String chart, int index) {
        List<?> values = (List<?>) chromium.driver.executeScript(
                "return Chart.getChart('chart-' + arguments[0]).data.datasets[arguments[1]].data", chart, index);
        List<Long> numbers = new ArrayList<>();
        values.forEach(value -> numbers.add(number(value)));
        return numbers;
    }

    private List<?> labels(String chart) {
        return (List<?>) chromium.driver.executeScript("return Chart.getChart('chart-' + arguments[0]).data.labels", chart);
    }

    private void screenshot(String name) throws IOException {
        Path png = SCREENSHOTS.resolve(name);
        chromium.screenshot(png);
        assertThat(Files.size(png)).as(name).isGreaterThan(10_000L);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static long sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }
}
