package com.sparkify.dwh.local.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * Chart.js, from its WebJar on the classpath, to inline into the page: the UMD build, which defines the
 * global {@code Chart}. Its licence header stays; its source-map comment goes (there is no map beside
 * a single HTML file).
 */
final class ChartJs {

    private static final String WEBJAR = "META-INF/resources/webjars/chart.js/";

    private static final String JAR = "the org.webjars.npm:chart.js jar";
    private static final String POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private static volatile ChartJs loaded;

    final String version;
    final String source;

    private ChartJs(String version, String source) {
        this.version = version;
        this.source = source;
    }

    static ChartJs get() {
        ChartJs chartJs = loaded;
        if (chartJs == null) {
            Properties pom = new Properties();
            try {
                pom.load(new java.io.StringReader(read(POM, JAR)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + POM, e);
            }
            String version = pom.getProperty("version");
            chartJs = new ChartJs(version, inlineable(read(WEBJAR + version + "/dist/chart.umd.min.js", JAR)));
            loaded = chartJs;
        }
        return chartJs;
    }

    /** A script without its source-map comment; refused if it could end or change its script element. */
    static String inlineable(String script) {
        String text = script.replaceAll("(?m)^//# sourceMappingURL=.*$", "").stripTrailing();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--") || lower.contains("<script")) {
            throw new IllegalStateException("a script to inline holds markup that would break its script element");
        }
        return text;
    }

    /** A classpath resource as text; {@code from} names where it should come from, for the error. */
    static String read(String resource, String from) {
        try (InputStream in = ChartJs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath" + (from == null ? "" : " (" + from + ")"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
