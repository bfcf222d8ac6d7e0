package com.sparkify.dwh.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.StatementState;
import com.sparkify.dwh.warehouse.Warehouse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class StatementWaiterTest {

    private final Warehouse warehouse = mock(Warehouse.class);
    private final StatementWaiter waiter =
            new StatementWaiter(warehouse, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofSeconds(10));

    private static StatementDescription state(StatementState state, String error) {
        return new StatementDescription("s1", state, error, state == StatementState.FINISHED ? 3 : -1, false, 0, List.of());
    }

    @Test
    void returnsTheFinishedDescriptionAfterPolling() {
        StatementDescription finished = state(StatementState.FINISHED, null);
        when(warehouse.describeStatement("s1")).thenReturn(state(StatementState.SUBMITTED, null),
                state(StatementState.PICKED, null), state(StatementState.STARTED, null), finished);
        assertThat(waiter.awaitFinished("s1", "load users")).isSameAs(finished);
        verify(warehouse, times(4)).describeStatement("s1");
        verify(warehouse, never()).cancelStatement("s1");
    }

    @Test
    void aFailedStatementThrowsWithTheErrorText() {
        StatementDescription failed = state(StatementState.FAILED, "ERROR: relation \"users\" does not exist");
        when(warehouse.describeStatement("s1")).thenReturn(state(StatementState.STARTED, null), failed);
        StatementFailedException e = catchThrowableOfType(StatementFailedException.class,
                () -> waiter.awaitFinished("s1", "load users"));
        assertThat(e).hasMessage("load users failed: ERROR: relation \"users\" does not exist");
        assertThat(e.what()).isEqualTo("load users");
        assertThat(e.description()).isSameAs(failed);
    }

    @Test
    void anAbortedStatementThrowsWithTheErrorText() {
        when(warehouse.describeStatement("s1")).thenReturn(state(StatementState.ABORTED, "cancelled by admin"));
        StatementFailedException e = catchThrowableOfType(StatementFailedException.class,
                () -> waiter.awaitFinished("s1", "load time"));
        assertThat(e).hasMessage("load time was aborted: cancelled by admin");
        assertThat(e.description().state()).isEqualTo(StatementState.ABORTED);
    }

    @Test
    void anAbortedStatementWithoutErrorTextThrows() {
        when(warehouse.describeStatement("s1")).thenReturn(state(StatementState.ABORTED, null));
        assertThat(catchThrowableOfType(StatementFailedException.class, () -> waiter.awaitFinished("s1", "load time")))
                .hasMessage("load time was aborted");
    }

    @Test
    void awaitReturnsWhateverStateEndedTheStatement() {
        when(warehouse.describeStatement("s1")).thenReturn(state(StatementState.STARTED, null),
                state(StatementState.FAILED, "x"));
        assertThat(waiter.await("s1", "q").state()).isEqualTo(StatementState.FAILED);
    }

    @Test
    void aStatementPastTheTimeoutIsCancelled() {
        StatementWaiter quick = new StatementWaiter(warehouse, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(100));
        StatementDescription aborted = state(StatementState.ABORTED, "statement was cancelled");
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        when(warehouse.describeStatement("s1")).thenAnswer(call -> {
            calls.add("describe");
            return calls.contains("cancel") ? aborted : state(StatementState.STARTED, null);
        });
        doAnswer(call -> calls.add("cancel")).when(warehouse).cancelStatement("s1");
        StatementFailedException e = catchThrowableOfType(StatementFailedException.class,
                () -> quick.awaitFinished("s1", "load songplays"));
        assertThat(e).hasMessageContaining("load songplays did not finish within").hasMessageContaining("cancelled");
        assertThat(e.what()).isEqualTo("load songplays");
        assertThat(e.description()).isSameAs(aborted);
        assertThat(calls).hasSizeGreaterThan(2).endsWith("describe", "cancel", "describe");
        assertThat(calls.subList(0, calls.size() - 2)).containsOnly("describe");
    }

    @Test
    void aTimeoutIsNeverMetByAStatementThatFinishedInTime() {
        StatementWaiter quick = new StatementWaiter(warehouse, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1));
        when(warehouse.describeStatement("s1")).thenReturn(state(StatementState.FINISHED, null));
        assertThat(quick.awaitFinished("s1", "q").state()).isEqualTo(StatementState.FINISHED);
        verify(warehouse, never()).cancelStatement("s1");
    }

    @Test
    void anInterruptedWaitStops() {
        when(warehouse.describeStatement("s1")).thenReturn(state(StatementState.STARTED, null));
        Thread.currentThread().interrupt();
        try {
            assertThat(catchThrowableOfType(IllegalStateException.class, () -> waiter.await("s1", "q")))
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
