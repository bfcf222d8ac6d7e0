package com.sparkify.dwh.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.dwh.local.states.HistoryEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.MapIterationEventDetails;
import software.amazon.awssdk.services.sfn.model.TaskScheduledEventDetails;

/**
 * Turns the deployed execution's history events into the local runtime's {@link HistoryEvent}, so both
 * print alike. Only *StateEntered/Exited and map-iteration events name their state; every other event
 * takes its state from the event it follows ({@code previousEventId}), which is the right one even when
 * parallel branches interleave. Feed it every event, in id order.
 */
public final class HistoryEventConverter {

    private static final Set<String> BRANCH_ENDS = Set.of("ParallelStateSucceeded", "ParallelStateFailed",
            "ParallelStateAborted", "MapIterationSucceeded", "MapIterationFailed", "MapIterationAborted");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Branches and iterations open around an event, innermost first. */
    private record Enclosing(String state, Enclosing outer) {
    }

    /** @param opens the Parallel or Map state whose branch or iteration the next events run in, or null */
    private record Place(String state, Enclosing enclosing, String opens) {
    }

    private final String executionName;
    private final FunctionNames functions;
    private final UnaryOperator<String> causes;
    private final Map<Long, Place> places = new HashMap<>();
    private String lastEntered;

    /**
     * @param executionName the details of ExecutionStarted, as the local runtime gives them
     * @param causes        shortens a failure's cause (a Lambda error document is a page of JSON)
     */
    public HistoryEventConverter(String executionName, FunctionNames functions, UnaryOperator<String> causes) {
        this.executionName = executionName;
        this.functions = functions;
        this.causes = causes;
    }

    public HistoryEvent convert(software.amazon.awssdk.services.sfn.model.HistoryEvent event) {
        String type = event.typeAsString();
        Place previous = event.previousEventId() == null ? null : places.get(event.previousEventId());
        Enclosing enclosing = previous == null ? null
                : previous.opens() != null ? new Enclosing(previous.opens(), previous.enclosing()) : previous.enclosing();
        String state = ownName(event);
        if (BRANCH_ENDS.contains(type) && enclosing != null) {
            state = state == null ? enclosing.state() : state;
            enclosing = enclosing.outer();
        } else if (state == null && !type.startsWith("Execution")) {
            state = previous != null ? previous.state() : lastEntered;
        }
        if (type.endsWith("StateEntered")) {
            lastEntered = state;
        }
        String opens = type.equals("ParallelStateStarted") || type.equals("MapIterationStarted") ? state : null;
        places.put(event.id(), new Place(state, enclosing, opens));
        return new HistoryEvent(event.id(), event.timestamp(), type, state, details(event));
    }

    private static String ownName(software.amazon.awssdk.services.sfn.model.HistoryEvent event) {
        if (event.stateEnteredEventDetails() != null) {
            return event.stateEnteredEventDetails().name();
        }
        if (event.stateExitedEventDetails() != null) {
            return event.stateExitedEventDetails().name();
        }
        MapIterationEventDetails iteration = iteration(event);
        return iteration == null ? null : iteration.name();
    }

    private String details(software.amazon.awssdk.services.sfn.model.HistoryEvent event) {
        if (event.type() == HistoryEventType.EXECUTION_STARTED) {
            return executionName;
        }
        if (event.taskScheduledEventDetails() != null) {
            return scheduled(event.taskScheduledEventDetails());
        }
        MapIterationEventDetails iteration = iteration(event);
        if (iteration != null && iteration.index() != null) {
            return "iteration " + iteration.index();
        }
        Integer length = event.mapStateStartedEventDetails() == null ? null : event.mapStateStartedEventDetails().length();
        if (length != null) {
            return length + (length == 1 ? " iteration" : " iterations");
        }
        return failure(event);
    }

    /** The Resource as the definition spells it, and the function a Lambda task calls. */
    private String scheduled(TaskScheduledEventDetails task) {
        String resource = "arn:aws:states:::" + task.resourceType() + ":" + task.resource();
        try {
            JsonNode function = MAPPER.readTree(task.parameters() == null ? "{}" : task.parameters()).path("FunctionName");
            return function.isTextual() ? resource + " " + functions.logicalId(function.asText()) : resource;
        } catch (Exception truncatedOrNotJson) {
            return resource;
        }
    }

    /**
     * "error: cause" of whichever *Failed/*TimedOut/*Aborted details the event carries: every one of them
     * has the same two members, so they are read through the SDK's field list rather than one by one.
     */
    private String failure(software.amazon.awssdk.services.sfn.model.HistoryEvent event) {
        for (SdkField<?> field : event.sdkFields()) {
            if (field.getValueOrDefault(event) instanceof SdkPojo details) {
                String error = member(details, "error");
                String cause = member(details, "cause");
                if (error != null || cause != null) {
                    return (error == null ? "" : error) + (error != null && cause != null ? ": " : "")
                            + (cause == null ? "" : causes.apply(cause));
                }
            }
        }
        return null;
    }

    private static String member(SdkPojo pojo, String name) {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (name.equals(field.locationName()) && field.getValueOrDefault(pojo) instanceof String text) {
                return text;
            }
        }
        return null;
    }

    private static MapIterationEventDetails iteration(software.amazon.awssdk.services.sfn.model.HistoryEvent event) {
        for (MapIterationEventDetails details : new MapIterationEventDetails[] {event.mapIterationStartedEventDetails(),
                event.mapIterationSucceededEventDetails(), event.mapIterationFailedEventDetails(),
                event.mapIterationAbortedEventDetails()}) {
            if (details != null) {
                return details;
            }
        }
        return null;
    }
}
