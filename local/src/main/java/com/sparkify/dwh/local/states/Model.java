package com.sparkify.dwh.local.states;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The parsed, validated form of a definition. */
final class Model {
    private Model() {
    }

    /** A "States" object with its "StartAt": the top level, a Parallel branch or a Map ItemProcessor. */
    record Block(String startAt, Map<String, State> states) {
    }

    /**
     * InputPath/OutputPath: absent means "$" (path is the root), JSON null means "discard" (path null).
     */
    record IoPath(JsonPathExpr path) {
        static final IoPath DEFAULT = new IoPath(JsonPathExpr.compile("$"));
        static final IoPath DISCARD = new IoPath(null);

        boolean discards() {
            return path == null;
        }
    }

    /** ResultPath: absent means "$", JSON null means the result is discarded and the raw input kept. */
    record ResultPath(JsonPathExpr path) {
        static final ResultPath DEFAULT = new ResultPath(JsonPathExpr.compile("$"));
        static final ResultPath DISCARD = new ResultPath(null);

        boolean discards() {
            return path == null;
        }
    }

    enum Jitter { NONE, FULL }

    record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
                   Integer maxDelaySeconds, Jitter jitter) {
        boolean matches(String error) {
            return errorEquals.stream().anyMatch(pattern -> StatesErrors.matches(pattern, error));
        }

        /** The wait before retry number {@code attempt} (0-based) of this retrier, before jitter. */
        double delaySeconds(int attempt) {
            double delay = intervalSeconds * Math.pow(backoffRate, attempt);
            if (maxDelaySeconds != null) {
                delay = Math.min(delay, maxDelaySeconds);
            }
            return delay;
        }
    }

    record Catcher(List<String> errorEquals, String next, ResultPath resultPath) {
        boolean matches(String error) {
            return errorEquals.stream().anyMatch(pattern -> StatesErrors.matches(pattern, error));
        }
    }

    /** Next or End. */
    record Transition(String next, boolean end) {
    }

    sealed interface State permits Pass, Working, Choice, Wait, Succeed, Fail {
        String name();

        String type();

        IoPath inputPath();

        IoPath outputPath();
    }

    /** Task, Parallel and Map: states with a result, Retry and Catch. */
    sealed interface Working extends State permits Task, Parallel, MapState {
        PayloadTemplate parameters();

        PayloadTemplate resultSelector();

        ResultPath resultPath();

        List<Retrier> retry();

        List<Catcher> catchers();

        Transition transition();
    }

    record Pass(String name, IoPath inputPath, IoPath outputPath, PayloadTemplate parameters, JsonNode result,
                ResultPath resultPath, Transition transition) implements State {
        @Override
        public String type() {
            return "Pass";
        }
    }

    record Task(String name, IoPath inputPath, IoPath outputPath, String resource, PayloadTemplate parameters,
                PayloadTemplate resultSelector, ResultPath resultPath, Integer timeoutSeconds,
                JsonPathExpr timeoutSecondsPath, List<Retrier> retry, List<Catcher> catchers,
                Transition transition) implements Working {
        @Override
        public String type() {
            return "Task";
        }
    }

    record Choice(String name, IoPath inputPath, IoPath outputPath, List<ChoiceRule> rules, List<String> nexts,
                  String defaultNext) implements State {
        @Override
        public String type() {
            return "Choice";
        }
    }

    record Wait(String name, IoPath inputPath, IoPath outputPath, Long seconds, JsonPathExpr secondsPath,
                String timestamp, JsonPathExpr timestampPath, Transition transition) implements State {
        @Override
        public String type() {
            return "Wait";
        }
    }

    record Succeed(String name, IoPath inputPath, IoPath outputPath) implements State {
        @Override
        public String type() {
            return "Succeed";
        }
    }

    /** Error/Cause are literal; errorPath/causePath a Reference Path; errorCall/causeCall an intrinsic function. */
    record Fail(String name, String error, JsonPathExpr errorPath, Intrinsic errorCall, String cause,
                JsonPathExpr causePath, Intrinsic causeCall) implements State {
        @Override
        public String type() {
            return "Fail";
        }

        @Override
        public IoPath inputPath() {
            return IoPath.DEFAULT;
        }

        @Override
        public IoPath outputPath() {
            return IoPath.DEFAULT;
        }
    }

    record Parallel(String name, IoPath inputPath, IoPath outputPath, List<Block> branches,
                    PayloadTemplate parameters, PayloadTemplate resultSelector, ResultPath resultPath,
                    List<Retrier> retry, List<Catcher> catchers, Transition transition) implements Working {
        @Override
        public String type() {
            return "Parallel";
        }
    }

    /** Map: {@code parameters} is always null (the deprecated Map "Parameters" is the itemSelector). */
    record MapState(String name, IoPath inputPath, IoPath outputPath, JsonPathExpr itemsPath,
                    PayloadTemplate itemSelector, Block processor, Integer maxConcurrency,
                    JsonPathExpr maxConcurrencyPath, PayloadTemplate resultSelector, ResultPath resultPath,
                    List<Retrier> retry, List<Catcher> catchers, Transition transition) implements Working {
        @Override
        public String type() {
            return "Map";
        }

        @Override
        public PayloadTemplate parameters() {
            return null;
        }
    }
}
