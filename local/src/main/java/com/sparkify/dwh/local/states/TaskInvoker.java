package com.sparkify.dwh.local.states;

import com.fasterxml.jackson.databind.JsonNode;

/** Performs a Task state's work. */
@FunctionalInterface
public interface TaskInvoker {
    /**
     * @param resource the Task's Resource
     * @param parameters its effective input after InputPath/Parameters
     * @param context the execution, state, retry count and timeout
     * @return the task's result (before ResultSelector/ResultPath/OutputPath)
     * @throws TaskFailedException to fail the task with an error name and a cause
     */
    JsonNode invoke(String resource, JsonNode parameters, TaskContext context) throws TaskFailedException;
}
