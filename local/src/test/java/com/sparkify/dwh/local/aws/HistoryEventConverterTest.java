package com.sparkify.dwh.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.dwh.local.states.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Deployed history events as the local runtime's: state names through interleaved branches, short details. */
class HistoryEventConverterTest {

    private static final FunctionNames FUNCTIONS = FunctionNames.fromTemplate();

    private static List<HistoryEvent> convert(List<software.amazon.awssdk.services.sfn.model.HistoryEvent> events) {
        // Stands in for the CLI's FailureCause: keep Lambda's errorMessage only.
        HistoryEventConverter converter = new HistoryEventConverter("the-run", FUNCTIONS,
                cause -> cause.replaceAll("^\\{\"errorMessage\":\"([^\"]*)\".*$", "$1"));
        List<HistoryEvent> converted = new ArrayList<>();
        events.forEach(event -> converted.add(converter.convert(event)));
        return converted;
    }

    private static HistoryEvent first(List<HistoryEvent> events, Predicate<HistoryEvent> which) {
        return events.stream().filter(which).findFirst().orElseThrow();
    }

    @Test
    void keepsIdTimestampAndTypeAndNamesExecutionStartedAfterTheRun() {
        var sdk = HistoryFixtures.succeeded();
        List<HistoryEvent> events = convert(sdk);

        assertThat(events).hasSize(344);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).id()).isEqualTo(sdk.get(i).id());
            assertThat(events.get(i).timestamp()).isEqualTo(sdk.get(i).timestamp());
            assertThat(events.get(i).type()).isEqualTo(sdk.get(i).typeAsString());
        }
        assertThat(events.get(0)).extracting(HistoryEvent::type, HistoryEvent::stateName, HistoryEvent::details)
                .containsExactly("ExecutionStarted", null, "the-run");
        assertThat(events.get(events.size() - 1)).extracting(HistoryEvent::type, HistoryEvent::stateName)
                .containsExactly("ExecutionSucceeded", null);
    }

    @Test
    void taskEventsTakeTheStateTheyFollowAndTaskScheduledShowsResourceAndFunction() {
        List<HistoryEvent> events = convert(HistoryFixtures.succeeded());

        assertThat(events.subList(1, 6)).extracting(HistoryEvent::type, HistoryEvent::stateName).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TaskStateEntered", "Plan"),
                org.assertj.core.groups.Tuple.tuple("TaskScheduled", "Plan"),
                org.assertj.core.groups.Tuple.tuple("TaskStarted", "Plan"),
                org.assertj.core.groups.Tuple.tuple("TaskSucceeded", "Plan"),
                org.assertj.core.groups.Tuple.tuple("TaskStateExited", "Plan"));
        assertThat(events.get(2).details()).isEqualTo("arn:aws:states:::lambda:invoke PlanRunFunction");
        assertThat(events.stream().filter(e -> e.type().equals("TaskScheduled")).map(HistoryEvent::details)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder(
                "arn:aws:states:::lambda:invoke PlanRunFunction",
                "arn:aws:states:::lambda:invoke CreateTablesFunction",
                "arn:aws:states:::lambda:invoke StageDatasetFunction",
                "arn:aws:states:::lambda:invoke LoadTableFunction",
                "arn:aws:states:::lambda:invoke CheckStatementFunction",
                "arn:aws:states:::lambda:invoke QualityChecksFunction");
    }

    @Test
    void interleavedParallelBranchesKeepTheirOwnStateNames() {
        var sdk = HistoryFixtures.succeeded();
        List<HistoryEvent> events = convert(sdk);
        Map<Long, HistoryEvent> byId = events.stream().collect(Collectors.toMap(HistoryEvent::id, e -> e));

        // The two stage steps run at once: their events interleave in the history.
        long songs = first(events, e -> e.type().equals("TaskScheduled") && e.details().endsWith("StageDatasetFunction")).id();
        HistoryEvent next = byId.get(songs + 1);
        assertThat(next.type()).as("the other branch's event comes between").isNotEqualTo("TaskStarted");
        // Yet each task event belongs to the state its own chain entered, not to the last one entered.
        for (int i = 0; i < sdk.size(); i++) {
            String type = events.get(i).type();
            if (Set.of("TaskScheduled", "TaskStarted", "TaskSucceeded").contains(type)) {
                long entered = sdk.get(i).previousEventId();
                while (!byId.get(entered).type().endsWith("StateEntered")) {
                    entered = sdk.get((int) entered - 1).previousEventId();
                }
                assertThat(events.get(i).stateName()).as("event %d", events.get(i).id())
                        .isEqualTo(byId.get(entered).stateName());
            }
        }
        assertThat(events).filteredOn(e -> e.type().startsWith("ParallelState"))
                .extracting(HistoryEvent::stateName).containsOnly("RunStep");
        assertThat(events).filteredOn(e -> e.type().equals("MapStateStarted"))
                .extracting(HistoryEvent::stateName).containsOnly("RunPhases", "RunSteps");
        assertThat(first(events, e -> e.type().equals("MapStateStarted")).details()).isEqualTo("6 iterations");
        assertThat(events).filteredOn(e -> e.type().equals("MapIterationStarted") && "RunSteps".equals(e.stateName()))
                .extracting(HistoryEvent::details).contains("iteration 0", "iteration 1", "iteration 2");
    }

    @Test
    void failuresShowErrorAndShortenedCause() {
        List<HistoryEvent> events = convert(HistoryFixtures.failed());

        HistoryEvent taskFailed = first(events, e -> e.type().equals("TaskFailed"));
        assertThat(taskFailed.stateName()).isEqualTo("EvaluateQualityChecks");
        assertThat(taskFailed.details()).isEqualTo("com.sparkify.dwh.handlers.DataQualityCheckFailedException:"
                + " data-quality checks failed: songplays_missing_user");
        HistoryEvent executionFailed = events.get(events.size() - 1);
        assertThat(executionFailed.type()).isEqualTo("ExecutionFailed");
        assertThat(executionFailed.stateName()).isNull();
        assertThat(executionFailed.details()).isEqualTo(taskFailed.details());
        assertThat(first(events, e -> e.type().equals("ParallelStateFailed")).stateName()).isEqualTo("RunStep");
        assertThat(first(events, e -> e.type().equals("TaskScheduled") && e.stateName().equals("NotifyFailure")).details())
                .isEqualTo("arn:aws:states:::sns:publish");
    }
}
