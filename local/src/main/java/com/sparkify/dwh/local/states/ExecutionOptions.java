package com.sparkify.dwh.local.states;

/**
 * How one execution runs: who performs the Task states, how waits are slept, who hears the history
 * events, and the state machine ARN reported in the context object ({@code $$.StateMachine.Id}).
 * A null sleeper sleeps in real time; a null listener hears nothing; a null ARN is made up from a
 * local account.
 */
public record ExecutionOptions(TaskInvoker tasks, Sleeper sleeper, ExecutionListener listener, String stateMachineArn) {
}
