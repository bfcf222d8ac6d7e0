package com.sparkify.dwh.local.states;

import static com.sparkify.dwh.local.states.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Retry (backoff, MaxDelaySeconds, jitter, MaxAttempts), Catch (ResultPath), predefined errors and timeouts. */
class RetryCatchTest {
    private static final String X = "arn:aws:states:us-east-1:123456789012:task:X";

    private final Asl.RecordingSleeper sleeper = new Asl.RecordingSleeper();

    private ExecutionResult run(StateMachine machine, String input, Asl.Tasks tasks) {
        return machine.run("retry", json(input), Asl.options(tasks, sleeper));
    }

    private static StateMachine task(String retry, String catchers) {
        return Asl.machine("{'StartAt':'X','States':{'X':{'Type':'Task','Resource':'" + X + "','Next':'Y'"
                + (retry == null ? "" : ",'Retry':" + retry) + (catchers == null ? "" : ",'Catch':" + catchers) + "},"
                + "'Y':{'Type':'Pass','Result':'Y','End':true},'Z':{'Type':'Pass','End':true}}}");
    }

    @Test
    void twoRetriesAfterWaitsOfThreeAndSixSeconds() {
        Asl.Tasks tasks = new Asl.Tasks().failThen(X, json("'ok'"), "States.Timeout", "States.Timeout");

        ExecutionResult result = run(task("[{'ErrorEquals':['States.Timeout'],'IntervalSeconds':3,'MaxAttempts':2,'BackoffRate':2.0}]", null),
                "{}", tasks);

        assertThat(result.status()).isEqualTo("SUCCEEDED");
        assertThat(sleeper.seconds()).containsExactly(3.0, 6.0);
        assertThat(tasks.calls).extracting(c -> c.context().retryCount()).containsExactly(0, 1, 2);
    }

    @Test
    void maxDelaySecondsCapsTheInterval() {
        Asl.Tasks tasks = new Asl.Tasks().failThen(X, json("'ok'"), "States.Timeout", "States.Timeout");

        run(task("[{'ErrorEquals':['States.Timeout'],'IntervalSeconds':3,'MaxAttempts':2,'BackoffRate':2.0,'MaxDelaySeconds':4}]", null),
                "{}", tasks);

        assertThat(sleeper.seconds()).containsExactly(3.0, 4.0);
    }

    @Test
    void aFractionalBackoffRate() {
        Asl.Tasks tasks = new Asl.Tasks().failThen(X, json("'ok'"), "E", "E", "E", "E");

        run(task("[{'ErrorEquals':['E'],'IntervalSeconds':3,'MaxAttempts':4,'BackoffRate':1.5}]", null), "{}", tasks);

        assertThat(sleeper.seconds()).containsExactly(3.0, 4.5, 6.75, 10.125);
    }

