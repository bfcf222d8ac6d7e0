package com.sparkify.dwh.local.states;

import static com.sparkify.dwh.local.states.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Parallel branches and inline Map iterations: results, concurrency, and failure cancelling the rest. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ParallelAndMapTest {

    private static JsonNode number(int n) {
        return Asl.JSON.getNodeFactory().numberNode(n);
    }

    // ---------------------------------------------------------------- Parallel

    @Test
    void funWithMathFromTheSpecification() {
        Asl.Tasks tasks = new Asl.Tasks()
                .on("arn:aws:states:::task:Add", (p, c) -> number(p.get(0).asInt() + p.get(1).asInt()))
                .on("arn:aws:states:::task:Subtract", (p, c) -> number(p.get(0).asInt() - p.get(1).asInt()));
        StateMachine machine = Asl.machine("{'StartAt':'FunWithMath','States':{'FunWithMath':{'Type':'Parallel','Branches':["
                + "{'StartAt':'Add','States':{'Add':{'Type':'Task','Resource':'arn:aws:states:::task:Add','End':true}}},"
                + "{'StartAt':'Subtract','States':{'Subtract':{'Type':'Task','Resource':'arn:aws:states:::task:Subtract','End':true}}}],"
                + "'Next':'NextState'},'NextState':{'Type':'Succeed'}}}");

        ExecutionResult result = Asl.run(machine, "[3,2]", tasks);

        assertThat(result.output()).isEqualTo(json("[5,1]"));
        assertThat(Asl.types(result)).containsSubsequence("ParallelStateEntered", "ParallelStateStarted",
                "ParallelStateSucceeded", "ParallelStateExited", "SucceedStateEntered");
    }

    @Test
    void branchesRunConcurrently() {
        CyclicBarrier barrier = new CyclicBarrier(3);
        Asl.Tasks tasks = new Asl.Tasks().on("meet", (p, c) -> {
            try {
                barrier.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new TaskFailedException("NotConcurrent", e.toString());
            }
            return p;
        });
        String branch = "{'StartAt':'%s','States':{'%s':{'Type':'Task','Resource':'meet','End':true}}}";
        StateMachine machine = Asl.machine("{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':["
                + String.format(branch, "A", "A") + "," + String.format(branch, "B", "B") + "," + String.format(branch, "C", "C")
                + "],'End':true}}}");

        ExecutionResult result = Asl.run(machine, "{'x':1}", tasks);

        assertThat(result.status()).as(result.cause()).isEqualTo("SUCCEEDED");
        assertThat(result.output()).isEqualTo(json("[{'x':1},{'x':1},{'x':1}]"));
    }

    @Test
    void aFailingBranchFailsTheParallelAndStopsTheOtherBranches() throws InterruptedException {
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch waitEntered = new CountDownLatch(1);
        ExecutionListener listener = e -> {
            if (e.type().equals("WaitStateEntered")) {
                waitEntered.countDown();
            }
        };
        CountDownLatch slowInterrupted = new CountDownLatch(1);
        AtomicInteger afterSlow = new AtomicInteger();
        Asl.Tasks tasks = new Asl.Tasks()
                .on("slow", (p, c) -> {
                    slowStarted.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        slowInterrupted.countDown();
                        Thread.currentThread().interrupt();
                    }
                    return p;
                })
                .on("after", (p, c) -> {
                    afterSlow.incrementAndGet();
                    return p;
                })
                .on("fail", (p, c) -> {
                    try {
                        slowStarted.await(10, TimeUnit.SECONDS);
                        waitEntered.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new TaskFailedException("Branch.Broke", "the first branch failed");
                });
        StateMachine machine = Asl.machine("{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':["
                + "{'StartAt':'Fails','States':{'Fails':{'Type':'Task','Resource':'fail','End':true}}},"
                + "{'StartAt':'Slow','States':{'Slow':{'Type':'Task','Resource':'slow','Next':'After'},"
                + "'After':{'Type':'Task','Resource':'after','End':true}}},"
                + "{'StartAt':'Waits','States':{'Waits':{'Type':'Wait','Seconds':3600,'End':true}}}],'End':true}}}");

        long start = System.nanoTime();
        ExecutionResult result = machine.run("p", json("{}"), new ExecutionOptions(tasks, Sleeper.realTime(), listener, null));
        long elapsedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.error()).isEqualTo("Branch.Broke");
        assertThat(result.cause()).isEqualTo("the first branch failed");
        assertThat(slowInterrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(afterSlow.get()).isZero();
        assertThat(elapsedSeconds).isLessThan(20);
        assertThat(Asl.types(result)).contains("TaskStateAborted", "WaitStateAborted", "ParallelStateFailed");
        assertThat(Asl.types(result)).doesNotContain("ParallelStateSucceeded", "ParallelStateExited");
        assertThat(Asl.events(result, "ParallelStateFailed").get(0).details()).contains("Branch.Broke");
        assertThat(Asl.types(result).get(Asl.types(result).size() - 1)).isEqualTo("ExecutionFailed");
    }

    @Test
    void aBranchFailureCanBeRetriedAndCaughtByTheParallel() {
        AtomicInteger attempts = new AtomicInteger();
        Asl.Tasks tasks = new Asl.Tasks().on("flaky", (p, c) -> {
            if (attempts.incrementAndGet() < 3) {
                throw new TaskFailedException("Flaky", "attempt " + attempts.get());
            }
            return json("'done'");
        });
        StateMachine retried = Asl.machine("{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':["
                + "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'flaky','End':true}}}],"
                + "'Retry':[{'ErrorEquals':['Flaky'],'IntervalSeconds':10,'MaxAttempts':3,'BackoffRate':2}],'OutputPath':'$[0]','End':true}}}");
        StateMachine caught = Asl.machine("{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':["
                + "{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'Sparkify.StatementFailed','Cause':'syntax error'}}}],"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':'$.error','Next':'Handled'}],'End':true},"
                + "'Handled':{'Type':'Pass','End':true}}}");
        Asl.RecordingSleeper sleeper = new Asl.RecordingSleeper();

        ExecutionResult first = retried.run("r", json("{}"), Asl.options(tasks, sleeper));
        ExecutionResult second = Asl.run(caught, "{'run':'r1'}", null);

        assertThat(first.output()).isEqualTo(json("'done'"));
        assertThat(sleeper.seconds()).containsExactly(10.0, 20.0);
        assertThat(Asl.events(first, "ParallelStateStarted")).hasSize(3);
        assertThat(Asl.events(first, "ParallelStateStarted").get(2).details()).contains("retry 2 of 3 after 20 s");
        assertThat(second.output()).isEqualTo(json("{'run':'r1','error':{'Error':'Sparkify.StatementFailed','Cause':'syntax error'}}"));
    }

    @Test
    void parallelParametersResultSelectorAndSucceedInABranch() {
        StateMachine machine = Asl.machine("{'StartAt':'P','States':{'P':{'Type':'Parallel',"
                + "'Parameters':{'v.$':'$.value','name.$':'$$.State.Name'},"
                + "'Branches':[{'StartAt':'S','States':{'S':{'Type':'Succeed','OutputPath':'$.v'}}},"
                + "{'StartAt':'Q','States':{'Q':{'Type':'Pass','InputPath':'$.name','End':true}}}],"
                + "'ResultSelector':{'first.$':'$[0]','second.$':'$[1]'},'ResultPath':'$.results','End':true}}}");

        ExecutionResult result = Asl.run(machine, "{'value':42}", null);

        assertThat(result.output()).isEqualTo(json("{'value':42,'results':{'first':42,'second':'P'}}"));
    }

    // ---------------------------------------------------------------- Map

    @Test
    void validateAllFromTheSpecificationWithItemSelector() {
        Asl.Tasks tasks = new Asl.Tasks().on("arn:aws:lambda:us-east-1:123456789012:function:ship-val",
                (p, c) -> json("{'prod':'" + p.get("parcel").get("prod").asText() + "','courier':'" + p.get("courier").asText() + "','ok':true}"));
        // The specification's example writes "$.Map.Item.Value"; the Context Object is reached with "$$".
        StateMachine machine = Asl.machine("{'StartAt':'Validate-All','States':{'Validate-All':{'Type':'Map','InputPath':'$.detail',"
                + "'ItemsPath':'$.shipped','MaxConcurrency':0,"
                + "'ItemSelector':{'parcel.$':'$$.Map.Item.Value','courier.$':'$.delivery-partner'},"
                + "'ItemProcessor':{'StartAt':'Validate','States':{'Validate':{'Type':'Task',"
                + "'Resource':'arn:aws:lambda:us-east-1:123456789012:function:ship-val','End':true}}},"
                + "'ResultPath':'$.detail.shipped','End':true}}}");
        String input = "{'ship-date':'2016-03-14T01:59:00Z','detail':{'delivery-partner':'UQS','shipped':["
                + "{'prod':'R31','dest-code':9511,'quantity':1344},{'prod':'S39','dest-code':9511,'quantity':40},"
                + "{'prod':'R31','dest-code':9833,'quantity':12},{'prod':'R40','dest-code':9860,'quantity':887},"
                + "{'prod':'R40','dest-code':9511,'quantity':1220}]}}";

        ExecutionResult result = Asl.run(machine, input, tasks);

        assertThat(tasks.calls).hasSize(5);
        assertThat(tasks.calls).anySatisfy(c -> assertThat(c.parameters()).isEqualTo(
                json("{'parcel':{'prod':'R31','dest-code':9511,'quantity':1344},'courier':'UQS'}")));
        assertThat(result.output().get("ship-date").asText()).isEqualTo("2016-03-14T01:59:00Z");
        assertThat(result.output().get("detail").get("shipped")).isEqualTo(json("[{'prod':'R31','courier':'UQS','ok':true},"
                + "{'prod':'S39','courier':'UQS','ok':true},{'prod':'R31','courier':'UQS','ok':true},"
                + "{'prod':'R40','courier':'UQS','ok':true},{'prod':'R40','courier':'UQS','ok':true}]"));
        assertThat(Asl.events(result, "MapIterationStarted")).hasSize(5);
        assertThat(Asl.events(result, "MapIterationSucceeded")).hasSize(5);
    }

    @Test
    void withoutItemsPathOrItemSelectorEachElementOfTheInputIsAnIterationsInput() {
        StateMachine machine = Asl.machine("{'StartAt':'M','States':{'M':{'Type':'Map','ItemProcessor':{'StartAt':'P','States':{"
                + "'P':{'Type':'Pass','Parameters':{'twice.$':'States.Array($, $)'},'End':true}}},'End':true}}}");

        assertThat(Asl.run(machine, "[1,'a']", null).output()).isEqualTo(json("[{'twice':[1,1]},{'twice':['a','a']}]"));
        assertThat(Asl.run(machine, "[]", null).output()).isEqualTo(json("[]"));
    }

    @Test
    void theLegacyIteratorAndParametersSpellingWithTheItemIndex() {
        StateMachine machine = Asl.machine("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items',"
                + "'Parameters':{'index.$':'$$.Map.Item.Index','value.$':'$$.Map.Item.Value','tag.$':'$.tag'},"
                + "'Iterator':{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}}");

        ExecutionResult result = Asl.run(machine, "{'tag':'t','items':['a','b']}", null);

        assertThat(result.output()).isEqualTo(json("[{'index':0,'value':'a','tag':'t'},{'index':1,'value':'b','tag':'t'}]"));
    }

    @Test
    void maxConcurrencyOneRunsTheIterationsOneAfterTheOtherInOrder() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> order = new CopyOnWriteArrayList<>();
        Asl.Tasks tasks = new Asl.Tasks().on("work", (p, c) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            order.add(p.asInt());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return p;
        });
        StateMachine machine = Asl.machine("{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':1,"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'INLINE'},'StartAt':'T','States':{'T':{'Type':'Task','Resource':'work','End':true}}},"
                + "'End':true}}}");

        ExecutionResult result = Asl.run(machine, "[0,1,2,3,4,5]", tasks);

        assertThat(result.output()).isEqualTo(json("[0,1,2,3,4,5]"));
        assertThat(most.get()).isEqualTo(1);
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void maxConcurrencyBoundsTheIterationsInFlight() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Asl.Tasks tasks = new Asl.Tasks().on("work", (p, c) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return p;
        });
        StateMachine machine = Asl.machine("{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrencyPath':'$.limit','ItemsPath':'$.items',"
                + "'ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'work','End':true}}},'End':true}}}");

        ExecutionResult result = Asl.run(machine, "{'limit':3,'items':[0,1,2,3,4,5,6,7,8,9,10,11]}", tasks);

        assertThat(result.output()).isEqualTo(json("[0,1,2,3,4,5,6,7,8,9,10,11]"));
        assertThat(most.get()).isBetween(2, 3);
    }

    @Test
    void maxConcurrencyZeroRunsEveryIterationAtOnce() {
        CyclicBarrier barrier = new CyclicBarrier(8);
        Asl.Tasks tasks = new Asl.Tasks().on("meet", (p, c) -> {
            try {
                barrier.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new TaskFailedException("NotConcurrent", e.toString());
            }
            return p;
        });
        StateMachine machine = Asl.machine("{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':0,"
                + "'ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'meet','End':true}}},'End':true}}}");

        ExecutionResult result = Asl.run(machine, "[0,1,2,3,4,5,6,7]", tasks);

        assertThat(result.status()).as(result.cause()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aFailingItemFailsTheMapAndStopsTheOtherIterations() throws InterruptedException {
        CountDownLatch othersStarted = new CountDownLatch(3);
        CountDownLatch othersInterrupted = new CountDownLatch(3);
        Asl.Tasks tasks = new Asl.Tasks().on("item", (p, c) -> {
            if (p.asInt() == 2) {
                try {
                    othersStarted.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new TaskFailedException("Item.Bad", "item 2 is bad");
            }
            othersStarted.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                othersInterrupted.countDown();
                Thread.currentThread().interrupt();
            }
            return p;
        });
        StateMachine machine = Asl.machine("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items',"
                + "'ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'item','End':true}}},"
                + "'Catch':[{'ErrorEquals':['Item.Bad'],'ResultPath':'$.error','Next':'Handled'}],'ResultPath':'$.out','End':true},"
                + "'Handled':{'Type':'Pass','End':true}}}");

        ExecutionResult result = Asl.run(machine, "{'items':[0,1,2,3]}", tasks);

        assertThat(othersInterrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(result.status()).isEqualTo("SUCCEEDED");
        assertThat(result.output()).isEqualTo(json("{'items':[0,1,2,3],'error':{'Error':'Item.Bad','Cause':'item 2 is bad'}}"));
        assertThat(Asl.events(result, "MapIterationFailed")).hasSize(1);
        assertThat(Asl.events(result, "MapIterationFailed").get(0).details()).contains("index 2").contains("Item.Bad");
        assertThat(Asl.events(result, "MapIterationAborted")).hasSize(3);
        assertThat(Asl.types(result)).containsSubsequence("MapStateFailed", "MapStateExited", "PassStateEntered");
    }

    @Test
    void anUncaughtItemFailureFailsTheExecutionAndLaterItemsNeverStart() {
        Asl.Tasks tasks = new Asl.Tasks().on("item", (p, c) -> {
            if (p.asInt() == 1) {
                throw new TaskFailedException("Item.Bad", "item 1");
            }
            return p;
        });
        StateMachine machine = Asl.machine("{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':1,"
                + "'ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'item','End':true}}},'End':true}}}");

        ExecutionResult result = Asl.run(machine, "[0,1,2,3]", tasks);

        assertThat(result.error()).isEqualTo("Item.Bad");
        assertThat(tasks.calls).extracting(c -> c.parameters().asInt()).containsExactly(0, 1);
    }

    @Test
    void itemsPathMustSelectAnArray() {
        StateMachine machine = Asl.machine("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items',"
                + "'ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'C'}],'End':true},'C':{'Type':'Succeed'}}}");

        assertThat(Asl.run(machine, "{'items':{'a':1}}", null).error()).isEqualTo("States.Runtime");
        assertThat(Asl.run(machine, "{}", null).error()).isEqualTo("States.Runtime");
    }

    @Test
    void nestedMapsWithAParallelPerStepLikeTheProjectsPipeline() {
        Asl.Tasks tasks = new Asl.Tasks().on("step", (p, c) -> json("{'did':'" + p.get("step").asText() + "','run':'" + p.get("run").asText() + "'}"));
        StateMachine machine = Asl.machine("{'StartAt':'Phases','States':{'Phases':{'Type':'Map','ItemsPath':'$.phases','MaxConcurrency':1,"
                + "'ItemSelector':{'steps.$':'$$.Map.Item.Value.steps','run.$':'$.run'},"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'INLINE'},'StartAt':'Steps','States':{'Steps':{'Type':'Map','ItemsPath':'$.steps',"
                + "'MaxConcurrency':0,'ItemSelector':{'step.$':'$$.Map.Item.Value','run.$':'$.run'},"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'INLINE'},'StartAt':'One','States':{'One':{'Type':'Parallel','Branches':["
                + "{'StartAt':'Do','States':{'Do':{'Type':'Task','Resource':'step','End':true}}}],'OutputPath':'$[0]','End':true}}},"
                + "'End':true}}},'ResultPath':'$.results','End':true}}}");

        ExecutionResult result = Asl.run(machine, "{'run':'r1','phases':[{'steps':['a','b']},{'steps':['c']}]}", tasks);

        assertThat(result.output().get("results")).isEqualTo(json(
                "[[{'did':'a','run':'r1'},{'did':'b','run':'r1'}],[{'did':'c','run':'r1'}]]"));
    }
}
