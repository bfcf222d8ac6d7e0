package com.sparkify.dwh.local.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An ASL definition file as text (for its ${...} placeholders) and as a tree (for its states). */
final class StateMachineDefinition {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    /** A Task state and the resource it calls. */
    record Task(String name, String resource, JsonNode state) {

        boolean invokesLambda() {
            return resource.startsWith("arn:aws:states:::lambda:invoke") || isPlaceholder(resource);
        }

        boolean publishesToSns() {
            return resource.startsWith("arn:aws:states:::sns:publish");
        }

        /** The parameters of the call: {@code Parameters} (JSONPath) or {@code Arguments} (JSONata). */
        JsonNode arguments() {
            return state.has("Arguments") ? state.get("Arguments") : state.path("Parameters");
        }
    }

    private final String text;
    private final JsonNode root;

    private StateMachineDefinition(String text, JsonNode root) {
        this.text = text;
        this.root = root;
    }

    static StateMachineDefinition load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return new StateMachineDefinition(text, new ObjectMapper().readTree(text));
    }

    /** The names of every ${...} placeholder anywhere in the file. */
    Set<String> placeholders() {
        return placeholdersIn(text);
    }

    static Set<String> placeholdersIn(String value) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    static boolean isPlaceholder(String value) {
        return PLACEHOLDER.matcher(value).matches();
    }

    /** Every Task state, including those inside Parallel branches and Map item processors. */
    List<Task> tasks() {
        List<Task> tasks = new ArrayList<>();
        collectTasks(root, tasks);
        return tasks;
    }

    private static void collectTasks(JsonNode machine, List<Task> tasks) {
        Iterator<Map.Entry<String, JsonNode>> states = machine.path("States").fields();
        while (states.hasNext()) {
            Map.Entry<String, JsonNode> entry = states.next();
            JsonNode state = entry.getValue();
            switch (state.path("Type").asText()) {
                case "Task" -> tasks.add(new Task(entry.getKey(), state.path("Resource").asText(), state));
                case "Parallel" -> state.path("Branches").forEach(branch -> collectTasks(branch, tasks));
                case "Map" -> {
                    collectTasks(state.path("ItemProcessor"), tasks);
                    collectTasks(state.path("Iterator"), tasks);
                }
                default -> {
                    // no nested states
                }
            }
        }
    }
}
