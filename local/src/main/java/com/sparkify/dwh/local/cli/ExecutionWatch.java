package com.sparkify.dwh.local.cli;

import com.sparkify.dwh.local.aws.DeployedSteps;
import com.sparkify.dwh.local.aws.ExecutionFollower;
import com.sparkify.dwh.local.aws.FollowedExecution;
import com.sparkify.dwh.local.aws.FunctionNames;
import com.sparkify.dwh.local.aws.HistoryEventConverter;
import com.sparkify.dwh.local.aws.SfnCallException;
import com.sparkify.dwh.local.states.HistoryEvent;
import com.sparkify.dwh.local.states.Sleeper;
import com.sparkify.dwh.pipeline.StepReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * Follows a deployed execution for {@code aws watch} and {@code aws start --watch}: its events as they
 * arrive, then the summary a local run prints (steps, history, outcome), and the same exit codes.
 */
final class ExecutionWatch {

    private final String command;
    private final WatchOptions options;
    private final Sleeper sleeper;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<HistoryEvent> history = new ArrayList<>();
    private String name;
    private Instant start;

    ExecutionWatch(String command, WatchOptions options, Sleeper sleeper, PrintWriter out, PrintWriter err) {
        this.command = command;
        this.options = options;
        this.sleeper = sleeper;
        this.out = out;
        this.err = err;
    }

    int follow(SfnClient sfn, String executionArn) throws InterruptedException {
        name = executionArn.substring(executionArn.lastIndexOf(':') + 1);
        FunctionNames functions = FunctionNames.fromTemplate();
        HistoryEventConverter converter = new HistoryEventConverter(name, functions, FailureCause::summary);
        DeployedSteps steps = new DeployedSteps(functions, report -> { });
        out.printf(Locale.ROOT, "Following %s (polling every %s s)%n", executionArn, seconds(options.pollSeconds));
        out.printf("  %9s  %-28s %-26s %s%n", "+seconds", "event", "state", "details");
        out.flush();
        FollowedExecution execution;
        try {
            execution = new ExecutionFollower(sfn, sleeper, options.pollInterval()).follow(executionArn, event -> {
                HistoryEvent converted = converter.convert(event);
                history.add(converted);
                printLive(converted);
                steps.accept(event);
            });
        } catch (SfnCallException e) {
            out.flush();
            err.println("sparkify aws " + command + ": " + e.getMessage() + (history.isEmpty() ? ""
                    : " (the execution goes on; follow it again with ./sparkify aws watch --execution-arn "
                    + executionArn + ")"));
            return 1;
        }
        printSteps(steps.steps());
        if (options.history.equals("full")) {
            HistoryPrinter.print(name, history, out);
        }
        return outcome(execution.description());
    }

    private void printLive(HistoryEvent event) {
        if (start == null) {
            start = event.timestamp();
        }
        HistoryPrinter.line(event, start, HistoryPrinter.shorten(event.details()), out);
        out.flush();
    }

    private void printSteps(List<StepReport> steps) {
        out.printf("Steps:%n");
        StepTable.header(out);
        for (StepReport step : steps) {
            StepTable.row(step, out);
        }
        out.flush();
    }

    private int outcome(DescribeExecutionResponse description) {
        String status = description.statusAsString();
        if ("SUCCEEDED".equals(status)) {
            out.printf(Locale.ROOT, "Succeeded in %.2f s.%n", elapsedSeconds(description));
            out.flush();
            return 0;
        }
        HistoryEvent last = history.isEmpty() ? null : history.get(history.size() - 1);
        String error = description.error();
        String cause = description.cause();
        if (error == null && cause == null && last != null && last.details() != null) {
            cause = last.details(); // the execution's own last event: "error: cause", already shortened
        }
        out.flush();
        err.println("sparkify aws " + command + ": execution " + name + " " + status + ": "
                + (error == null ? "" : error + ": ") + FailureCause.summary(cause));
        return 1;
    }

    private static double elapsedSeconds(DescribeExecutionResponse description) {
        return description.startDate() == null || description.stopDate() == null ? 0
                : Duration.between(description.startDate(), description.stopDate()).toNanos() / 1e9;
    }

    private static String seconds(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
