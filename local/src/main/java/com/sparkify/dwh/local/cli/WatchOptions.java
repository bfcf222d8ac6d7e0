package com.sparkify.dwh.local.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How {@code ./sparkify aws watch} (and {@code start --watch}) follow an execution. */
final class WatchOptions {

    @Option(names = "--poll-seconds", paramLabel = "N", defaultValue = "5",
            description = "Seconds between polls of the execution (decimals allowed). Default: ${DEFAULT-VALUE},"
                    + " the state machine's own Wait.")
    double pollSeconds;

    @Option(names = "--history", paramLabel = "full|none", defaultValue = "full",
            description = "Print the execution's event history at the end (full) or not (none). Default: ${DEFAULT-VALUE}.")
    String history;

    /** What is wrong with these options, or null. */
    String problem() {
        if (!(pollSeconds > 0) || Double.isInfinite(pollSeconds)) {
            return "--poll-seconds must be a positive number, not " + pollSeconds;
        }
        if (!history.equals("full") && !history.equals("none")) {
            return "--history is full or none, not " + history;
        }
        return null;
    }

    Duration pollInterval() {
        return Duration.ofNanos(Math.round(pollSeconds * 1e9));
    }
}
