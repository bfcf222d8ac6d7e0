package com.sparkify.dwh.local.aws;

import com.sparkify.dwh.local.states.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;

/**
 * Follows a deployed execution: each poll describes it, then reads the history events added since the
 * last poll and hands each to the listener once, in id order; it returns when the execution has stopped.
 * Describing first means the read that follows the final status holds the whole history.
 */
public final class ExecutionFollower {

    /** The API's maximum: a long run's history in the fewest calls. */
    static final int PAGE_SIZE = 1000;

    private static final Set<HistoryEventType> LAST_EVENTS = Set.of(HistoryEventType.EXECUTION_SUCCEEDED,
            HistoryEventType.EXECUTION_FAILED, HistoryEventType.EXECUTION_TIMED_OUT, HistoryEventType.EXECUTION_ABORTED);

    private final SfnClient sfn;
    private final Sleeper sleeper;
    private final Duration pollInterval;

    public ExecutionFollower(SfnClient sfn, Sleeper sleeper, Duration pollInterval) {
        if (pollInterval.isNegative()) {
            throw new IllegalArgumentException("poll interval must not be negative: " + pollInterval);
        }
        this.sfn = sfn;
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
    }

    public FollowedExecution follow(String executionArn, Consumer<HistoryEvent> listener) throws InterruptedException {
        History history = new History(executionArn, listener);
        while (true) {
            DescribeExecutionResponse description = SfnCallException.call("DescribeExecution",
                    () -> sfn.describeExecution(request -> request.executionArn(executionArn)));
            history.readNew();
            if (!stillRunning(description.status())) {
                history.readToTheEnd();
                return new FollowedExecution(description, history.events);
            }
            sleeper.sleep(pollInterval);
        }
    }

    /** PENDING_REDRIVE: a redrive was asked for and the execution is about to run again. */
    private static boolean stillRunning(ExecutionStatus status) {
        return status == ExecutionStatus.RUNNING || status == ExecutionStatus.PENDING_REDRIVE;
    }

    /** The history read so far, and where to read on. */
    private final class History {
        private final String executionArn;
        private final Consumer<HistoryEvent> listener;
        private final List<HistoryEvent> events = new ArrayList<>();
        private long lastId;
        /**
         * The token that fetched the last page read (null: the first page). The last page is the one that
         * grows, so each poll reads it again rather than the whole history; events already seen are
         * skipped by id, so reading a page twice, or from the start, is harmless.
         */
        private String lastPageToken;

        History(String executionArn, Consumer<HistoryEvent> listener) {
            this.executionArn = executionArn;
            this.listener = listener;
        }

        void readNew() {
            String token = lastPageToken;
            while (true) {
                GetExecutionHistoryResponse page = page(token);
                if (page == null) { // the token expired (they last 24 hours): start again from the first page
                    token = null;
                    continue;
                }
                for (HistoryEvent event : page.events()) {
                    if (event.id() != null && event.id() > lastId) {
                        lastId = event.id();
                        events.add(event);
                        listener.accept(event);
                    }
                }
                if (page.nextToken() == null) {
                    lastPageToken = token;
                    return;
                }
                token = page.nextToken();
            }
        }

        /**
         * After the final status, the history must end with the execution's own last event. Should reading
         * on from a saved token not have shown it, read once more from the first page.
         */
        void readToTheEnd() {
            if (events.isEmpty() || !LAST_EVENTS.contains(events.get(events.size() - 1).type())) {
                lastPageToken = null;
                readNew();
            }
        }

        private GetExecutionHistoryResponse page(String token) {
            try {
                return sfn.getExecutionHistory(request -> request.executionArn(executionArn)
                        .maxResults(PAGE_SIZE).nextToken(token).includeExecutionData(true));
            } catch (InvalidTokenException expired) {
                if (token == null) {
                    throw SfnCallException.of("GetExecutionHistory", expired);
                }
                return null;
            } catch (software.amazon.awssdk.core.exception.SdkException e) {
                throw SfnCallException.of("GetExecutionHistory", e);
            }
        }
    }
}
