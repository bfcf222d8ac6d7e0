package com.sparkify.dwh.local.states;

import static com.sparkify.dwh.local.states.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Succeed and Fail. */
class TerminalStatesTest {

    @Test
    void succeedPassesItsInputThroughInputPathAndOutputPath() {
        ExecutionResult result = Asl.run(Asl.single("{'Type':'Succeed','InputPath':'$.a','OutputPath':'$.b'}"), "{'a':{'b':1}}", null);

        assertThat(result.status()).isEqualTo("SUCCEEDED");
        assertThat(result.output()).isEqualTo(json("1"));
        assertThat(Asl.types(result)).containsExactly("ExecutionStarted", "SucceedStateEntered", "SucceedStateExited",
                "ExecutionSucceeded");
    }

    @Test
    void failWithErrorAndCause() {
        ExecutionResult result = Asl.run(Asl.single("{'Type':'Fail','Error':'ErrorA','Cause':'Kaiju attack'}"), "{}", null);

        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.error()).isEqualTo("ErrorA");
        assertThat(result.cause()).isEqualTo("Kaiju attack");
        assertThat(result.output()).isNull();
        assertThat(Asl.types(result)).containsExactly("ExecutionStarted", "FailStateEntered", "ExecutionFailed");
        assertThat(result.history().get(2).details()).isEqualTo("ErrorA: Kaiju attack");
    }

    @Test
    void failWithErrorPathAndCausePath() {
        ExecutionResult result = Asl.run(Asl.single("{'Type':'Fail','ErrorPath':'$.Error','CausePath':'$.Cause'}"),
                "{'Error':'Sparkify.StatementFailed','Cause':'relation does not exist'}", null);

        assertThat(result.error()).isEqualTo("Sparkify.StatementFailed");
        assertThat(result.cause()).isEqualTo("relation does not exist");
    }

    @Test
    void failCausePathWithAnIntrinsicFunction() {
        StateMachine machine = StateMachine.parse("""
                {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E",
                  "CausePath":"States.Format('step {} failed: {}', $.step, $.why)"}}}""");

        ExecutionResult result = Asl.run(machine, "{'step':'load','why':'boom'}", null);

        assertThat(result.cause()).isEqualTo("step load failed: boom");
    }

    @Test
    void failWithoutErrorOrCause() {
        ExecutionResult result = Asl.run(Asl.single("{'Type':'Fail'}"), "{}", null);

        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.error()).isNull();
        assertThat(result.cause()).isNull();
    }

    @Test
    void errorPathsThatDoNotResolveToStringsAreRuntimeErrors() {
        assertThat(Asl.run(Asl.single("{'Type':'Fail','ErrorPath':'$.e'}"), "{'e':1}", null).error()).isEqualTo("States.Runtime");
        assertThat(Asl.run(Asl.single("{'Type':'Fail','Error':'E','CausePath':'$.c'}"), "{}", null).error()).isEqualTo("States.Runtime");
        assertThat(Asl.run(Asl.single("{'Type':'Fail','Error':'E','CausePath':'$.c'}"), "{'c':null}", null).error())
                .isEqualTo("States.Runtime");
    }
}
