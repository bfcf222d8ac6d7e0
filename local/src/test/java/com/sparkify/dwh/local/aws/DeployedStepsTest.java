package com.sparkify.dwh.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.sparkify.dwh.pipeline.StepReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-step figures of a deployed run, rebuilt from the Lambda payloads in its history. */
class DeployedStepsTest {

    @Test
    void everyStepWithItsRowsRejectedRowsAndSecondsFromTheHistory() {
        List<StepReport> heard = new ArrayList<>();
        DeployedSteps steps = new DeployedSteps(FunctionNames.fromTemplate(), heard::add);

        HistoryFixtures.succeeded().forEach(steps::accept);

        // Figures from the fixture's CheckStatement payloads, in the order the steps finished: stage events
        // before stage songs (2 polls to 3), artists a little before songs (both one poll).
        // The plan first, with the objects it planned: 14896 song files and 30 log files.
        assertThat(steps.steps()).extracting(StepReport::name, StepReport::rows, StepReport::rejected).containsExactly(
                tuple("plan", 14926L, -1L),
                tuple("create tables", -1L, -1L),
                tuple("stage events", 8056L, 3L),
                tuple("stage songs", 14896L, 0L),
                tuple("load users", 97L, -1L),
                tuple("load artists", 10025L, -1L),
                tuple("load songs", 14896L, -1L),
                tuple("load songplays", 6820L, -1L),
                tuple("load time", 6813L, -1L),
                tuple("check quality", -1L, -1L));
        assertThat(heard).isEqualTo(steps.steps());
        // Seconds are the history's (submit scheduled → check saw FINISHED), not how fast it was read:
        // one 5-second wait per poll.
        assertThat(seconds(steps, "stage songs")).isBetween(15.0, 17.0);
        assertThat(seconds(steps, "stage events")).isBetween(10.0, 12.0);
        assertThat(seconds(steps, "load users")).isBetween(5.0, 6.5);
    }

    @Test
    void aFailedRunReportsTheStepsThatFinishedBeforeIt() {
        DeployedSteps steps = new DeployedSteps(FunctionNames.fromTemplate(), report -> { });

        HistoryFixtures.failed().forEach(steps::accept);

        // The checks' statement finished (so "check quality" is a step); evaluating it failed the run.
        assertThat(steps.steps()).extracting(StepReport::name).endsWith("load time", "check quality").hasSize(10);
    }

    private static double seconds(DeployedSteps steps, String name) {
        return steps.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow()
                .elapsed().toNanos() / 1e9;
    }
}
