package com.sparkify.dwh.local.states;

import static com.sparkify.dwh.local.states.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Wait: Seconds, SecondsPath, Timestamp, TimestampPath, all through the Sleeper. */
class WaitStateTest {
    private final Asl.RecordingSleeper sleeper = new Asl.RecordingSleeper();

    private ExecutionResult run(String state, String input) {
        return Asl.single(state).run("w", json(input), Asl.options(null, sleeper));
    }

    @Test
    void secondsWaitsThatLongAndPassesTheInputThrough() {
        ExecutionResult result = run("{'Type':'Wait','Seconds':10,'End':true}", "{'a':1}");

        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(10));
        assertThat(result.output()).isEqualTo(json("{'a':1}"));
        assertThat(Asl.types(result)).containsExactly("ExecutionStarted", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded");
    }

    @Test
    void secondsPathReadsTheEffectiveInput() {
        ExecutionResult result = run("{'Type':'Wait','InputPath':'$.w','SecondsPath':'$.delay','OutputPath':'$.delay','End':true}",
                "{'w':{'delay':7}}");

        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(result.output()).isEqualTo(json("7"));
    }

    @Test
    void aTimestampInThePastDoesNotWaitAndOneInTheFutureWaitsUntilThen() {
        run("{'Type':'Wait','Timestamp':'2016-03-14T01:59:00Z','End':true}", "{}");
        Instant future = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        run("{'Type':'Wait','TimestampPath':'$.expirydate','End':true}", "{'expirydate':'" + future + "'}");

        assertThat(sleeper.sleeps.get(0)).isEqualTo(Duration.ZERO);
        assertThat(sleeper.sleeps.get(1)).isBetween(Duration.ofSeconds(3590), Duration.ofSeconds(3600));
    }

    @Test
    void aTimestampWithANumericOffset() {
        Instant future = Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        // Formatted with its seconds always: OffsetDateTime.toString() drops ":00", which RFC 3339 (and so
        // the States Language) does not allow, and the test failed once a minute.
        String withOffset = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(future.atOffset(java.time.ZoneOffset.ofHours(2)));

        run("{'Type':'Wait','TimestampPath':'$.t','End':true}", "{'t':'" + withOffset + "'}");

        assertThat(sleeper.sleeps.get(0)).isBetween(Duration.ofSeconds(590), Duration.ofSeconds(600));
    }

    @Test
    void invalidDynamicWaitsAreRuntimeErrors() {
        assertThat(run("{'Type':'Wait','SecondsPath':'$.s','End':true}", "{'s':-1}").error()).isEqualTo("States.Runtime");
        assertThat(run("{'Type':'Wait','SecondsPath':'$.s','End':true}", "{'s':'10'}").error()).isEqualTo("States.Runtime");
        assertThat(run("{'Type':'Wait','SecondsPath':'$.s','End':true}", "{}").error()).isEqualTo("States.Runtime");
        assertThat(run("{'Type':'Wait','TimestampPath':'$.t','End':true}", "{'t':'tomorrow'}").error()).isEqualTo("States.Runtime");
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void scaledSleeperMultipliesRealSleepsAndZeroDoesNotSleep() throws InterruptedException {
        long start = System.nanoTime();
        Sleeper.scaled(0).sleep(Duration.ofHours(1));
        Sleeper.scaled(0.001).sleep(Duration.ofSeconds(50));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMillis).isBetween(45L, 5_000L);
    }
}
