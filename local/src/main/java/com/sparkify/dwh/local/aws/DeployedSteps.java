package com.sparkify.dwh.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.dwh.local.runtime.StepTracker;
import com.sparkify.dwh.pipeline.StepReport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The per-step figures of a deployed run, rebuilt from its history by the local {@link StepTracker}:
 * each Lambda task's FunctionName and Payload (TaskScheduled) with the Payload it returned
 * (TaskSucceeded) is what the local runtime reports of the same call. Seconds come from the history's
 * timestamps, from the submit being scheduled to the check that saw the statement finish, not from
 * when this program happened to read the events.
 */
public final class DeployedSteps {

    private record Task(long scheduledId, String function, JsonNode payload, Instant scheduled) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final FunctionNames functions;
    private final Consumer<StepReport> onFinished;
    private final StepTracker tracker = new StepTracker(this::finished);
    /** Tasks by their TaskScheduled and TaskStarted ids: TaskSucceeded points at the latter. */
    private final Map<Long, Task> tasks = new HashMap<>();
    private final Map<String, Instant> submitted = new HashMap<>();
    private final List<StepReport> steps = new ArrayList<>();
    /** The statement and time of the TaskSucceeded being handed to the tracker. */
    private String statementId;
    private Instant now;

    public DeployedSteps(FunctionNames functions, Consumer<StepReport> onFinished) {
        this.functions = functions;
        this.onFinished = onFinished;
    }

    /** The steps that finished, in the order they did. */
    public List<StepReport> steps() {
        return List.copyOf(steps);
    }

    public void accept(HistoryEvent event) {
        Long previous = event.previousEventId();
        switch (event.typeAsString()) {
            case "TaskScheduled" -> scheduled(event);
            case "TaskStarted" -> {
                Task task = tasks.get(previous);
                if (task != null) {
                    tasks.put(event.id(), task);
                }
            }
            case "TaskSucceeded" -> succeeded(event, tasks.remove(previous));
            case "TaskFailed", "TaskTimedOut" -> forget(tasks.remove(previous));
            default -> {
            }
        }
    }

    private void scheduled(HistoryEvent event) {
        var details = event.taskScheduledEventDetails();
        if (details == null || !"lambda".equals(details.resourceType())) {
            return;
        }
        JsonNode parameters = json(details.parameters());
        if (parameters == null || !parameters.path("FunctionName").isTextual()) {
            return;
        }
        JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : mapper.createObjectNode();
        tasks.put(event.id(), new Task(event.id(), functions.logicalId(parameters.get("FunctionName").asText()),
                payload, event.timestamp()));
    }

    private void succeeded(HistoryEvent event, Task task) {
        forget(task);
        JsonNode result = task == null || event.taskSucceededEventDetails() == null ? null
                : json(event.taskSucceededEventDetails().output());
        if (result == null) {
            return;
        }
        JsonNode output = result.path("Payload");
        statementId = output.path("statementId").asText(null);
        if (statementId != null) {
            submitted.putIfAbsent(statementId, task.scheduled()); // the submit comes before every check
        }
        now = event.timestamp();
        tracker.invoked(task.function(), task.payload(), output, Duration.between(task.scheduled(), now));
    }

    /** Called by the tracker, from within {@code invoked}, when a check saw a step's statement finish. */
    private void finished(StepReport report) {
        Instant start = statementId == null ? null : submitted.remove(statementId);
        StepReport timed = new StepReport(report.name(), report.rows(), report.rejected(),
                start == null ? report.elapsed() : Duration.between(start, now));
        steps.add(timed);
        onFinished.accept(timed);
    }

    private void forget(Task task) {
        if (task != null) {
            tasks.remove(task.scheduledId());
        }
    }

    private JsonNode json(String text) {
        try {
            return text == null ? null : mapper.readTree(text);
        } catch (IOException truncatedOrNotJson) {
            return null;
        }
    }
}
