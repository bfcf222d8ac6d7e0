package com.sparkify.dwh.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.dwh.local.states.ExecutionListener;
import com.sparkify.dwh.local.states.ExecutionOptions;
import com.sparkify.dwh.local.states.ExecutionResult;
import com.sparkify.dwh.local.states.Sleeper;
import com.sparkify.dwh.local.states.StateMachine;
import java.util.List;
import java.util.Map;

/**
 * The deployed state machine (statemachine/etl.asl.json, as template.yaml wires it) run in-process:
 * the same definition, its Lambda tasks performed by the same handler classes with local ports.
 */
public final class LocalStateMachine {

    /** The state machine's logical id in template.yaml. */
    public static final String LOGICAL_ID = "EtlStateMachine";

    private final StateMachine definition;
    private final Map<String, String> handlers;

    private LocalStateMachine(StateMachine definition, Map<String, String> handlers) {
        this.definition = definition;
        this.handlers = handlers;
    }

    /** Reads template.yaml and the definition it names; an unsupported feature is refused here. */
    public static LocalStateMachine fromTemplate() {
        SamTemplate template = SamTemplate.fromClasspath();
        return new LocalStateMachine(StateMachine.parse(template.stateMachineDefinition(LOGICAL_ID)),
                template.functionHandlers());
    }

    /** An execution's name, outcome and the SNS messages it published. */
    public record Run(String executionName, ExecutionResult result, List<Notification> notifications) {
    }

    public Run run(String executionName, JsonNode input, HandlerFactory handlerFactory, Sleeper sleeper,
                   ExecutionListener listener, TaskObserver observer) {
        LocalTaskInvoker tasks = new LocalTaskInvoker(new ObjectMapper(), handlers, handlerFactory, observer);
        String arn = "arn:aws:states:" + SamTemplate.REGION + ":" + SamTemplate.ACCOUNT + ":stateMachine:" + LOGICAL_ID;
        ExecutionResult result = definition.run(executionName, input, new ExecutionOptions(tasks, sleeper, listener, arn));
        return new Run(executionName, result, tasks.notifications());
    }
}
