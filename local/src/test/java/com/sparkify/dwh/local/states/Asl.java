package com.sparkify.dwh.local.states;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Test support: JSON helpers, a scripted TaskInvoker and a Sleeper that records instead of sleeping. */
final class Asl {
    static final ObjectMapper JSON = new ObjectMapper();

    private Asl() {
    }

    /** Parses JSON written with apostrophes instead of double quotes (no apostrophes inside values). */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String q(String text) {
        return text.replace('\'', '"');
    }

    static StateMachine machine(String definitionWithApostrophes) {
        return StateMachine.parse(q(definitionWithApostrophes));
    }

    /** A one-state machine around the given state JSON (named "S"). */
    static StateMachine single(String stateWithApostrophes) {
        return machine("{'StartAt':'S','States':{'S':" + stateWithApostrophes + "}}");
    }

    @FunctionalInterface
    interface Behaviour {
        JsonNode apply(JsonNode parameters, TaskContext context) throws TaskFailedException;
    }

    /** A TaskInvoker scripted per Resource; it records every call. */
    static final class Tasks implements TaskInvoker {
        record Call(String resource, JsonNode parameters, TaskContext context) {
        }

        private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
        final List<Call> calls = new CopyOnWriteArrayList<>();

        Tasks on(String resource, Behaviour behaviour) {
            behaviours.put(resource, behaviour);
            return this;
        }

        /** Fails with the given errors, one per call, then returns the result. */
        Tasks failThen(String resource, JsonNode result, String... errors) {
            List<String> queue = Collections.synchronizedList(new ArrayList<>(List.of(errors)));
            return on(resource, (p, c) -> {
                if (!queue.isEmpty()) {
                    String error = queue.remove(0);
                    throw new TaskFailedException(error, "scripted " + error);
                }
                return result;
            });
        }

        @Override
        public JsonNode invoke(String resource, JsonNode parameters, TaskContext context) throws TaskFailedException {
            calls.add(new Call(resource, parameters, context));
            Behaviour behaviour = behaviours.get(resource);
            if (behaviour == null) {
                throw new TaskFailedException("Test.NoScript", "no behaviour scripted for " + resource);
            }
            return behaviour.apply(parameters, context);
        }

        List<Call> callsTo(String resource) {
            return calls.stream().filter(c -> c.resource().equals(resource)).collect(Collectors.toList());
        }
    }

    /** Records the durations asked for and returns at once. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> sleeps = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            sleeps.add(duration);
        }

        List<Double> seconds() {
            return sleeps.stream().map(d -> d.toNanos() / 1e9).collect(Collectors.toList());
        }
    }

    static ExecutionOptions options(TaskInvoker tasks) {
        return new ExecutionOptions(tasks, Sleeper.scaled(0), ExecutionListener.NONE, null);
    }

    static ExecutionOptions options(TaskInvoker tasks, Sleeper sleeper) {
        return new ExecutionOptions(tasks, sleeper, ExecutionListener.NONE, null);
    }

    static ExecutionResult run(StateMachine machine, String inputWithApostrophes, TaskInvoker tasks) {
        return machine.run("test", json(inputWithApostrophes), options(tasks));
    }

    static List<String> types(ExecutionResult result) {
        return result.history().stream().map(HistoryEvent::type).collect(Collectors.toList());
    }

    static List<HistoryEvent> events(ExecutionResult result, String type) {
        return result.history().stream().filter(e -> e.type().equals(type)).collect(Collectors.toList());
    }
}
