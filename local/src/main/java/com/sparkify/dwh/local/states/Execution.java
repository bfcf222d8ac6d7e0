package com.sparkify.dwh.local.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** One run of a state machine: the interpreter proper. */
final class Execution {
    private static final String DEFAULT_STATE_MACHINE_ARN =
            "arn:aws:states:local:000000000000:stateMachine:LocalStateMachine";

    private final DefinitionParser.Parsed machine;
    private final String name;
    private final JsonNode input;
    private final Instant startTime = Instant.now();
    private final TaskInvoker tasks;
    private final Sleeper sleeper;
    private final EventLog log;
    private final String stateMachineArn;
    private final String stateMachineName;
    private final String executionArn;
    private final String roleArn;
    private final ExecutorService pool;

    Execution(DefinitionParser.Parsed machine, String name, JsonNode input, ExecutionOptions options) {
        this.machine = machine;
        this.name = name;
        this.input = input;
        this.tasks = options.tasks();
        this.sleeper = options.sleeper() == null ? Sleeper.realTime() : options.sleeper();
        this.log = new EventLog(options.listener());
        this.stateMachineArn = options.stateMachineArn() == null || options.stateMachineArn().isBlank()
                ? DEFAULT_STATE_MACHINE_ARN : options.stateMachineArn();
        String[] parts = stateMachineArn.split(":");
        boolean standard = parts.length == 7 && parts[0].equals("arn") && parts[5].equals("stateMachine");
        this.stateMachineName = standard ? parts[6] : parts[parts.length - 1];
        this.executionArn = standard
                ? String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], "execution", parts[6], name)
                : stateMachineArn + ":" + name;
        String account = standard && !parts[4].isEmpty() ? parts[4] : "000000000000";
        this.roleArn = "arn:" + (standard ? parts[1] : "aws") + ":iam::" + account + ":role/LocalStateMachineRole";
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "asl-" + name + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    // ---------------------------------------------------------------- the run

    ExecutionResult run() {
        log.add("ExecutionStarted", null, Json.summary(input));
        Scope root = new Scope(null);
        AtomicReference<JsonNode> output = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            root.register(Thread.currentThread());
            try {
                output.set(runBlock(machine.block(), input, root));
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                root.unregister(Thread.currentThread());
            }
        }, "asl-" + name);
        runner.setDaemon(true);
        runner.start();
        boolean timedOut = false;
        boolean interrupted = false;
        try {
            if (machine.timeoutSeconds() == null) {
                runner.join();
            } else {
                runner.join(TimeUnit.SECONDS.toMillis(machine.timeoutSeconds()));
                if (runner.isAlive()) {
                    timedOut = true;
                    root.cancel();
                    joinUninterruptibly(runner);
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            root.cancel();
            joinUninterruptibly(runner);
        } finally {
            pool.shutdownNow();
        }
        ExecutionResult result;
        if (timedOut) {
            String cause = "The execution ran longer than its TimeoutSeconds (" + machine.timeoutSeconds() + " s)";
            log.add("ExecutionTimedOut", null, StatesErrors.TIMEOUT + ": " + cause);
            result = new ExecutionResult(ExecutionResult.FAILED, null, StatesErrors.TIMEOUT, cause, log.events());
        } else if (interrupted) {
            String cause = "The thread running the execution was interrupted";
            log.add("ExecutionAborted", null, cause);
            result = new ExecutionResult(ExecutionResult.FAILED, null, "ExecutionAborted", cause, log.events());
        } else if (failure.get() != null) {
            Throwable t = failure.get();
            String error;
            String cause;
            if (t instanceof StatesError e) {
                error = e.error();
                cause = e.errorCause();
            } else {
                error = StatesErrors.RUNTIME;
                cause = "Internal error in the local executor: " + t;
            }
            log.add("ExecutionFailed", null, describe(error, cause));
            result = new ExecutionResult(ExecutionResult.FAILED, null, error, cause, log.events());
        } else {
            log.add("ExecutionSucceeded", null, Json.summary(output.get()));
            result = new ExecutionResult(ExecutionResult.SUCCEEDED, output.get().deepCopy(), null, null, log.events());
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(String error, String cause) {
        return Json.abbreviate((error == null ? "" : error) + (cause == null || cause.isEmpty() ? "" : ": " + cause), 500);
    }

    /** Runs a States object (the top level, a branch, an iteration) from StartAt to a terminal state. */
    JsonNode runBlock(Model.Block block, JsonNode data, Scope scope) {
        String current = block.startAt();
        JsonNode value = data;
        while (true) {
            scope.check();
            Model.State state = block.states().get(current);
            Step step = execute(state, value, scope);
            if (step.next() == null) {
                return step.output();
            }
            value = step.output();
            current = step.next();
        }
    }

    /** A state's output and the next state (null when the state ends its block). */
    private record Step(JsonNode output, String next) {
    }

    private Step execute(Model.State state, JsonNode raw, Scope scope) {
        if (state instanceof Model.Working working) {
            return executeWorking(working, raw, scope);
        }
        if (state instanceof Model.Pass pass) {
            return pass(pass, raw);
        }
        if (state instanceof Model.Choice choice) {
            return choice(choice, raw);
        }
        if (state instanceof Model.Wait wait) {
            return waitState(wait, raw, scope);
        }
        if (state instanceof Model.Succeed succeed) {
            Instant entered = entered(succeed, raw);
            JsonNode ctx = context(succeed.name(), entered, 0);
            JsonNode output = outputPath(succeed, inputPath(succeed, raw, ctx), ctx);
            log.add("SucceedStateExited", succeed.name(), Json.summary(output));
            return new Step(output, null);
        }
        return fail((Model.Fail) state, raw);
    }

    private Instant entered(Model.State state, JsonNode raw) {
        log.add(state.type() + "StateEntered", state.name(), Json.summary(raw));
        return Instant.now();
    }

    // ---------------------------------------------------------------- context object

    private ObjectNode context(String stateName, Instant entered, int retryCount) {
        ObjectNode context = Json.object();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", executionArn);
        execution.set("Input", input);
        execution.put("Name", name);
        execution.put("RoleArn", roleArn);
        execution.put("StartTime", Timestamps.format(startTime));
        execution.put("RedriveCount", 0);
        ObjectNode state = context.putObject("State");
        state.put("EnteredTime", Timestamps.format(entered));
        state.put("Name", stateName);
        state.put("RetryCount", retryCount);
        ObjectNode sm = context.putObject("StateMachine");
        sm.put("Id", stateMachineArn);
        sm.put("Name", stateMachineName);
        return context;
    }

    // ---------------------------------------------------------------- input and output processing

    private static JsonNode inputPath(Model.State state, JsonNode raw, JsonNode context) {
        Model.IoPath path = state.inputPath();
        if (path.discards()) {
            return Json.object();
        }
        if (path.path().isRoot()) {
            return raw;
        }
        try {
            return path.path().read(raw, context);
        } catch (JsonPathExpr.NotFound e) {
            throw new StatesError(StatesErrors.RUNTIME, "An error occurred while executing the state '"
                    + state.name() + "'. Invalid path '" + path.path().text()
                    + "' : The InputPath could not be applied to the input '" + Json.summary(raw) + "' (" + e.getMessage() + ")");
        }
    }

    private static JsonNode outputPath(Model.State state, JsonNode output, JsonNode context) {
        Model.IoPath path = state.outputPath();
        if (path.discards()) {
            return Json.object();
        }
        if (path.path().isRoot()) {
            return output;
        }
        try {
            return path.path().read(output, context);
        } catch (JsonPathExpr.NotFound e) {
            throw new StatesError(StatesErrors.RUNTIME, "An error occurred while executing the state '"
                    + state.name() + "'. Invalid path '" + path.path().text()
                    + "' : The OutputPath could not be applied to the output '" + Json.summary(output) + "' (" + e.getMessage() + ")");
        }
    }

    private static JsonNode resultPath(String stateName, Model.ResultPath path, JsonNode raw, JsonNode result) {
        if (path.discards()) {
            return raw;
        }
        try {
            return path.path().place(raw, result);
        } catch (JsonPathExpr.NotFound e) {
            throw new StatesError(StatesErrors.RESULT_PATH_MATCH_FAILURE, "State '" + stateName + "': "
                    + e.getMessage() + " (input '" + Json.summary(raw) + "')");
        }
    }

    private static JsonNode runtimeRead(Model.State state, JsonPathExpr path, String field, JsonNode data,
                                        JsonNode context) {
        try {
            return path.read(data, context);
        } catch (JsonPathExpr.NotFound e) {
            throw new StatesError(StatesErrors.RUNTIME, "An error occurred while executing the state '"
                    + state.name() + "'. The " + field + " '" + path.text() + "' could not be found in the input '"
                    + Json.summary(data) + "'");
        }
    }

    // ---------------------------------------------------------------- Pass, Choice, Wait, Fail

    private Step pass(Model.Pass pass, JsonNode raw) {
        Instant entered = entered(pass, raw);
        ObjectNode ctx = context(pass.name(), entered, 0);
        JsonNode effective = inputPath(pass, raw, ctx);
        JsonNode result;
        if (pass.result() != null) {
            result = pass.result();
        } else if (pass.parameters() != null) {
            result = pass.parameters().evaluate(effective, ctx);
        } else {
            result = effective;
        }
        JsonNode output = outputPath(pass, resultPath(pass.name(), pass.resultPath(), raw, result), ctx);
        log.add("PassStateExited", pass.name(), Json.summary(output));
        return new Step(output, pass.transition().next());
    }

    private Step choice(Model.Choice choice, JsonNode raw) {
        Instant entered = entered(choice, raw);
        ObjectNode ctx = context(choice.name(), entered, 0);
        JsonNode effective = inputPath(choice, raw, ctx);
        String next = null;
        for (int i = 0; i < choice.rules().size() && next == null; i++) {
            try {
                if (choice.rules().get(i).evaluate(effective, ctx)) {
                    next = choice.nexts().get(i);
                }
            } catch (ChoiceRule.InvalidPath e) {
                throw new StatesError(StatesErrors.RUNTIME, "An error occurred while executing the state '"
                        + choice.name() + "'. " + e.getMessage());
            }
        }
        if (next == null) {
            next = choice.defaultNext();
        }
        if (next == null) {
            throw new StatesError(StatesErrors.NO_CHOICE_MATCHED, "No Choice Rule of the state '" + choice.name()
                    + "' matched the input '" + Json.summary(effective) + "' and there is no Default");
        }
        JsonNode output = outputPath(choice, effective, ctx);
        log.add("ChoiceStateExited", choice.name(), "next: " + next);
        return new Step(output, next);
    }

    private Step waitState(Model.Wait wait, JsonNode raw, Scope scope) {
        Instant entered = entered(wait, raw);
        ObjectNode ctx = context(wait.name(), entered, 0);
        JsonNode effective = inputPath(wait, raw, ctx);
        Duration duration;
        if (wait.seconds() != null) {
            duration = Duration.ofSeconds(wait.seconds());
        } else if (wait.secondsPath() != null) {
            JsonNode value = runtimeRead(wait, wait.secondsPath(), "SecondsPath", effective, ctx);
            if (!value.isIntegralNumber() || value.asLong() < 0) {
                throw new StatesError(StatesErrors.RUNTIME, "An error occurred while executing the state '"
                        + wait.name() + "'. The SecondsPath '" + wait.secondsPath().text()
                        + "' must select a non-negative integer, not " + value);
            }
            duration = Duration.ofSeconds(value.asLong());
        } else {
            Instant until;
            if (wait.timestamp() != null) {
                until = Timestamps.parse(wait.timestamp());
            } else {
                JsonNode value = runtimeRead(wait, wait.timestampPath(), "TimestampPath", effective, ctx);
                until = value.isTextual() ? Timestamps.parse(value.textValue()) : null;
                if (until == null) {
                    throw new StatesError(StatesErrors.RUNTIME, "An error occurred while executing the state '"
                            + wait.name() + "'. The TimestampPath '" + wait.timestampPath().text()
                            + "' must select an RFC 3339 timestamp, not " + value);
                }
            }
            Duration left = Duration.between(Instant.now(), until);
            duration = left.isNegative() ? Duration.ZERO : left;
        }
        try {
            sleep(duration, scope);
        } catch (ExecutionAborted e) {
            log.add("WaitStateAborted", wait.name(), null);
            throw e;
        }
        JsonNode output = outputPath(wait, effective, ctx);
        log.add("WaitStateExited", wait.name(), Json.summary(output));
        return new Step(output, wait.transition().next());
    }

    private Step fail(Model.Fail fail, JsonNode raw) {
        Instant entered = entered(fail, raw);
        ObjectNode ctx = context(fail.name(), entered, 0);
        String error = failField(fail, fail.error(), fail.errorPath(), fail.errorCall(), "ErrorPath", raw, ctx);
        String cause = failField(fail, fail.cause(), fail.causePath(), fail.causeCall(), "CausePath", raw, ctx);
        throw new StatesError(error, cause);
    }

    private static String failField(Model.Fail fail, String literal, JsonPathExpr path, Intrinsic call, String field,
                                    JsonNode raw, JsonNode ctx) {
        if (literal != null) {
            return literal;
        }
        JsonNode value;
        if (path != null) {
            value = runtimeRead(fail, path, field, raw, ctx);
        } else if (call != null) {
            try {
                value = call.evaluate(raw, ctx);
            } catch (Intrinsic.PathFailure | Intrinsic.Failure e) {
                throw new StatesError(StatesErrors.RUNTIME, "An error occurred while executing the state '"
                        + fail.name() + "'. " + field + " " + call.text() + ": " + e.getMessage());
            }
        } else {
            return null;
        }
        if (!value.isTextual()) {
            throw new StatesError(StatesErrors.RUNTIME, "An error occurred while executing the state '"
                    + fail.name() + "'. The " + field + " must resolve to a string, not " + Json.typeOf(value));
        }
        return value.textValue();
    }

    // ---------------------------------------------------------------- Task, Parallel, Map: retry and catch

    private Step executeWorking(Model.Working state, JsonNode raw, Scope scope) {
        Instant entered = entered(state, raw);
        try {
            JsonNode effective = inputPath(state, raw, context(state.name(), entered, 0));
            int[] attempts = new int[state.retry().size()];
            int retryCount = 0;
            String retryNote = null;
            while (true) {
                JsonNode result;
                try {
                    result = attempt(state, raw, effective, entered, retryCount, retryNote, scope);
                } catch (StatesError e) {
                    scope.check();
                    if (StatesErrors.isTerminal(e.error())) {
                        throw e;
                    }
                    int r = firstRetrier(state, e.error());
                    if (r >= 0 && attempts[r] < state.retry().get(r).maxAttempts()) {
                        Model.Retrier retrier = state.retry().get(r);
                        double delay = retrier.delaySeconds(attempts[r]);
                        if (retrier.jitter() == Model.Jitter.FULL) {
                            delay = ThreadLocalRandom.current().nextDouble() * delay;
                        }
                        attempts[r]++;
                        retryCount++;
                        retryNote = "retry " + attempts[r] + " of " + retrier.maxAttempts() + " after "
                                + seconds(delay) + " s";
                        sleep(Duration.ofNanos(Math.round(delay * 1e9)), scope);
                        continue;
                    }
                    for (Model.Catcher catcher : state.catchers()) {
                        if (catcher.matches(e.error())) {
                            ObjectNode errorOutput = Json.object();
                            errorOutput.put("Error", e.error() == null ? "" : e.error());
                            errorOutput.put("Cause", e.errorCause() == null ? "" : e.errorCause());
                            JsonNode output = resultPath(state.name(), catcher.resultPath(), raw, errorOutput);
                            log.add(state.type() + "StateExited", state.name(),
                                    "caught " + describe(e.error(), null) + ", next: " + catcher.next());
                            return new Step(output, catcher.next());
                        }
                    }
                    throw e;
                }
                JsonNode output = outputPath(state, result, context(state.name(), entered, retryCount));
                log.add(state.type() + "StateExited", state.name(), Json.summary(output));
                return new Step(output, state.transition().next());
            }
        } catch (ExecutionAborted e) {
            log.add(state.type() + "StateAborted", state.name(), null);
            throw e;
        }
    }

    private static int firstRetrier(Model.Working state, String error) {
        for (int i = 0; i < state.retry().size(); i++) {
            if (state.retry().get(i).matches(error)) {
                return i;
            }
        }
        return -1;
    }

    private static String seconds(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private void sleep(Duration duration, Scope scope) {
        scope.check();
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            throw new ExecutionAborted();
        }
        scope.check();
    }

    /** One attempt of a Task, Parallel or Map: from Parameters to ResultPath. */
    private JsonNode attempt(Model.Working state, JsonNode raw, JsonNode effective, Instant entered, int retryCount,
                             String retryNote, Scope scope) {
        ObjectNode ctx = context(state.name(), entered, retryCount);
        JsonNode result;
        if (state instanceof Model.Task task) {
            result = task(task, effective, ctx, retryCount, retryNote, scope);
        } else if (state instanceof Model.Parallel parallel) {
            result = parallel(parallel, effective, ctx, retryNote, scope);
        } else {
            result = map((Model.MapState) state, effective, ctx, retryNote, scope);
        }
        if (state.resultSelector() != null) {
            result = state.resultSelector().evaluate(result, ctx);
        }
        return resultPath(state.name(), state.resultPath(), raw, result);
    }

    // ---------------------------------------------------------------- Task

    private JsonNode task(Model.Task task, JsonNode effective, ObjectNode ctx, int retryCount, String retryNote,
                          Scope scope) {
        JsonNode parameters = task.parameters() == null ? effective : task.parameters().evaluate(effective, ctx);
        Duration timeout = null;
        if (task.timeoutSeconds() != null) {
            timeout = Duration.ofSeconds(task.timeoutSeconds());
        } else if (task.timeoutSecondsPath() != null) {
            JsonNode value = runtimeRead(task, task.timeoutSecondsPath(), "TimeoutSecondsPath", effective, ctx);
            if (!value.isIntegralNumber() || value.asLong() <= 0) {
                throw new StatesError(StatesErrors.RUNTIME, "An error occurred while executing the state '"
                        + task.name() + "'. The TimeoutSecondsPath '" + task.timeoutSecondsPath().text()
                        + "' must select a positive integer, not " + value);
            }
            timeout = Duration.ofSeconds(value.asLong());
        }
        log.add("TaskScheduled", task.name(), task.resource() + (retryNote == null ? "" : " (" + retryNote + ")"));
        scope.check();
        log.add("TaskStarted", task.name(), null);
        TaskContext taskContext = new TaskContext(name, task.name(), retryCount, timeout);
        JsonNode request = parameters.deepCopy();
        JsonNode result;
        try {
            result = invoke(task, request, taskContext, timeout, scope);
        } catch (StatesError e) {
            if (!e.isLogged()) {
                log.add("TaskFailed", task.name(), describe(e.error(), e.errorCause()));
            }
            throw e;
        }
        log.add("TaskSucceeded", task.name(), Json.summary(result));
        return result;
    }

    private JsonNode invoke(Model.Task task, JsonNode request, TaskContext taskContext, Duration timeout,
                            Scope scope) {
        if (tasks == null) {
            throw new StatesError(StatesErrors.TASK_FAILED, "No TaskInvoker is configured to run " + task.resource());
        }
        JsonNode result;
        if (timeout == null) {
            try {
                result = tasks.invoke(task.resource(), request, taskContext);
            } catch (TaskFailedException e) {
                scope.check();
                throw new StatesError(e.error(), e.cause());
            } catch (RuntimeException e) {
                scope.check();
                throw new StatesError(e.getClass().getName(), e.getMessage());
            }
        } else {
            Future<JsonNode> future = pool.submit(() -> tasks.invoke(task.resource(), request, taskContext));
            try {
                result = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                String cause = "The task did not finish within its timeout of " + timeout.toSeconds() + " s";
                log.add("TaskTimedOut", task.name(), describe(StatesErrors.TIMEOUT, cause));
                throw new StatesError(StatesErrors.TIMEOUT, cause).logged();
            } catch (InterruptedException e) {
                future.cancel(true);
                throw new ExecutionAborted();
            } catch (ExecutionException e) {
                scope.check();
                Throwable cause = e.getCause();
                if (cause instanceof TaskFailedException failed) {
                    throw new StatesError(failed.error(), failed.cause());
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new StatesError(cause.getClass().getName(), cause.getMessage());
            }
        }
        scope.check();
        return result == null ? Json.NODES.nullNode() : result.deepCopy();
    }

    // ---------------------------------------------------------------- Parallel

    private JsonNode parallel(Model.Parallel parallel, JsonNode effective, ObjectNode ctx, String retryNote,
                              Scope scope) {
        JsonNode branchInput = parallel.parameters() == null ? effective
                : parallel.parameters().evaluate(effective, ctx);
        log.add("ParallelStateStarted", parallel.name(), retryNote);
        List<JsonNode> outputs;
        try {
            outputs = concurrently(parallel.branches().size(), 0, scope,
                    (index, child) -> runBlock(parallel.branches().get(index), branchInput, child));
        } catch (StatesError e) {
            log.add("ParallelStateFailed", parallel.name(), describe(e.error(), e.errorCause()));
            throw e;
        }
        log.add("ParallelStateSucceeded", parallel.name(), null);
        ArrayNode result = Json.NODES.arrayNode();
        outputs.forEach(result::add);
        return result;
    }

    // ---------------------------------------------------------------- Map

    private JsonNode map(Model.MapState map, JsonNode effective, ObjectNode ctx, String retryNote, Scope scope) {
        JsonNode items = map.itemsPath() == null ? effective
                : runtimeRead(map, map.itemsPath(), "ItemsPath", effective, ctx);
        if (!items.isArray()) {
            throw new StatesError(StatesErrors.RUNTIME, "An error occurred while executing the state '" + map.name()
                    + "'. The ItemsPath '" + (map.itemsPath() == null ? "$" : map.itemsPath().text())
                    + "' must select an array, not " + Json.typeOf(items));
        }
        int maxConcurrency = 0;
        if (map.maxConcurrency() != null) {
            maxConcurrency = map.maxConcurrency();
        } else if (map.maxConcurrencyPath() != null) {
            JsonNode value = runtimeRead(map, map.maxConcurrencyPath(), "MaxConcurrencyPath", effective, ctx);
            if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > Integer.MAX_VALUE) {
                throw new StatesError(StatesErrors.RUNTIME, "An error occurred while executing the state '"
                        + map.name() + "'. The MaxConcurrencyPath must select a non-negative integer, not " + value);
            }
            maxConcurrency = value.asInt();
        }
        log.add("MapStateStarted", map.name(), items.size() + " item(s)" + (retryNote == null ? "" : ", " + retryNote));
        List<JsonNode> outputs;
        try {
            outputs = concurrently(items.size(), maxConcurrency, scope, (index, child) -> {
                log.add("MapIterationStarted", map.name(), "index " + index);
                try {
                    JsonNode item = items.get(index);
                    JsonNode iterationInput = item;
                    if (map.itemSelector() != null) {
                        ObjectNode itemContext = ctx.deepCopy();
                        ObjectNode mapItem = itemContext.putObject("Map").putObject("Item");
                        mapItem.put("Index", index);
                        mapItem.set("Value", item);
                        iterationInput = map.itemSelector().evaluate(effective, itemContext);
                    }
                    JsonNode output = runBlock(map.processor(), iterationInput, child);
                    log.add("MapIterationSucceeded", map.name(), "index " + index);
                    return output;
                } catch (StatesError e) {
                    log.add("MapIterationFailed", map.name(), "index " + index + ": " + describe(e.error(), e.errorCause()));
                    throw e;
                } catch (ExecutionAborted e) {
                    log.add("MapIterationAborted", map.name(), "index " + index);
                    throw e;
                }
            });
        } catch (StatesError e) {
            log.add("MapStateFailed", map.name(), describe(e.error(), e.errorCause()));
            throw e;
        }
        log.add("MapStateSucceeded", map.name(), outputs.size() + " item(s)");
        ArrayNode result = Json.NODES.arrayNode();
        outputs.forEach(result::add);
        return result;
    }

    // ---------------------------------------------------------------- concurrency

    @FunctionalInterface
    private interface Work {
        JsonNode run(int index, Scope scope);
    }

    /**
     * Runs {@code count} pieces of work on the pool, at most {@code maxConcurrency} at a time (0: no limit;
     * 1: strictly one after the other, in order). The first failure cancels the others (their threads are
     * interrupted, and the ones not started yet never start) and, once every started one has stopped, is
     * rethrown.
     */
    private List<JsonNode> concurrently(int count, int maxConcurrency, Scope parent, Work work) {
        Scope child = parent.child();
        JsonNode[] results = new JsonNode[count];
        AtomicReference<StatesError> failure = new AtomicReference<>();
        Semaphore permits = maxConcurrency > 0 ? new Semaphore(maxConcurrency) : null;
        List<CompletableFuture<Void>> running = new ArrayList<>();
        boolean interrupted = false;
        try {
            for (int i = 0; i < count; i++) {
                if (child.isCancelled()) {
                    break;
                }
                if (permits != null) {
                    permits.acquire();
                    if (child.isCancelled()) {
                        permits.release();
                        break;
                    }
                }
                int index = i;
                CompletableFuture<Void> done = new CompletableFuture<>();
                running.add(done);
                pool.execute(() -> {
                    Thread me = Thread.currentThread();
                    child.register(me);
                    try {
                        results[index] = work.run(index, child);
                    } catch (StatesError e) {
                        if (failure.compareAndSet(null, e)) {
                            child.cancel();
                        }
                    } catch (ExecutionAborted e) {
                        // stopped because a sibling failed or the execution ended
                    } catch (RuntimeException | Error e) {
                        if (failure.compareAndSet(null, new StatesError(StatesErrors.RUNTIME,
                                "Internal error in the local executor: " + e))) {
                            child.cancel();
                        }
                    } finally {
                        child.unregister(me);
                        if (permits != null) {
                            permits.release();
                        }
                        done.complete(null);
                    }
                });
            }
            for (CompletableFuture<Void> done : running) {
                done.get();
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        if (interrupted) {
            child.cancel();
            for (CompletableFuture<Void> done : running) {
                done.join();
            }
            throw new ExecutionAborted();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        parent.check();
        return Arrays.asList(results);
    }
}
