package com.sparkify.dwh.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Hears every task the local runtime performs: to print progress and build the run's report. */
public interface TaskObserver {

    /** A function returned {@code output} for {@code payload}. */
    default void invoked(String function, JsonNode payload, JsonNode output, Duration elapsed) {
    }

}
