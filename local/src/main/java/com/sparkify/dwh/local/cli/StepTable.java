package com.sparkify.dwh.local.cli;

import com.sparkify.dwh.pipeline.StepReport;
import java.io.PrintWriter;
import java.util.Locale;

/** The table of steps that run and the aws commands print: a step a line, rows, rejected rows, seconds. */
final class StepTable {

    private StepTable() {
    }

    static void header(PrintWriter out) {
        out.printf("  %-16s %12s %10s %9s%n", "step", "rows", "rejected", "seconds");
    }

    static void row(StepReport step, PrintWriter out) {
        out.printf(Locale.ROOT, "  %-16s %12s %10s %9.2f%n", step.name(), figure(step.rows()),
                figure(step.rejected()), step.elapsed().toNanos() / 1e9);
    }

    /** -1 means the figure does not apply to the step. */
    private static String figure(long value) {
        return value < 0 ? "-" : Long.toString(value);
    }
}