    @Test
    void theDefaultsAreOneSecondThreeAttemptsAndARateOfTwo() {
        Asl.Tasks tasks = new Asl.Tasks().failThen(X, json("'ok'"), "E", "E", "E", "E");

        ExecutionResult result = run(task("[{'ErrorEquals':['E']}]", null), "{}", tasks);

        assertThat(sleeper.seconds()).containsExactly(1.0, 2.0, 4.0);
        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.error()).isEqualTo("E");
        assertThat(result.cause()).isEqualTo("scripted E");
        assertThat(tasks.calls).hasSize(4);
    }

    @Test
    void retriesExhaustedFailTheExecutionAndTheHistoryShowsEachRetry() {
        Asl.Tasks tasks = new Asl.Tasks().failThen(X, json("'ok'"), "E", "E", "E");

        ExecutionResult result = run(task("[{'ErrorEquals':['E'],'IntervalSeconds':2,'MaxAttempts':2}]", null), "{}", tasks);

        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.error()).isEqualTo("E");
        assertThat(Asl.types(result)).containsExactly("ExecutionStarted", "TaskStateEntered",
                "TaskScheduled", "TaskStarted", "TaskFailed",
                "TaskScheduled", "TaskStarted", "TaskFailed",
                "TaskScheduled", "TaskStarted", "TaskFailed", "ExecutionFailed");
        List<String> scheduled = Asl.events(result, "TaskScheduled").stream().map(HistoryEvent::details).collect(Collectors.toList());
        assertThat(scheduled.get(0)).isEqualTo(X);
        assertThat(scheduled.get(1)).contains(X).contains("retry 1 of 2 after 2 s");
        assertThat(scheduled.get(2)).contains("retry 2 of 2 after 4 s");
        assertThat(Asl.events(result, "TaskFailed").get(0).details()).contains("E").contains("scripted E");
    }

    @Test
    void maxAttemptsZeroMeansNeverRetryEvenWithALaterStatesAll() {
        Asl.Tasks timeouts = new Asl.Tasks().failThen(X, json("'ok'"), "States.Timeout");
        Asl.Tasks others = new Asl.Tasks().failThen(X, json("'ok'"), "Other");
        StateMachine machine = task("[{'ErrorEquals':['States.Timeout'],'MaxAttempts':0},{'ErrorEquals':['States.ALL']}]", null);

        ExecutionResult timeout = run(machine, "{}", timeouts);
        ExecutionResult other = run(machine, "{}", others);

        assertThat(timeout.error()).isEqualTo("States.Timeout");
        assertThat(timeouts.calls).hasSize(1);
        assertThat(other.status()).isEqualTo("SUCCEEDED");
        assertThat(others.calls).hasSize(2);
    }

    @Test
    void theComplexRetryScenarioOfTheSpecification() {
        Asl.Tasks tasks = new Asl.Tasks().failThen(X, json("'ok'"), "ErrorA", "ErrorB", "ErrorC", "ErrorB");
        StateMachine machine = task("[{'ErrorEquals':['ErrorA','ErrorB'],'IntervalSeconds':1,'BackoffRate':2,'MaxAttempts':2},"
                + "{'ErrorEquals':['ErrorC'],'IntervalSeconds':5}]", "[{'ErrorEquals':['States.ALL'],'Next':'Z'}]");

        ExecutionResult result = run(machine, "{}", tasks);

        assertThat(sleeper.seconds()).containsExactly(1.0, 2.0, 5.0);
        assertThat(tasks.calls).hasSize(4);
        assertThat(result.status()).isEqualTo("SUCCEEDED");
        assertThat(result.output()).isEqualTo(json("{'Error':'ErrorB','Cause':'scripted ErrorB'}"));
        assertThat(result.history()).filteredOn(e -> e.type().equals("PassStateEntered")).extracting(HistoryEvent::stateName)
                .containsExactly("Z");
    }

    @Test
    void aCatcherWithResultPathKeepsTheInputAndAddsTheErrorOutput() {
        Asl.Tasks tasks = new Asl.Tasks().failThen(X, json("'ok'"), "java.lang.Exception");
        StateMachine machine = Asl.machine("{'StartAt':'X','States':{'X':{'Type':'Task','Resource':'" + X + "','End':true,"
                + "'Catch':[{'ErrorEquals':['java.lang.Exception'],'ResultPath':'$.error-info','Next':'RecoveryState'},"
                + "{'ErrorEquals':['States.ALL'],'Next':'EndMachine'}]},"
                + "'RecoveryState':{'Type':'Pass','End':true},'EndMachine':{'Type':'Pass','End':true}}}");

        ExecutionResult result = run(machine, "{'order':7}", tasks);

        assertThat(result.output()).isEqualTo(json("{'order':7,'error-info':{'Error':'java.lang.Exception','Cause':'scripted java.lang.Exception'}}"));
        assertThat(Asl.types(result)).containsSubsequence("TaskFailed", "TaskStateExited", "PassStateEntered");
    }

    @Test
    void aCatcherWithoutResultPathReplacesTheInputAndOneWithNullKeepsIt() {
        Asl.Tasks tasks = new Asl.Tasks().failThen(X, json("'ok'"), "Other", "Other");
        StateMachine replace = task(null, "[{'ErrorEquals':['Other'],'Next':'Z'}]");
        StateMachine keep = task(null, "[{'ErrorEquals':['Other'],'ResultPath':null,'Next':'Z'}]");

        assertThat(run(replace, "{'order':7}", tasks).output()).isEqualTo(json("{'Error':'Other','Cause':'scripted Other'}"));
        assertThat(run(keep, "{'order':7}", tasks).output()).isEqualTo(json("{'order':7}"));
    }

    @Test
    void retriersRunBeforeCatchers() {
        Asl.Tasks tasks = new Asl.Tasks().failThen(X, json("'ok'"), "E", "E");

        ExecutionResult result = run(task("[{'ErrorEquals':['E'],'MaxAttempts':1}]", "[{'ErrorEquals':['E'],'Next':'Z'}]"), "{}", tasks);

        assertThat(tasks.calls).hasSize(2);
        assertThat(result.output().get("Error").asText()).isEqualTo("E");
    }

    @Test
    void anUncaughtErrorFailsTheExecutionWithTheTasksErrorAndCause() {
        Asl.Tasks tasks = new Asl.Tasks().failThen(X, json("'ok'"), "Lambda.Unknown");

        ExecutionResult result = run(task(null, "[{'ErrorEquals':['Other'],'Next':'Z'}]"), "{}", tasks);

        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.error()).isEqualTo("Lambda.Unknown");
        assertThat(result.cause()).isEqualTo("scripted Lambda.Unknown");
        assertThat(result.output()).isNull();
        assertThat(Asl.types(result)).endsWith("TaskFailed", "ExecutionFailed");
    }

    @Test
    void statesTaskFailedMatchesAnyErrorButStatesTimeout() {
        StateMachine machine = task(null, "[{'ErrorEquals':['States.TaskFailed'],'Next':'Z'}]");

        assertThat(run(machine, "{}", new Asl.Tasks().failThen(X, json("1"), "Lambda.ServiceException")).status()).isEqualTo("SUCCEEDED");
        assertThat(run(machine, "{}", new Asl.Tasks().failThen(X, json("1"), "States.Timeout")).error()).isEqualTo("States.Timeout");
    }

    @Test
    void aRuntimeExceptionFromTheInvokerIsNamedByItsClass() {
        Asl.Tasks tasks = new Asl.Tasks().on(X, (p, c) -> {
            throw new IllegalStateException("boom");
        });

        ExecutionResult result = run(task(null, null), "{}", tasks);

        assertThat(result.error()).isEqualTo("java.lang.IllegalStateException");
        assertThat(result.cause()).isEqualTo("boom");
    }

    @Test
    void fullJitterWaitsBetweenZeroAndTheComputedInterval() {
        for (int i = 0; i < 20; i++) {
            run(task("[{'ErrorEquals':['E'],'IntervalSeconds':10,'MaxAttempts':2,'BackoffRate':3,'JitterStrategy':'FULL'}]", null),
                    "{}", new Asl.Tasks().failThen(X, json("1"), "E", "E"));
        }

        List<Double> waits = sleeper.seconds();
        assertThat(waits).hasSize(40);
        for (int i = 0; i < waits.size(); i += 2) {
            assertThat(waits.get(i)).isBetween(0.0, 10.0);
            assertThat(waits.get(i + 1)).isBetween(0.0, 30.0);
        }
        assertThat(waits.stream().distinct().count()).isGreaterThan(10);
    }

    @Test
    void theRetryCountIsInTheContextObject() {
        Asl.Tasks tasks = new Asl.Tasks().failThen(X, json("'ok'"), "E", "E");
        StateMachine machine = Asl.machine("{'StartAt':'X','States':{'X':{'Type':'Task','Resource':'" + X + "',"
                + "'Parameters':{'retry.$':'$$.State.RetryCount','entered.$':'$$.State.EnteredTime'},"
                + "'Retry':[{'ErrorEquals':['E']}],'End':true}}}");

        run(machine, "{}", tasks);

        assertThat(tasks.calls).extracting(c -> c.parameters().get("retry").asInt()).containsExactly(0, 1, 2);
        assertThat(tasks.calls).extracting(c -> c.parameters().get("entered").asText()).containsOnly(
                tasks.calls.get(0).parameters().get("entered").asText());
    }

    @Test
    void statesRuntimeIsNeitherRetriedNorCaughtByStatesAll() {
        Asl.Tasks tasks = new Asl.Tasks().on(X, (p, c) -> json("{}"));
        StateMachine machine = Asl.machine("{'StartAt':'X','States':{'X':{'Type':'Task','Resource':'" + X + "',"
                + "'TimeoutSecondsPath':'$.timeout','Retry':[{'ErrorEquals':['States.ALL']}],"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Z'}],'End':true},'Z':{'Type':'Succeed'}}}");

        ExecutionResult result = run(machine, "{'timeout':'soon'}", tasks);

        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void parameterPathFailuresAreCaughtByStatesAll() {
        StateMachine machine = Asl.machine("{'StartAt':'X','States':{'X':{'Type':'Task','Resource':'" + X + "',"
                + "'Parameters':{'x.$':'$.missing'},'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':'$.error','Next':'Z'}],"
                + "'End':true},'Z':{'Type':'Succeed'}}}");
        Asl.Tasks tasks = new Asl.Tasks();

        ExecutionResult result = run(machine, "{'a':1}", tasks);

        assertThat(result.output().get("error").get("Error").asText()).isEqualTo("States.ParameterPathFailure");
        assertThat(result.output().get("a").asInt()).isEqualTo(1);
        assertThat(tasks.calls).isEmpty();
    }

    @Test
    void aFailedCatcherResultPathIsAResultPathMatchFailure() {
        Asl.Tasks tasks = new Asl.Tasks().failThen(X, json("'ok'"), "E");

        ExecutionResult result = run(task(null, "[{'ErrorEquals':['E'],'ResultPath':'$.a.b','Next':'Z'}]"), "{'a':'text'}", tasks);

        assertThat(result.error()).isEqualTo("States.ResultPathMatchFailure");
    }

    // ---------------------------------------------------------------- TimeoutSeconds

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aTaskRunningPastTimeoutSecondsFailsWithStatesTimeoutAndIsInterrupted() {
        CountDownLatch interrupted = new CountDownLatch(1);
        Asl.Tasks tasks = new Asl.Tasks().on(X, (p, c) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return json("'too late'");
        });
        StateMachine machine = Asl.machine("{'StartAt':'X','States':{'X':{'Type':'Task','Resource':'" + X + "','TimeoutSeconds':1,"
                + "'End':true}}}");

        long start = System.nanoTime();
        ExecutionResult result = machine.run("t", json("{}"), Asl.options(tasks, Sleeper.scaled(0)));
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(result.error()).isEqualTo("States.Timeout");
        assertThat(elapsed).isGreaterThanOrEqualTo(900);
        assertThat(Asl.types(result)).containsSubsequence("TaskScheduled", "TaskStarted", "TaskTimedOut", "ExecutionFailed");
        assertThat(Asl.types(result)).doesNotContain("TaskFailed");
        assertThat(tasks.calls.get(0).context().timeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aTimeoutCanBeRetriedAndCaught() {
        Asl.Tasks tasks = new Asl.Tasks().on(X, (p, c) -> {
            if (c.retryCount() == 0) {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return json("'second try'");
        });
        StateMachine retried = Asl.machine("{'StartAt':'X','States':{'X':{'Type':'Task','Resource':'" + X + "','TimeoutSecondsPath':'$.t',"
                + "'Retry':[{'ErrorEquals':['States.Timeout'],'IntervalSeconds':1,'MaxAttempts':2}],'End':true}}}");
        StateMachine caught = Asl.machine("{'StartAt':'X','States':{'X':{'Type':'Task','Resource':'" + X + "','TimeoutSeconds':1,"
                + "'Catch':[{'ErrorEquals':['States.Timeout'],'ResultPath':'$.timedOut','Next':'Z'}],'End':true},'Z':{'Type':'Succeed'}}}");
        Asl.Tasks slow = new Asl.Tasks().on(X, (p, c) -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return json("1");
        });

        ExecutionResult first = retried.run("t", json("{'t':1}"), Asl.options(tasks, sleeper));
        ExecutionResult second = caught.run("t", json("{'in':1}"), Asl.options(slow, sleeper));

        assertThat(first.status()).isEqualTo("SUCCEEDED");
        assertThat(first.output()).isEqualTo(json("'second try'"));
        assertThat(sleeper.seconds()).containsExactly(1.0);
        assertThat(second.output().get("timedOut").get("Error").asText()).isEqualTo("States.Timeout");
        assertThat(second.output().get("in").asInt()).isEqualTo(1);
    }

    @Test
    void noTimeoutMeansTheTaskContextTimeoutIsNull() {
        Asl.Tasks tasks = new Asl.Tasks().on(X, (p, c) -> json("1"));

        run(task(null, null), "{}", tasks);

        assertThat(tasks.calls.get(0).context().timeout()).isNull();
        assertThat(tasks.calls.get(0).context().stateName()).isEqualTo("X");
        assertThat(tasks.calls.get(0).context().executionName()).isEqualTo("retry");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void theStateMachineTimeoutSecondsFailsTheExecution() {
        StateMachine machine = Asl.machine("{'TimeoutSeconds':1,'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':3600,'End':true}}}");

        ExecutionResult result = machine.run("t", json("{}"), Asl.options(null, Sleeper.realTime()));

        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.error()).isEqualTo("States.Timeout");
        assertThat(Asl.types(result)).containsSubsequence("WaitStateEntered", "WaitStateAborted", "ExecutionTimedOut");
    }
}
