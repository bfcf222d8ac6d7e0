package com.sparkify.dwh.local.states;

import java.util.Set;

/** The predefined error names of the States Language (Appendix A) and the AWS additions this executor raises. */
final class StatesErrors {
    static final String ALL = "States.ALL";
    static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    static final String TIMEOUT = "States.Timeout";
    static final String TASK_FAILED = "States.TaskFailed";
    static final String PERMISSIONS = "States.Permissions";
    static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
    static final String BRANCH_FAILED = "States.BranchFailed";
    static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
    static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
    /** AWS: a runtime error no Retry or Catch (not even States.ALL) handles; the execution always fails. */
    static final String RUNTIME = "States.Runtime";
    /** AWS: a terminal error States.ALL does not catch. */
    static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    static final String HTTP_SOCKET = "States.Http.Socket";

    /** Names beginning with "States." that may appear in ErrorEquals. */
    static final Set<String> KNOWN = Set.of(ALL, HEARTBEAT_TIMEOUT, TIMEOUT, TASK_FAILED, PERMISSIONS,
            RESULT_PATH_MATCH_FAILURE, PARAMETER_PATH_FAILURE, QUERY_EVALUATION_ERROR, BRANCH_FAILED,
            NO_CHOICE_MATCHED, INTRINSIC_FAILURE, EXCEED_TOLERATED_FAILURE_THRESHOLD, ITEM_READER_FAILED,
            RESULT_WRITER_FAILED, RUNTIME, DATA_LIMIT_EXCEEDED, HTTP_SOCKET);

    private StatesErrors() {
    }

    /** AWS: States.Runtime and States.DataLimitExceeded are terminal: no Retrier or Catcher matches them. */
    static boolean isTerminal(String error) {
        return RUNTIME.equals(error) || DATA_LIMIT_EXCEEDED.equals(error);
    }

    /**
     * Whether a Retrier's or Catcher's ErrorEquals entry matches an error name. States.ALL matches any
     * error; States.TaskFailed, as AWS documents, matches any error except States.Timeout; anything else
     * matches its own name exactly (case-sensitive). Terminal errors match nothing.
     */
    static boolean matches(String pattern, String error) {
        if (isTerminal(error)) {
            return false;
        }
        if (ALL.equals(pattern)) {
            return true;
        }
        if (TASK_FAILED.equals(pattern)) {
            return !TIMEOUT.equals(error) && !HEARTBEAT_TIMEOUT.equals(error);
        }
        return pattern.equals(error);
    }
}
