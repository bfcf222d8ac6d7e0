package com.sparkify.dwh.local.cli;

import com.sparkify.dwh.local.states.HistoryEvent;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Prints an execution's event history, one event a line, with times from the start. Details are shown
 * where they say what happened (the execution's input, a task's resource, failures, retries), not for
 * every state's input and output, which the states pass along unchanged most of the time.
 */
final class HistoryPrinter {

    private static final int DETAILS = 110;

    private HistoryPrinter() {
    }

    static void print(String executionName, List<HistoryEvent> history, PrintWriter out) {
        out.printf("Execution history of %s (%d events):%n", executionName, history.size());
        out.printf("  %9s  %-28s %-26s %s%n", "+seconds", "event", "state", "details");
        if (history.isEmpty()) {
            return;
        }
        var start = history.get(0).timestamp();
        for (HistoryEvent event : history) {
            line(event, start, telling(event) ? shorten(event.details()) : "", out);
        }
        out.flush();
    }

    /** One event: seconds since {@code start}, type, state, {@code details}. */
    static void line(HistoryEvent event, Instant start, String details, PrintWriter out) {
        out.printf(Locale.ROOT, "  %9.3f  %-28s %-26s %s%n", Duration.between(start, event.timestamp()).toNanos() / 1e9,
                event.type(), event.stateName() == null ? "" : event.stateName(), details);
    }

    private static boolean telling(HistoryEvent event) {
        String type = event.type();
        return type.equals("ExecutionStarted") || type.endsWith("Scheduled") || type.endsWith("Failed")
                || type.endsWith("TimedOut") || type.endsWith("Aborted") || type.contains("Retr")
                || type.equals("FailStateEntered");
    }

    /** Details on one line, cut to fit. */
    static String shorten(String details) {
        if (details == null) {
            return "";
        }
        String line = details.replace('\n', ' ');
        return line.length() <= DETAILS ? line : line.substring(0, DETAILS - 1) + "…";
    }
}
