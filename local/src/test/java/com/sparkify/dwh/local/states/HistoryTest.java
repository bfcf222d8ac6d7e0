package com.sparkify.dwh.local.states;

import static com.sparkify.dwh.local.states.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The execution history and its listener. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HistoryTest {

    @Test
    void aTaskStatesEventsFollowStepFunctionsNames() {
        Asl.Tasks tasks = new Asl.Tasks().on("arn:aws:states:::lambda:invoke", (p, c) -> json("{'Payload':1}"));
        StateMachine machine = Asl.machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
                + "'Next':'P'},'P':{'Type':'Pass','End':true}}}");

        ExecutionResult result = Asl.run(machine, "{}", tasks);

        assertThat(Asl.types(result)).containsExactly("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
                "TaskSucceeded", "TaskStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        assertThat(result.history().get(2).details()).isEqualTo("arn:aws:states:::lambda:invoke");
        assertThat(result.history().get(2).stateName()).isEqualTo("T");
        assertThat(result.history().get(0).stateName()).isNull();
    }

    @Test
    void theListenerHearsEveryEventInIdOrderFromTheThreadsThatProducedThem() {
        List<HistoryEvent> heard = new CopyOnWriteArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        ExecutionListener listener = e -> {
            threads.add(Thread.currentThread().getName());
            heard.add(e);
        };
        Asl.Tasks tasks = new Asl.Tasks().on("work", (p, c) -> {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return p;
        });
        StateMachine machine = Asl.machine("{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':0,"
                + "'ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'work','Next':'W'},"
                + "'W':{'Type':'Wait','Seconds':1,'End':true}}},'End':true}}}");
        String input = "[" + LongStream.range(0, 40).mapToObj(Long::toString).collect(Collectors.joining(",")) + "]";

        ExecutionResult result = machine.run("h", json(input), new ExecutionOptions(tasks, Sleeper.scaled(0), listener, null));

        assertThat(result.status()).isEqualTo("SUCCEEDED");
        assertThat(heard).containsExactlyElementsOf(result.history());
        assertThat(result.history()).extracting(HistoryEvent::id)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, result.history().size()).boxed().collect(Collectors.toList()));
        assertThat(result.history()).isSortedAccordingTo((a, b) -> a.timestamp().compareTo(b.timestamp()));
        assertThat(threads.size()).isGreaterThan(1);
        assertThat(Asl.events(result, "TaskSucceeded")).hasSize(40);
        assertThat(Asl.events(result, "MapIterationSucceeded")).hasSize(40);
    }

    @Test
    void aListenerThatThrowsDoesNotDisturbTheExecution() {
        ExecutionListener broken = e -> {
            throw new IllegalStateException("listener bug");
        };

        ExecutionResult result = Asl.single("{'Type':'Pass','End':true}")
                .run("h", json("{}"), new ExecutionOptions(null, Sleeper.scaled(0), broken, null));

        assertThat(result.status()).isEqualTo("SUCCEEDED");
        assertThat(result.history()).hasSize(4);
    }

    @Test
    void executionEventsCarryTheInputOutputAndFailure() {
        ExecutionResult ok = Asl.run(Asl.single("{'Type':'Pass','Result':{'r':1},'End':true}"), "{'in':1}", null);
        ExecutionResult failed = Asl.run(Asl.single("{'Type':'Fail','Error':'E','Cause':'why'}"), "{}", null);

        assertThat(ok.history().get(0).details()).isEqualTo("{\"in\":1}");
        assertThat(ok.history().get(ok.history().size() - 1).details()).isEqualTo("{\"r\":1}");
        assertThat(failed.history().get(failed.history().size() - 1).details()).isEqualTo("E: why");
    }

    @Test
    void aParsedMachineRunsSeveralExecutionsConcurrently() throws Exception {
        StateMachine machine = Asl.single("{'Type':'Pass','Parameters':{'name.$':'$$.Execution.Name'},'End':true}");
        List<Thread> threads = new CopyOnWriteArrayList<>();
        List<String> names = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "run-" + i;
            Thread t = new Thread(() -> names.add(machine.run(name, json("{}"), Asl.options(null)).output().get("name").asText()));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(names).containsExactlyInAnyOrder("run-0", "run-1", "run-2", "run-3", "run-4", "run-5", "run-6", "run-7");
    }
}
