package com.sparkify.dwh.local.states;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A parsed Amazon States Language definition (JSONPath query language), runnable in-process.
 *
 * <p>{@link #parse} validates the whole definition and refuses, with the state's name and the feature,
 * anything this executor does not support (JSONata, variables, Distributed Map, heartbeats, callbacks,
 * ...). {@link #run} executes it: Task states through the {@link TaskInvoker}, waits and retry intervals
 * through the {@link Sleeper}, Parallel branches and Map iterations on their own threads. A parsed
 * machine is immutable and may run any number of executions, concurrently.
 */
public final class StateMachine {
    private final DefinitionParser.Parsed parsed;

    private StateMachine(DefinitionParser.Parsed parsed) {
        this.parsed = parsed;
    }

    /**
     * Parses and validates a definition.
     *
     * @throws DefinitionException when the definition is invalid or uses an unsupported feature
     */
    public static StateMachine parse(String definitionJson) {
        return new StateMachine(DefinitionParser.parse(definitionJson));
    }

    /**
     * Runs one execution to its end and returns its outcome; failures of the state machine are reported in
     * the result, never thrown.
     *
     * @param executionName the execution's name ($$.Execution.Name); a random one when null
     * @param input the execution input; {} when null
     */
    public ExecutionResult run(String executionName, JsonNode input, ExecutionOptions options) {
        Objects.requireNonNull(options, "options");
        String name = executionName == null || executionName.isBlank() ? UUID.randomUUID().toString() : executionName;
        JsonNode data = input == null || input.isMissingNode() ? Json.object() : input.deepCopy();
        return new Execution(parsed, name, data, options).run();
    }

    /** The top-level Comment, or null. */
    public String comment() {
        return parsed.comment();
    }

    /** The names of the top-level states, in definition order. */
    public List<String> stateNames() {
        return List.copyOf(parsed.block().states().keySet());
    }

    /** The top-level StartAt. */
    public String startAt() {
        return parsed.block().startAt();
    }
}
