package com.sparkify.dwh.local.cli;

/**
 * Loads, on a thread of its own, the two things a command waits longest for before its first step:
 * DuckDB's native library (unpacked from its jar on every start) and the logging set-up the handlers
 * use. The main thread meanwhile parses the command line, the template and the state machine; the
 * machine has cores to spare at start. A failure here is left for the main thread to meet and report.
 */
final class Warmup {

    private Warmup() {
    }

    static void start() {
        // Two threads: each load takes about 0.3 s, and the main thread needs both soon.
        run("sparkify-warmup-duckdb", () -> Class.forName("org.duckdb.DuckDBNative", true, Warmup.class.getClassLoader()));
        run("sparkify-warmup-logging", () -> org.slf4j.LoggerFactory.getLogger(Warmup.class));
    }

    private interface Load {
        void run() throws Exception;
    }

    private static void run(String name, Load load) {
        Thread thread = new Thread(() -> {
            try {
                load.run();
            } catch (Throwable ignored) {
                // The main thread meets the same failure where it needs the library, and reports it.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }
}
